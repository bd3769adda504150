import type { Database } from 'better-sqlite3';

/** One refused outbox row with its account's name, as stored (JSON still unparsed). */
export interface RejectedOutboxRow {
  id: number;
  entity: string;
  row_id: string;
  account_id: string | null;
  account_name: string | null;
  op: 'upsert' | 'delete';
  fields_json: string;
  created_at: string;
  rejection_json: string | null;
}

/** What Settings and the window chrome read about the outbox: counts, and the refused changes. */
export class SyncProblemsRepository {
  private readonly countsStmt;
  private readonly rejectedStmt;

  constructor(db: Database) {
    this.countsStmt = db.prepare<[], { pending: number; rejected: number }>(
      "SELECT COALESCE(SUM(status = 'pending'), 0) AS pending, COALESCE(SUM(status = 'rejected'), 0) AS rejected FROM outbox",
    );
    this.rejectedStmt = db.prepare<[number], RejectedOutboxRow>(
      `SELECT o.id, o.entity, o.row_id, o.account_id, a.name AS account_name, o.op, o.fields_json, o.created_at, o.rejection_json
         FROM outbox o LEFT JOIN accounts a ON a.id = o.account_id
        WHERE o.status = 'rejected' ORDER BY o.id DESC LIMIT ?`,
    );
  }

  counts(): { pending: number; rejected: number } {
    return this.countsStmt.get() ?? { pending: 0, rejected: 0 };
  }

  /** Newest first, at most `limit` (the list is for people; thousands would not be read). */
  rejected(limit: number): RejectedOutboxRow[] {
    return this.rejectedStmt.all(limit);
  }
}
