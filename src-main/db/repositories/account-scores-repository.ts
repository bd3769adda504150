import type { Database } from 'better-sqlite3';
import type { RiskBand, Tier } from '../../../src-shared/scoring/types';

export interface StoredScore {
  accountId: string;
  health: number | null;
  tier: Tier;
  riskPoints: number;
  riskBand: RiskBand;
}

/** Everything a full recompute needs, read in one pass. */
export interface ScoringSourceRow {
  accountId: string;
  currentJson: string | null;
  paymentOverdueDays: number;
  competitorEvaluation: boolean;
}

type SourceRow = Omit<ScoringSourceRow, 'competitorEvaluation'> & { competitorEvaluation: number };

function toSource(row: SourceRow): ScoringSourceRow {
  return { ...row, competitorEvaluation: row.competitorEvaluation === 1 };
}

/** The account_scores cache: engine results per account, and the stamp of what they were computed for. */
export class AccountScoresRepository {
  private readonly upsertStmt;
  private readonly sourceStmt;
  private readonly sourceOneStmt;

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO account_scores (account_id, as_of, health, tier, risk_points, risk_band)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(account_id) DO UPDATE SET as_of = excluded.as_of, health = excluded.health, tier = excluded.tier,
         risk_points = excluded.risk_points, risk_band = excluded.risk_band`,
    );
    const source = `SELECT a.id AS accountId, ai.current_json AS currentJson,
              a.payment_overdue_days AS paymentOverdueDays, a.competitor_evaluation AS competitorEvaluation
       FROM accounts a LEFT JOIN account_inputs ai ON ai.account_id = a.id WHERE a.deleted_at IS NULL`;
    this.sourceStmt = db.prepare<[], SourceRow>(source);
    this.sourceOneStmt = db.prepare<[string], SourceRow>(`${source} AND a.id = ?`);
  }

  /** Every live account's cached facts and risk flags. */
  sources(): ScoringSourceRow[] {
    return this.sourceStmt.all().map(toSource);
  }

  /** The cached facts and risk flags of the given accounts that are live. */
  sourcesFor(accountIds: readonly string[]): ScoringSourceRow[] {
    return accountIds.flatMap((id) => {
      const row = this.sourceOneStmt.get(id);
      return row ? [toSource(row)] : [];
    });
  }

  /** Writes scores in one transaction. */
  saveAll(scores: readonly StoredScore[], asOf: string): void {
    this.db.transaction(() => {
      for (const s of scores) {
        this.upsertStmt.run(s.accountId, asOf, s.health, s.tier, s.riskPoints, s.riskBand);
      }
    })();
  }
}
