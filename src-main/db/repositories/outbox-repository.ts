import type { Database } from 'better-sqlite3';
import { SyncStateRepository } from './sync-state-repository';

export type SyncedEntity = 'notes' | 'touchpoints' | 'escalations' | 'escalation_events' | 'goals' | 'onboarding_items' | 'feedback';

/** Records local mutations for the sync client; must run inside the write's own transaction. */
export class OutboxRepository {
  private readonly insertStmt;
  private readonly syncState: SyncStateRepository;

  constructor(db: Database) {
    this.syncState = new SyncStateRepository(db);
    this.insertStmt = db.prepare(
      `INSERT INTO outbox (entity, row_id, op, fields_json, hlc, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  enqueue(entity: SyncedEntity, rowId: string, op: 'upsert' | 'delete', fields: Record<string, unknown>, now: Date): void {
    const hlc = this.syncState.nextHlc(now.getTime());
    this.insertStmt.run(entity, rowId, op, JSON.stringify(fields), hlc, now.toISOString());
  }
}
