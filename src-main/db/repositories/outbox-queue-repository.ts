import type { Database } from 'better-sqlite3';
import type { SyncProblem } from '../../../src-shared/ipc/sync-status';

/** One outbox row as the sync client sends it (fields still as stored JSON). */
export interface QueuedMutation {
  id: number;
  entity: string;
  rowId: string;
  accountId: string | null;
  op: 'upsert' | 'delete';
  fieldsJson: string;
  hlc: string;
}

interface QueuedRow {
  id: number;
  entity: string;
  row_id: string;
  account_id: string | null;
  op: 'upsert' | 'delete';
  fields_json: string;
  hlc: string;
}

const toQueued = (row: QueuedRow): QueuedMutation => ({
  id: row.id,
  entity: row.entity,
  rowId: row.row_id,
  accountId: row.account_id,
  op: row.op,
  fieldsJson: row.fields_json,
  hlc: row.hlc,
});

/**
 * The sync client's side of the outbox (the writers' side is OutboxRepository): what is waiting to be
 * pushed, what the server acknowledged or refused. A refused mutation is kept with the server's reason
 * (status 'rejected'), never deleted here: the user must see it (DESIGN §3).
 */
export class OutboxQueueRepository {
  private readonly pendingStmt;
  private readonly allPendingStmt;
  private readonly deleteStmt;
  private readonly rejectStmt;
  private readonly acknowledgeStmt;
  private readonly countsStmt;
  private readonly minPendingStmt;
  private readonly lastIdStmt;
  private readonly problemsStmt;

  constructor(private readonly db: Database) {
    const columns = 'id, entity, row_id, account_id, op, fields_json, hlc';
    this.pendingStmt = db.prepare<[number], QueuedRow>(`SELECT ${columns} FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?`);
    this.allPendingStmt = db.prepare<[], QueuedRow>(`SELECT ${columns} FROM outbox WHERE status = 'pending' ORDER BY id`);
    this.deleteStmt = db.prepare<[number]>("DELETE FROM outbox WHERE id = ? AND status = 'pending'");
    this.rejectStmt = db.prepare<[string, number]>("UPDATE outbox SET status = 'rejected', rejection_json = ? WHERE id = ? AND status = 'pending'");
    this.acknowledgeStmt = db.prepare<[number]>("DELETE FROM outbox WHERE status = 'pending' AND id <= ?");
    this.countsStmt = db.prepare<[], { pending: number; rejected: number }>(
      "SELECT COALESCE(SUM(status = 'pending'), 0) AS pending, COALESCE(SUM(status = 'rejected'), 0) AS rejected FROM outbox",
    );
    this.minPendingStmt = db.prepare<[], { id: number | null }>("SELECT MIN(id) AS id FROM outbox WHERE status = 'pending'");
    // AUTOINCREMENT never reuses an id, so the last one handed out lives in sqlite_sequence even
    // after its row was acknowledged and deleted.
    this.lastIdStmt = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'");
    // LEFT JOIN: a refused change outlives its account when the account left this user's book.
    this.problemsStmt = db.prepare<[], QueuedRow & { created_at: string; rejection_json: string | null; account_name: string | null }>(
      `SELECT o.id, o.entity, o.row_id, o.account_id, o.op, o.fields_json, o.hlc, o.created_at, o.rejection_json, a.name AS account_name
       FROM outbox o LEFT JOIN accounts a ON a.id = o.account_id WHERE o.status = 'rejected' ORDER BY o.id`,
    );
  }

  /** The changes the server refused for good, oldest first, with its reasons (the "Sync problems" list). */
  problems(): SyncProblem[] {
    return this.problemsStmt.all().map((row) => {
      const rejection = row.rejection_json ? (JSON.parse(row.rejection_json) as { code?: string; message?: string }) : {};
      return {
        mutationId: row.id,
        entity: row.entity,
        rowId: row.row_id,
        accountId: row.account_id,
        accountName: row.account_name,
        op: row.op,
        fields: JSON.parse(row.fields_json) as Record<string, unknown>,
        createdAt: row.created_at,
        code: rejection.code ?? 'REJECTED',
        message: rejection.message ?? '',
      };
    });
  }

  /**
   * The oldest pending mutations, at most `limit`, stopping before the first hole in the ids: the
   * server refuses a batch whose ids skip (a hole means rows were discarded locally; the next push
   * then meets MUTATION_GAP and the client takes a new identity).
   */
  pendingRun(limit: number): QueuedMutation[] {
    const rows = this.pendingStmt.all(limit);
    const run: QueuedMutation[] = [];
    for (const row of rows) {
      const previous = run[run.length - 1];
      if (previous && row.id !== previous.id + 1) break;
      run.push(toQueued(row));
    }
    return run;
  }

  /** Every pending mutation in id order: re-applied over each pulled page so unpushed edits stay on top. */
  allPending(): QueuedMutation[] {
    return this.allPendingStmt.all().map(toQueued);
  }

  /** The server applied it: the row is done. */
  remove(id: number): void {
    this.deleteStmt.run(id);
  }

  /** The server refused it for good: keep it, visible, with the reason. */
  reject(id: number, code: string, message: string): void {
    this.rejectStmt.run(JSON.stringify({ code, message }), id);
  }

  /** Drops pending rows up to `id`: the server says it has them (an answer to a push was lost). */
  acknowledgeThrough(id: number): number {
    return this.acknowledgeStmt.run(id).changes;
  }

  counts(): { pending: number; rejected: number } {
    return this.countsStmt.get() ?? { pending: 0, rejected: 0 };
  }

  smallestPendingId(): number | null {
    return this.minPendingStmt.get()?.id ?? null;
  }

  /** The last outbox id ever handed out (0 for a store that never queued one). */
  lastIssuedId(): number {
    return this.lastIdStmt.get()?.seq ?? 0;
  }

  /** Runs `work` in one transaction (the answer to one push is recorded all or nothing). */
  inTransaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
