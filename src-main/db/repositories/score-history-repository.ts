import type { Database } from 'better-sqlite3';
import type { RiskBand, Tier } from '../../../src-shared/scoring/types';

export interface HistoricScore {
  accountId: string;
  health: number | null;
  tier: Tier;
  riskBand: RiskBand;
}

/** Each day's scores per account (device-local, derived): what Today compares with last week. */
export class ScoreHistoryRepository {
  private readonly snapshotStmt;
  private readonly insertStmt;
  private readonly hasDayStmt;
  private readonly scoresOnStmt;
  private readonly pruneStmt;

  constructor(private readonly db: Database) {
    this.snapshotStmt = db.prepare<[string]>(
      `INSERT OR REPLACE INTO score_history (account_id, day, health, tier, risk_band)
       SELECT account_id, ?, health, tier, risk_band FROM account_scores`,
    );
    this.insertStmt = db.prepare<[string, string, number | null, string, string]>(
      'INSERT OR REPLACE INTO score_history (account_id, day, health, tier, risk_band) VALUES (?, ?, ?, ?, ?)',
    );
    this.hasDayStmt = db.prepare<[string], { found: number }>('SELECT 1 AS found FROM score_history WHERE day = ? LIMIT 1');
    this.scoresOnStmt = db.prepare<[string], HistoricScore>(
      'SELECT account_id AS accountId, health, tier, risk_band AS riskBand FROM score_history WHERE day = ?',
    );
    this.pruneStmt = db.prepare<[string]>('DELETE FROM score_history WHERE day < ?');
  }

  /** Keeps the cached scores of now as the scores of `day` (YYYY-MM-DD). */
  snapshotCurrent(day: string): void {
    this.snapshotStmt.run(day);
  }

  saveDay(day: string, scores: readonly HistoricScore[]): void {
    this.db.transaction(() => {
      for (const s of scores) this.insertStmt.run(s.accountId, day, s.health, s.tier, s.riskBand);
    })();
  }

  hasDay(day: string): boolean {
    return this.hasDayStmt.get(day) !== undefined;
  }

  /** Every account's scores on `day`, by account id (empty when that day was never kept). */
  scoresOn(day: string): Map<string, HistoricScore> {
    return new Map(this.scoresOnStmt.all(day).map((row) => [row.accountId, row]));
  }

  prune(beforeDay: string): void {
    this.pruneStmt.run(beforeDay);
  }
}
