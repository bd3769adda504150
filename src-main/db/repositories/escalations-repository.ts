import type { Database } from 'better-sqlite3';
import type { Escalation } from '../../../src-shared/domain/entities';
import { insertSql, prepareCached, selectColumns, updateSql } from '../entity-sql';
import { OutboxRepository } from './outbox-repository';

export interface EscalationEvent {
  id: string;
  escalationId: string;
  actorId: string | null;
  at: string;
  fromLevel: number | null;
  toLevel: number;
  why: string;
}

interface EscalationRow {
  id: string;
  account_id: string;
  level: number;
  reason: string;
  severity: Escalation['severity'];
  status: Escalation['status'];
  owner_id: string | null;
  opened_at: string;
  resolved_at: string | null;
}

interface EventRow {
  id: string;
  escalation_id: string;
  actor_id: string | null;
  at: string;
  from_level: number | null;
  to_level: number;
  why: string;
}

function toEscalation(row: EscalationRow): Escalation {
  return {
    id: row.id, accountId: row.account_id, level: row.level, reason: row.reason, severity: row.severity, status: row.status,
    ownerId: row.owner_id, openedAt: row.opened_at, resolvedAt: row.resolved_at,
  };
}

function toEvent(row: EventRow): EscalationEvent {
  return { id: row.id, escalationId: row.escalation_id, actorId: row.actor_id, at: row.at, fromLevel: row.from_level, toLevel: row.to_level, why: row.why };
}

/** Escalations and their history; every write goes with its outbox mutations in one transaction. */
export class EscalationsRepository {
  private readonly outbox: OutboxRepository;
  private readonly getStmt;
  private readonly ofAccountStmt;
  private readonly eventsStmt;
  private readonly hasEventStmt;

  constructor(private readonly db: Database) {
    this.outbox = new OutboxRepository(db);
    this.getStmt = db.prepare<[string], EscalationRow>(`SELECT ${selectColumns('escalations')} FROM escalations WHERE id = ? AND deleted_at IS NULL`);
    this.ofAccountStmt = db.prepare<[string], EscalationRow>(
      `SELECT ${selectColumns('escalations')} FROM escalations WHERE account_id = ? AND deleted_at IS NULL
       ORDER BY status = 'open' DESC, opened_at DESC`,
    );
    this.hasEventStmt = db.prepare<[string], { found: number }>('SELECT 1 AS found FROM escalation_events WHERE id = ?');
    this.eventsStmt = db.prepare<[string], EventRow>(
      `SELECT ${selectColumns('escalation_events')} FROM escalation_events WHERE account_id = ? AND deleted_at IS NULL ORDER BY at, rowid`,
    );
  }

  get(id: string): Escalation | undefined {
    const row = this.getStmt.get(id);
    return row ? toEscalation(row) : undefined;
  }

  /** An account's escalations, open ones first, newest first. */
  ofAccount(accountId: string): Escalation[] {
    return this.ofAccountStmt.all(accountId).map(toEscalation);
  }

  /** True when an event with this id is stored (a repeated change request). */
  hasEvent(id: string): boolean {
    return this.hasEventStmt.get(id) !== undefined;
  }

  /** Every level change of an account's escalations, oldest first. */
  eventsOf(accountId: string): EscalationEvent[] {
    return this.eventsStmt.all(accountId).map(toEvent);
  }

  /** Opens an escalation and records its first event, in one transaction. */
  open(escalation: Omit<Escalation, 'status' | 'resolvedAt'>, event: { id: string; actorId: string | null; why: string }, now: Date): void {
    const at = now.toISOString();
    const fields = {
      account_id: escalation.accountId, level: escalation.level, reason: escalation.reason, severity: escalation.severity,
      status: 'open', owner_id: escalation.ownerId, opened_at: escalation.openedAt, created_at: at, updated_at: at,
    };
    const insert = prepareCached(this.db, insertSql('escalations', { columns: Object.keys(fields) }));
    this.db.transaction(() => {
      insert.run({ id: escalation.id, ...fields });
      this.outbox.enqueue('escalations', escalation.id, escalation.accountId, 'upsert', fields, now);
      this.addEvent(escalation.accountId, { ...event, escalationId: escalation.id, at, fromLevel: null, toLevel: escalation.level }, now);
    })();
  }

  /**
   * Moves an open escalation to another level, or resolves it (`resolve`), with the event that says
   * who, when, from, to and why. False, with nothing written, when it is no longer open.
   */
  change(id: string, change: { toLevel: number; resolve: boolean; event: { id: string; actorId: string | null; why: string } }, now: Date): boolean {
    const at = now.toISOString();
    return this.db.transaction(() => {
      const current = this.get(id);
      if (current?.status !== 'open') return false;
      const fields: Record<string, string | number | null> = change.resolve
        ? { status: 'resolved', resolved_at: at, updated_at: at }
        : { level: change.toLevel, updated_at: at };
      const sql = updateSql('escalations', Object.keys(fields), { guard: "status = 'open' AND deleted_at IS NULL" });
      if (prepareCached(this.db, sql).run({ id, ...fields }).changes !== 1) return false;
      this.outbox.enqueue('escalations', id, current.accountId, 'upsert', fields, now);
      this.addEvent(current.accountId, { ...change.event, escalationId: id, at, fromLevel: current.level, toLevel: change.toLevel }, now);
      return true;
    })();
  }

  private addEvent(accountId: string, event: Omit<EscalationEvent, 'actorId'> & { actorId: string | null }, now: Date): void {
    const fields = {
      account_id: accountId, escalation_id: event.escalationId, actor_id: event.actorId, at: event.at,
      from_level: event.fromLevel, to_level: event.toLevel, why: event.why,
    };
    prepareCached(this.db, insertSql('escalation_events', { columns: Object.keys(fields) })).run({ id: event.id, ...fields });
    this.outbox.enqueue('escalation_events', event.id, accountId, 'upsert', fields, now);
  }
}
