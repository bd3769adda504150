import type { Database, Statement } from 'better-sqlite3';
import { ENTITIES, type EntityName } from '../../../src-shared/sync/entity-registry';
import { entityColumns } from '../entity-sql';

/**
 * Local tables derived from an account's rows (caches and marks, not synced): purged with it. Their
 * foreign keys would cascade, but the rescore marks have none, and naming them keeps the purge
 * complete when foreign keys are off.
 */
const DERIVED_TABLES = ['account_scores', 'account_inputs', 'accounts_to_rescore'] as const;

/**
 * Removes every local trace of an account that left this user's scope (DESIGN §3 revocation): the rows
 * of each registry entity scoped by account_id, the derived caches, then the account row. The outbox is
 * not touched: the caller keeps the account's refused mutations visible.
 */
export class ScopePurgeRepository {
  private readonly deletes: Statement<[string]>[];
  private readonly accountIdsStmt;

  constructor(db: Database) {
    const scoped = (Object.keys(ENTITIES) as EntityName[]).filter((entity) => ENTITIES[entity].scopeColumn === 'account_id');
    // Registry names pass entityColumns' identifier check before they reach SQL text.
    for (const entity of scoped) entityColumns(entity);
    this.deletes = [
      ...scoped.map((entity) => db.prepare<[string]>(`DELETE FROM ${entity} WHERE account_id = ?`)),
      ...DERIVED_TABLES.map((table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE account_id = ?`)),
      db.prepare<[string]>(`DELETE FROM accounts WHERE ${ENTITIES.accounts.key[0]} = ?`),
    ];
    this.accountIdsStmt = db.prepare<[], { id: string }>('SELECT id FROM accounts');
  }

  /** Deletes the account and everything scoped to it; runs inside the caller's transaction. */
  purgeAccount(accountId: string): void {
    for (const statement of this.deletes) statement.run(accountId);
  }

  /** Every account stored on this device. */
  storedAccountIds(): string[] {
    return this.accountIdsStmt.all().map((row) => row.id);
  }
}
