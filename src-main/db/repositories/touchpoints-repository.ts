import type { Database } from 'better-sqlite3';
import type { Touchpoint } from '../../../src-shared/domain/entities';
import { OutboxRepository } from './outbox-repository';

interface TouchpointRow {
  id: string;
  account_id: string;
  kind: Touchpoint['kind'];
  origin: Touchpoint['origin'];
  title: string;
  due_at: string;
  completed_at: string | null;
  status: Touchpoint['status'];
  outcome: string | null;
  sentiment: Touchpoint['sentiment'];
}

const COLUMNS = 'id, account_id, kind, origin, title, due_at, completed_at, status, outcome, sentiment';

function toTouchpoint(row: TouchpointRow): Touchpoint {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    origin: row.origin,
    title: row.title,
    dueAt: row.due_at,
    completedAt: row.completed_at,
    status: row.status,
    outcome: row.outcome,
    sentiment: row.sentiment,
  };
}

export interface TouchpointFilter {
  accountId?: string;
  status?: Touchpoint['status'];
  from?: string;
  to?: string;
  limit: number;
}

export class TouchpointsRepository {
  private readonly outbox: OutboxRepository;
  private readonly getStmt;
  private readonly completeStmt;
  private readonly rescheduleStmt;

  constructor(private readonly db: Database) {
    this.outbox = new OutboxRepository(db);
    this.getStmt = db.prepare<[string], TouchpointRow>(
      `SELECT ${COLUMNS} FROM touchpoints WHERE id = ? AND deleted_at IS NULL`,
    );
    this.completeStmt = db.prepare(
      `UPDATE touchpoints SET status = 'done', completed_at = @completedAt, outcome = @outcome,
         sentiment = @sentiment, updated_at = @completedAt WHERE id = @id`,
    );
    this.rescheduleStmt = db.prepare(`UPDATE touchpoints SET due_at = @dueAt, updated_at = @now WHERE id = @id`);
  }

  get(id: string): Touchpoint | undefined {
    const row = this.getStmt.get(id);
    return row ? toTouchpoint(row) : undefined;
  }

  list(filter: TouchpointFilter): Touchpoint[] {
    const where = ['deleted_at IS NULL'];
    const params: Record<string, string | number> = { limit: filter.limit };
    if (filter.accountId) {
      where.push('account_id = @accountId');
      params.accountId = filter.accountId;
    }
    if (filter.status) {
      where.push('status = @status');
      params.status = filter.status;
    }
    if (filter.from) {
      where.push('due_at >= @from');
      params.from = filter.from;
    }
    if (filter.to) {
      where.push('due_at <= @to');
      params.to = filter.to;
    }
    const sql = `SELECT ${COLUMNS} FROM touchpoints WHERE ${where.join(' AND ')} ORDER BY due_at, id LIMIT @limit`;
    return (this.db.prepare(sql).all(params) as TouchpointRow[]).map(toTouchpoint);
  }

  /** Upcoming planned touchpoints of one account, soonest first. */
  upcoming(accountId: string, limit: number): Touchpoint[] {
    return this.list({ accountId, status: 'planned', limit });
  }

  complete(id: string, outcome: string | null, sentiment: Touchpoint['sentiment'], now: Date): Touchpoint {
    const completedAt = now.toISOString();
    this.db.transaction(() => {
      this.completeStmt.run({ id, completedAt, outcome, sentiment });
      this.outbox.enqueue('touchpoints', id, 'upsert', { status: 'done', completed_at: completedAt, outcome, sentiment }, now);
    })();
    return this.mustGet(id);
  }

  reschedule(id: string, dueAt: string, now: Date): Touchpoint {
    this.db.transaction(() => {
      this.rescheduleStmt.run({ id, dueAt, now: now.toISOString() });
      this.outbox.enqueue('touchpoints', id, 'upsert', { due_at: dueAt }, now);
    })();
    return this.mustGet(id);
  }

  private mustGet(id: string): Touchpoint {
    const touchpoint = this.get(id);
    if (!touchpoint) throw new Error(`Touchpoint ${id} vanished right after it was written`);
    return touchpoint;
  }
}
