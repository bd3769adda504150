import type { Database } from 'better-sqlite3';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../../src-shared/scoring/scoring-config';

/** What every service needs: the open store, a clock (pinned in tests) and the team's config. */
export interface ServiceContext {
  db: Database;
  now: () => Date;
  /** The CSM using this device; authors their notes. */
  localUserId: string | null;
  scoringConfig: ScoringConfig;
  /** Why the team's stored scoring config was not applied (the defaults are in use), for the UI. */
  scoringConfigProblem: string | null;
}

export function createServiceContext(db: Database, overrides: Partial<Omit<ServiceContext, 'db'>> = {}): ServiceContext {
  return {
    db,
    now: overrides.now ?? (() => new Date()),
    localUserId: overrides.localUserId ?? null,
    scoringConfig: overrides.scoringConfig ?? DEFAULT_SCORING_CONFIG,
    scoringConfigProblem: overrides.scoringConfigProblem ?? null,
  };
}
