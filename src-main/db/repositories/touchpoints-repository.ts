import type { Database } from 'better-sqlite3';
import type { Touchpoint } from '../../../src-shared/domain/entities';
import { insertSql, prepareCached, selectColumns, updateSql } from '../entity-sql';
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
  contact_id: string | null;
}

/** Every synced column of touchpoints, from the entity registry. */
const COLUMNS = selectColumns('touchpoints');

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
    contactId: row.contact_id,
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
  private readonly hasPlannedStmt;

  constructor(private readonly db: Database) {
    this.outbox = new OutboxRepository(db);
    this.getStmt = db.prepare<[string], TouchpointRow>(
      `SELECT ${COLUMNS} FROM touchpoints WHERE id = ? AND deleted_at IS NULL`,
    );
    this.hasPlannedStmt = db.prepare<[string, string, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM touchpoints INDEXED BY touchpoints_planned_next
       WHERE account_id = ? AND status = 'planned' AND deleted_at IS NULL AND kind = ? AND origin = ?`,
    );
  }

  get(id: string): Touchpoint | undefined {
    const row = this.getStmt.get(id);
    return row ? toTouchpoint(row) : undefined;
  }

  /** An account's touchpoints done from `from` (inclusive) to `to` (exclusive), oldest first. */
  doneBetween(accountId: string, from: string, to: string): Touchpoint[] {
    return prepareCached(
      this.db,
      `SELECT ${COLUMNS} FROM touchpoints
       WHERE account_id = ? AND status = 'done' AND completed_at >= ? AND completed_at < ? AND deleted_at IS NULL ORDER BY completed_at`,
    ).all(accountId, from, to).map((row) => toTouchpoint(row as TouchpointRow));
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

  /** Runs `work` in one transaction (nested calls become savepoints). */
  inTransaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Marks a planned touchpoint done; null when it is no longer planned (nothing is written then). */
  complete(id: string, outcome: string | null, sentiment: Touchpoint['sentiment'], now: Date): Touchpoint | null {
    const completedAt = now.toISOString();
    return this.writePlanned(id, { status: 'done', completed_at: completedAt, outcome, sentiment, updated_at: completedAt }, now);
  }

  /** Skips a planned touchpoint, the reason kept as its outcome; null when it is no longer planned. */
  skip(id: string, reason: string, now: Date): Touchpoint | null {
    return this.writePlanned(id, { status: 'skipped', outcome: reason, updated_at: now.toISOString() }, now);
  }

  /** Moves a planned touchpoint; null when it is no longer planned (nothing is written then). */
  reschedule(id: string, dueAt: string, now: Date): Touchpoint | null {
    return this.writePlanned(id, { due_at: dueAt, updated_at: now.toISOString() }, now);
  }

  /** True when the account already has a planned touchpoint of this kind and origin. */
  hasPlanned(accountId: string, kind: Touchpoint['kind'], origin: Touchpoint['origin']): boolean {
    return (this.hasPlannedStmt.get(accountId, kind, origin)?.n ?? 0) > 0;
  }

  /** Plans a new touchpoint, with its outbox mutation, in one transaction. */
  insertPlanned(
    touchpoint: { id: string; accountId: string; kind: Touchpoint['kind']; origin: Touchpoint['origin']; title: string; dueAt: string; contactId?: string | null },
    now: Date,
  ): Touchpoint {
    const at = now.toISOString();
    // The mutation's fields are the row: one object names the columns of both.
    const fields = {
      account_id: touchpoint.accountId, kind: touchpoint.kind, origin: touchpoint.origin, title: touchpoint.title,
      due_at: touchpoint.dueAt, status: 'planned', created_at: at, updated_at: at,
      ...(touchpoint.contactId ? { contact_id: touchpoint.contactId } : {}),
    };
    const insert = prepareCached(this.db, insertSql('touchpoints', { columns: Object.keys(fields) }));
    this.inTransaction(() => {
      insert.run({ id: touchpoint.id, ...fields });
      this.outbox.enqueue('touchpoints', touchpoint.id, touchpoint.accountId, 'upsert', fields, now);
    });
    return this.mustGet(touchpoint.id);
  }

  /** Changes a planned touchpoint and queues the change, in one transaction; null when it is no longer planned. */
  private writePlanned(id: string, fields: Record<string, string | null>, now: Date): Touchpoint | null {
    const changed = this.inTransaction(() => {
      const changed = this.updatePlanned(id, fields);
      if (changed) this.outbox.enqueue('touchpoints', id, changed.account_id, 'upsert', fields, now);
      return changed !== undefined;
    });
    return changed ? this.mustGet(id) : null;
  }

  /**
   * Sets a planned touchpoint's given columns (the mutation's own fields). The status guard makes
   * check-and-write atomic: two windows cannot both complete one touchpoint. RETURNING the account:
   * the outbox row names it (DESIGN §3 scope); no row back means nothing changed.
   */
  private updatePlanned(id: string, fields: Record<string, string | null>): { account_id: string } | undefined {
    const sql = updateSql('touchpoints', Object.keys(fields), { guard: "status = 'planned' AND deleted_at IS NULL", suffix: 'RETURNING account_id' });
    return prepareCached<[Record<string, string | null>], { account_id: string }>(this.db, sql).get({ id, ...fields });
  }

  private mustGet(id: string): Touchpoint {
    const touchpoint = this.get(id);
    if (!touchpoint) throw new Error(`Touchpoint ${id} vanished right after it was written`);
    return touchpoint;
  }
}
