import type { Database } from 'better-sqlite3';
import { openStore } from '../db/open-store';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { UsersRepository } from '../db/repositories/users-repository';
import type { StoreProblemCode } from '../../src-shared/ipc/app-status';
import type { DataChangedEvent } from '../../src-shared/ipc/operation-names';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../../src-shared/scoring/scoring-config';
import { parseScoringConfig } from '../../src-shared/scoring/scoring-config-schema';
import { ScoringConfigRepository } from '../db/repositories/scoring-config-repository';
import { createRequestHandler, withContractCheck, type IpcDispatch, type ParsedDispatch } from '../ipc/ipc-dispatcher';
import { createServiceContext, type ServiceContext } from '../services/service-context';

export interface OpenAppOptions {
  dataDir: string;
  nativeBinding?: string;
  /** Make a new, empty store when the folder has none (default); off, a missing store is an error. */
  create?: boolean;
  /** Time the start-up integrity check may take beyond the core tables (see openStore). */
  checkBudgetMs?: number;
  now?: () => Date;
  validateResponses?: boolean;
  /** The signed-in user (a synced book): the device user, whatever the book's first CSM is. */
  localUserId?: string;
  /** Progress of long work and warnings (e.g. a team config that was not applied), for the console. */
  onProgress?: (message: string) => void;
  /** SQLite reported the store damaged, read-only, full or busy while serving a request. */
  onStoreProblem?: (code: StoreProblemCode, error: unknown) => void;
}

/**
 * The team's scoring config: the DESIGN defaults with the stored overrides applied. A stored config
 * that does not validate is reported and the defaults are used, so a bad admin edit cannot stop
 * a CSM from working.
 */
function loadScoringConfig(db: Database, report?: (message: string) => void): { config: ScoringConfig; problem: string | null } {
  const stored = new ScoringConfigRepository(db).storedJson();
  if (stored === null) return { config: DEFAULT_SCORING_CONFIG, problem: null };
  let overrides: unknown;
  try {
    overrides = JSON.parse(stored);
  } catch {
    report?.('The team scoring config is not valid JSON; using the default rules.');
    return { config: DEFAULT_SCORING_CONFIG, problem: 'the stored config is not valid JSON' };
  }
  const parsed = parseScoringConfig(overrides);
  if (parsed.ok) return { config: parsed.config, problem: null };
  report?.(`The team scoring config was not applied (${parsed.message}); using the default rules.`);
  return { config: DEFAULT_SCORING_CONFIG, problem: parsed.message };
}

export interface OpenApp {
  db: Database;
  ctx: ServiceContext;
  /** Checks a request against the contract, then answers it. */
  dispatch: IpcDispatch;
  /** Answers a request the caller already checked against the contract (the workspace does). */
  handle: ParsedDispatch;
  /** Subscribes to `data.changed` pushes; returns the unsubscribe function. */
  onDataChanged: (listener: (event: DataChangedEvent) => void) => () => void;
  close: () => void;
}

/** Opens the store and wires the services; the workspace does this for the user's book and the demo book alike. */
export function openApp(options: OpenAppOptions): OpenApp {
  const db = openStore({
    dataDir: options.dataDir,
    ...(options.create === undefined ? {} : { create: options.create }),
    ...(options.checkBudgetMs === undefined ? {} : { checkBudgetMs: options.checkBudgetMs }),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const now = options.now ?? (() => new Date());
  const syncState = new SyncStateRepository(db);
  let localUserId = syncState.get('local_user_id') ?? null;
  if (options.localUserId && options.localUserId !== localUserId) {
    localUserId = options.localUserId;
    syncState.set('local_user_id', localUserId);
  } else if (!localUserId) {
    localUserId = new UsersRepository(db).firstCsmId();
    if (localUserId) syncState.set('local_user_id', localUserId);
  }
  const { config: scoringConfig, problem: scoringConfigProblem } = loadScoringConfig(db, options.onProgress);
  const ctx = createServiceContext(db, { now, localUserId, scoringConfig, scoringConfigProblem });
  const listeners = new Set<(event: DataChangedEvent) => void>();
  const handle = createRequestHandler(ctx, {
    validateResponses: options.validateResponses ?? false,
    onDataChanged: (event) => listeners.forEach((listener) => listener(event)),
    ...(options.onStoreProblem ? { onStoreProblem: options.onStoreProblem } : {}),
  });
  return {
    db,
    ctx,
    dispatch: withContractCheck(handle),
    handle,
    onDataChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => db.close(),
  };
}
