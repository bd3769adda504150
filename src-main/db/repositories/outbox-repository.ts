import type { Database } from 'better-sqlite3';
import { parseFields, type ClientEntityName } from '../../../src-shared/sync/entity-registry';
import { SyncStateRepository } from './sync-state-repository';

/** Records local mutations for the sync client; must run inside the write's own transaction. */
export class OutboxRepository {
  private readonly insertStmt;
  private readonly syncState: SyncStateRepository;

  constructor(db: Database) {
    this.syncState = new SyncStateRepository(db);
    this.insertStmt = db.prepare(
      `INSERT INTO outbox (entity, row_id, account_id, op, fields_json, hlc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /**
   * Queues one mutation of a CSM-authored entity. Its fields are checked against the entity registry
   * first: a column the registry does not know, or a value of the wrong type, is a bug in the caller
   * and fails the write's transaction rather than reaching the server.
   */
  enqueue(entity: ClientEntityName, rowId: string, accountId: string, op: 'upsert' | 'delete', fields: Record<string, unknown>, now: Date): void {
    const checked = parseFields(entity, fields);
    if (!checked.ok) throw new Error(`Outbox mutation refused: ${checked.message}`);
    const hlc = this.syncState.nextHlc(now.getTime());
    this.insertStmt.run(entity, rowId, accountId, op, JSON.stringify(checked.fields), hlc, now.toISOString());
  }
}
