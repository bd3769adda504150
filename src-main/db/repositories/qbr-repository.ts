import type { Database } from 'better-sqlite3';
import type { QbrSources } from '../../../src-shared/qbr/qbr-pack';
import { insertSql, prepareCached, selectColumns, updateSql } from '../entity-sql';
import { OutboxRepository } from './outbox-repository';

interface PlanRow {
  id: string;
  account_id: string;
  quarter: string;
  next_plan: string;
  commentary: string;
  snapshot_json: string | null;
  exported_at: string | null;
  updated_at: string;
}

export interface QbrPlanRecord {
  id: string;
  accountId: string;
  quarter: string;
  nextPlan: string;
  commentary: string;
  snapshotJson: string | null;
  exportedAt: string | null;
  updatedAt: string;
}

const toPlan = (row: PlanRow): QbrPlanRecord => ({
  id: row.id, accountId: row.account_id, quarter: row.quarter, nextPlan: row.next_plan, commentary: row.commentary,
  snapshotJson: row.snapshot_json, exportedAt: row.exported_at, updatedAt: row.updated_at,
});

/** The reads a QBR pack needs beyond the account page's, and the CSM's QBR plans. */
export class QbrRepository {
  private readonly outbox: OutboxRepository;
  private readonly surveysStmt;
  private readonly planStmt;

  constructor(private readonly db: Database) {
    this.outbox = new OutboxRepository(db);
    this.surveysStmt = db.prepare<[string, string, string], { kind: 'nps' | 'csat' | 'ces'; score: number; answered_at: string; comment: string | null }>(
      `SELECT kind, score, answered_at, comment FROM surveys
       WHERE account_id = ? AND answered_at >= ? AND answered_at < ? AND deleted_at IS NULL ORDER BY answered_at`,
    );
    // Two devices writing the same account and quarter make one row (its id derives from both), so
    // there is at most one live row; the newest wins should a restored backup hold another.
    this.planStmt = db.prepare<[string, string], PlanRow>(
      `SELECT ${selectColumns('qbr_plans')} FROM qbr_plans WHERE account_id = ? AND quarter = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1`,
    );
  }

  /**
   * Active accounts with no QBR held from `from` (inclusive) to `to` (exclusive), by name, each
   * with when its pack for `quarter` was last exported.
   */
  dueAccounts(quarter: string, from: string, to: string): Array<{ id: string; name: string; exportedAt: string | null }> {
    return prepareCached<[string, string, string], { id: string; name: string; exportedAt: string | null }>(
      this.db,
      `SELECT a.id, a.name,
         (SELECT MAX(q.exported_at) FROM qbr_plans q WHERE q.account_id = a.id AND q.quarter = ? AND q.deleted_at IS NULL) AS exportedAt
       FROM accounts a
       WHERE a.status = 'active' AND a.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM touchpoints t WHERE t.account_id = a.id AND t.kind = 'qbr' AND t.status = 'done'
                         AND t.completed_at >= ? AND t.completed_at < ? AND t.deleted_at IS NULL)
       ORDER BY a.name COLLATE NOCASE, a.id`,
    ).all(quarter, from, to);
  }

  /** Survey answers from `from` (inclusive) to `to` (exclusive), oldest first. */
  surveysBetween(accountId: string, from: string, to: string): QbrSources['surveys'] {
    return this.surveysStmt.all(accountId, from, to).map((r) => ({ kind: r.kind, score: r.score, answeredAt: r.answered_at, comment: r.comment }));
  }

  plan(accountId: string, quarter: string): QbrPlanRecord | null {
    const row = this.planStmt.get(accountId, quarter);
    return row ? toPlan(row) : null;
  }

  /** Keeps an export's frozen figures with the account's QBR (made, with no text yet, if there is none). */
  markExported(id: string, accountId: string, quarter: string, snapshotJson: string, now: Date): void {
    this.upsert(id, accountId, quarter, { snapshot_json: snapshotJson, exported_at: now.toISOString() }, now);
  }

  /** Writes the CSM's plan and commentary. */
  savePlan(id: string, accountId: string, quarter: string, text: { nextPlan: string; commentary: string }, now: Date): void {
    this.upsert(id, accountId, quarter, { next_plan: text.nextPlan, commentary: text.commentary }, now);
  }

  /**
   * Changes these fields of the account's QBR of the quarter (a new row with no text or figures
   * yet when there is none; a deleted one comes back), with its mutation, in one transaction.
   */
  private upsert(id: string, accountId: string, quarter: string, fields: Record<string, string>, now: Date): void {
    const at = now.toISOString();
    const changed = { ...fields, updated_at: at, deleted_at: null };
    this.db.transaction(() => {
      if (prepareCached(this.db, 'SELECT 1 FROM qbr_plans WHERE id = ?').get(id)) {
        prepareCached(this.db, updateSql('qbr_plans', Object.keys(changed))).run({ id, ...changed });
        this.outbox.enqueue('qbr_plans', id, accountId, 'upsert', changed, now);
      } else {
        const row = { account_id: accountId, quarter, next_plan: '', commentary: '', snapshot_json: null, exported_at: null, ...fields, created_at: at, updated_at: at };
        prepareCached(this.db, insertSql('qbr_plans', { columns: Object.keys(row) })).run({ id, ...row });
        this.outbox.enqueue('qbr_plans', id, accountId, 'upsert', row, now);
      }
    })();
  }
}
