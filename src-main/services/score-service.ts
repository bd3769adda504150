import type { AccountFacts } from '../../src-shared/domain/account-inputs';
import { scoreAccount } from '../../src-shared/domain/account-score';
import { AccountInputsRepository } from '../db/repositories/account-inputs-repository';
import { AccountScoresRepository, type ScoringSourceRow, type StoredScore } from '../db/repositories/account-scores-repository';
import { ScoreHistoryRepository, type HistoricScore } from '../db/repositories/score-history-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { MS_PER_DAY } from '../../src-shared/schedule/utc-date';

/** Days of score history kept (Today compares with last week; a year and a bit leaves room for more). */
const HISTORY_KEPT_DAYS = 400;
import type { ServiceContext } from './service-context';

function parseFacts(json: string | null): AccountFacts | null {
  return json ? (JSON.parse(json) as AccountFacts) : null;
}

function utcDayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Keeps the account_scores cache in step with the inputs, the calendar day ("days since" inputs age)
 * and the team's scoring config. The engine in src-shared does all the scoring.
 */
export class ScoreService {
  private readonly scores: AccountScoresRepository;
  private readonly inputs: AccountInputsRepository;
  private readonly syncState: SyncStateRepository;
  private readonly history: ScoreHistoryRepository;
  /** Fingerprint of the config in use; fixed for the life of the context, so taken once, not per read. */
  private readonly configHash: string;

  constructor(private readonly ctx: ServiceContext) {
    this.scores = new AccountScoresRepository(ctx.db);
    this.inputs = new AccountInputsRepository(ctx.db);
    this.syncState = new SyncStateRepository(ctx.db);
    this.history = new ScoreHistoryRepository(ctx.db);
    this.configHash = hashString(JSON.stringify(ctx.scoringConfig));
  }

  private stamp(asOf: Date): string {
    return `${utcDayKey(asOf)}|${this.configHash}`;
  }

  /** Recomputes every account's score as of `asOf`, kept as that day's history too; returns how many were scored. */
  recompute(asOf: Date): number {
    const count = this.save(this.scores.sources(), asOf);
    this.syncState.set('scores_stamp', this.stamp(asOf));
    this.history.snapshotCurrent(utcDayKey(asOf));
    this.history.prune(utcDayKey(new Date(asOf.getTime() - HISTORY_KEPT_DAYS * MS_PER_DAY)));
    return count;
  }

  /**
   * Makes sure the scores of `daysAgo` days before `asOf` are kept: a store younger than that (a new
   * device, the demo book) gets them computed once from the facts as they stood on that day.
   * Returns how many accounts were scored (0 when the day was already kept). All at once: tests and
   * small books; the app goes through `keepDayInSlices` so the store keeps answering meanwhile.
   */
  ensureDayKept(asOf: Date, daysAgo: number): number {
    const job = this.dayKeepingJob(asOf, daysAgo);
    if (!job) return 0;
    while (!job.step(Number.POSITIVE_INFINITY));
    return job.scored;
  }

  /**
   * The work of keeping a past day's scores, done a slice at a time: `step(budgetMs)` scores
   * accounts until the budget is spent and says whether it finished (then the day is saved, in one
   * transaction, so a book closed halfway keeps no partial day). Null when the day is kept already.
   */
  dayKeepingJob(asOf: Date, daysAgo: number): { step: (budgetMs: number) => boolean; readonly scored: number } | null {
    const then = new Date(asOf.getTime() - daysAgo * MS_PER_DAY);
    const day = utcDayKey(then);
    if (this.history.hasDay(day)) return null;
    const config = this.ctx.scoringConfig;
    const sources = this.scores.sources();
    const scores: HistoricScore[] = [];
    return {
      get scored() {
        return scores.length;
      },
      step: (budgetMs) => {
        const started = performance.now();
        // At least one account a slice, so any budget makes progress.
        do {
          const row = sources[scores.length];
          if (!row) break;
          const { health, risk } = scoreAccount(this.inputs.factsAt(row.accountId, then), null, row, then, config);
          scores.push({ accountId: row.accountId, health: health.score, tier: health.tier, riskBand: risk.band });
        } while (performance.now() - started < budgetMs);
        if (scores.length < sources.length) return false;
        this.history.saveDay(day, scores);
        return true;
      },
    };
  }

  /**
   * Brings the cache up to date in one transaction: the accounts the store marked as changed get
   * fresh facts, then everything is rescored when the day or the config changed, else just those.
   */
  ensureFresh(asOf: Date): void {
    this.ctx.db.transaction(() => {
      const changed = this.inputs.refreshMarked(asOf);
      if (this.syncState.get('scores_stamp') !== this.stamp(asOf)) this.recompute(asOf);
      else if (changed.length) this.save(this.scores.sourcesFor(changed), asOf);
    })();
  }

  private save(sources: readonly ScoringSourceRow[], asOf: Date): number {
    // The trend is not cached (only the account panel shows it), so no earlier facts are needed.
    const results: StoredScore[] = sources.map((row) => {
      const score = scoreAccount(parseFacts(row.currentJson), null, row, asOf, this.ctx.scoringConfig);
      return {
        accountId: row.accountId,
        health: score.health.score,
        tier: score.health.tier,
        riskPoints: score.risk.points,
        riskBand: score.risk.band,
      };
    });
    this.scores.saveAll(results, asOf.toISOString());
    return results.length;
  }
}

/** FNV-1a: a cheap fingerprint of the config, enough to notice an admin's edit. */
function hashString(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
