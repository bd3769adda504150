import type { Database } from 'better-sqlite3';
import type { AccountFacts } from '../../../src-shared/domain/account-inputs';

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Reads an account's facts from the stored history and maintains the account_inputs cache of current facts. */
export class AccountInputsRepository {
  private readonly latestMetricsStmt;
  private readonly latestSurveyStmt;
  private readonly championStmt;
  private readonly upsertStmt;
  private readonly getStmt;
  private readonly invalidateScoresStmt;
  private readonly markedStmt;
  private readonly unmarkStmt;
  private readonly unmarkAllStmt;

  constructor(private readonly db: Database) {
    // SQLite returns the bare columns of the row holding MAX(date): the latest value per key.
    this.latestMetricsStmt = db.prepare<[string, string], { key: string; value: number; date: string }>(
      `SELECT key, value, MAX(date) AS date FROM metrics
       WHERE account_id = ? AND date <= ? AND deleted_at IS NULL GROUP BY key`,
    );
    this.latestSurveyStmt = db.prepare<[string, string], { kind: 'nps' | 'csat' | 'ces'; score: number }>(
      `SELECT kind, score, MAX(answered_at) AS answered_at FROM surveys
       WHERE account_id = ? AND answered_at <= ? AND deleted_at IS NULL GROUP BY kind`,
    );
    this.championStmt = db.prepare<[string, string], { departed_at: string | null }>(
      `SELECT MAX(departed_at) AS departed_at FROM contacts
       WHERE account_id = ? AND is_champion = 1 AND departed_at IS NOT NULL AND departed_at <= ? AND deleted_at IS NULL`,
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO account_inputs (account_id, as_of, current_json) VALUES (?, ?, ?)
       ON CONFLICT(account_id) DO UPDATE SET as_of = excluded.as_of, current_json = excluded.current_json`,
    );
    this.invalidateScoresStmt = db.prepare("DELETE FROM sync_state WHERE key = 'scores_stamp'");
    // A mark can outlive its account (purged by sync): only accounts still stored are rebuilt.
    this.markedStmt = db.prepare<[], { account_id: string }>(
      'SELECT r.account_id FROM accounts_to_rescore r JOIN accounts a ON a.id = r.account_id',
    );
    this.unmarkStmt = db.prepare('DELETE FROM accounts_to_rescore WHERE account_id = ?');
    this.unmarkAllStmt = db.prepare('DELETE FROM accounts_to_rescore');
    this.getStmt = db.prepare<[string], { current_json: string }>(
      'SELECT current_json FROM account_inputs WHERE account_id = ?',
    );
  }

  /** What the stored history says about one account as it stood at `asOf`. */
  factsAt(accountId: string, asOf: Date): AccountFacts {
    const cutoff = `${isoDate(asOf)}T23:59:59.999Z`;
    const latestSurvey: AccountFacts['latestSurvey'] = {};
    for (const row of this.latestSurveyStmt.all(accountId, cutoff)) latestSurvey[row.kind] = row.score;
    return {
      observations: this.latestMetricsStmt.all(accountId, isoDate(asOf)).map((r) => [r.key, r.value, r.date] as const),
      latestSurvey,
      championDepartedAt: this.championStmt.get(accountId, cutoff)?.departed_at ?? null,
    };
  }

  /**
   * Rebuilds the cached current facts of the given accounts as of `asOf` and marks the whole score
   * cache stale (bulk loads: the next read rescores every account).
   */
  refresh(accountIds: readonly string[], asOf: Date): void {
    this.db.transaction(() => {
      this.rebuild(accountIds, asOf);
      this.invalidateScoresStmt.run();
    })();
  }

  /**
   * Rebuilds the cached facts of every account the store marked as changed (its metrics, surveys,
   * contacts or own fields were written) and clears the marks; returns those accounts so their
   * scores can be recomputed in the same transaction.
   */
  refreshMarked(asOf: Date): string[] {
    return this.db.transaction(() => {
      const marked = this.markedStmt.all().map((row) => row.account_id);
      this.rebuild(marked, asOf);
      this.unmarkAllStmt.run();
      return marked;
    })();
  }

  private rebuild(accountIds: readonly string[], asOf: Date): void {
    for (const accountId of accountIds) {
      this.upsertStmt.run(accountId, asOf.toISOString(), JSON.stringify(this.factsAt(accountId, asOf)));
      this.unmarkStmt.run(accountId);
    }
  }

  /** The cached current facts of one account, if built. */
  current(accountId: string): AccountFacts | undefined {
    const row = this.getStmt.get(accountId);
    return row ? (JSON.parse(row.current_json) as AccountFacts) : undefined;
  }
}
