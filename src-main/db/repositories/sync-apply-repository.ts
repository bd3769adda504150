import type { Database, Statement } from 'better-sqlite3';
import { ENTITIES, isEntityName, parseFields, type EntityName } from '../../../src-shared/sync/entity-registry';
import { entityColumns, hasColumn, insertSql, prepareCached, updateSql } from '../entity-sql';

/** One change of a synced row as a pull delivers it (DESIGN §3 wire shape, without seq and account_id). */
export interface SyncChange {
  entity: string;
  /**
   * The row's key: its `id`, or for an entity with a composite key (metrics: account_id, key, date)
   * the key columns' values in registry order joined by `|`, e.g. `account-1|login_frequency|2026-06-14`.
   */
  row_id: string;
  op: 'upsert' | 'delete';
  /** Column → value (snake_case), any subset of the entity's registry columns but its key. */
  fields: unknown;
}

/** What applying a change did: whether a row was written, and the account that scopes it (null for team-wide rows). */
export interface AppliedChange {
  changed: boolean;
  accountId: string | null;
}

/** A change that cannot be applied; the message names the entity and, where it is one column's fault, the column. */
export class SyncApplyError extends Error {
  override readonly name = 'SyncApplyError';
}

type KeyedStatement = Statement<[Record<string, unknown>], { account_id: string | null }>;

/**
 * Pull-apply's building block: writes one server change of any registry entity into the store.
 * Every statement is built from the entity registry (columns, key, scope column); nothing here
 * lists an entity's columns. It never opens a transaction of its own: the caller applies a pull page
 * in one transaction (DESIGN §3), and a call outside one is refused. The server has already checked
 * ownership and state machines, so a change is applied as given once its fields pass the registry's
 * wire types. The store's own triggers (migration 0004) mark an account for rescoring when its
 * metrics, surveys, contacts or own row change, in this same transaction.
 */
export class SyncApplyRepository {
  constructor(private readonly db: Database) {}

  /**
   * Upsert: updates only the given columns of an existing row, or inserts a new row from them (which
   * must then carry every required column). Delete: tombstones the row (sets `deleted_at` from the
   * change's fields, with any other given columns) and keeps it; a row this store never had stays
   * absent. Throws a SyncApplyError, with nothing written, for an unknown entity, a bad key, or a
   * field the registry refuses.
   */
  applyChange(change: SyncChange): AppliedChange {
    if (!this.db.inTransaction) throw new SyncApplyError('applyChange runs inside the caller\'s transaction (one per pull page)');
    const { entity, op } = change;
    if (!isEntityName(entity)) throw new SyncApplyError(`Change refused: unknown entity ${JSON.stringify(entity)}`);
    if (op !== 'upsert' && op !== 'delete') throw new SyncApplyError(`Change refused: ${entity}: unknown op ${JSON.stringify(op)}`);
    const checked = parseFields(entity, change.fields);
    if (!checked.ok) throw new SyncApplyError(`Change refused: ${checked.message}`);
    const key = keyValues(entity, change.row_id);
    const fields = checked.fields;
    // Registry order, so one field set always maps to one prepared statement.
    const columns = entityColumns(entity).filter((column) => column in fields);
    const params = { ...fields, ...key };

    if (op === 'delete') {
      if (!hasColumn(entity, 'deleted_at')) throw new SyncApplyError(`Change refused: ${entity} rows are never tombstoned`);
      if (typeof fields.deleted_at !== 'string') throw new SyncApplyError(`Change refused: ${entity}.deleted_at: a delete carries the time of its tombstone`);
    }
    if (columns.length === 0) return { changed: false, accountId: null };
    try {
      // Not INSERT … ON CONFLICT DO UPDATE: SQLite checks NOT NULL on the proposed insert before the
      // conflict, so a partial change of an existing row would fail. Update first; insert if absent.
      const updated = this.statement(entity, 'update', columns).get(params);
      if (updated || op === 'delete') return this.result(updated);
      return this.result(this.statement(entity, 'insert', columns).get(params));
    } catch (error) {
      // A new row missing a required column, a CHECK, or an account this store lacks: SQLite undoes
      // the failed statement, so nothing of this change is written.
      throw new SyncApplyError(`Change refused: ${entity} ${change.row_id}: ${(error as Error).message}`, { cause: error });
    }
  }

  private result(row: { account_id: string | null } | undefined): AppliedChange {
    return row ? { changed: true, accountId: row.account_id } : { changed: false, accountId: null };
  }

  /** The UPDATE or INSERT of one entity for one set of columns, prepared once; it returns the row's scope. */
  private statement(entity: EntityName, kind: 'update' | 'insert', columns: readonly string[]): KeyedStatement {
    const returning = `RETURNING ${ENTITIES[entity].scopeColumn ?? 'NULL'} AS account_id`;
    const sql = kind === 'update' ? updateSql(entity, columns, { suffix: returning }) : insertSql(entity, { columns, suffix: returning });
    return prepareCached<[Record<string, unknown>], { account_id: string | null }>(this.db, sql);
  }
}

/** The key columns' values of a change's `row_id` (see SyncChange.row_id). */
function keyValues(entity: EntityName, rowId: string): Record<string, string> {
  const key = ENTITIES[entity].key;
  const parts = key.length === 1 ? [rowId] : typeof rowId === 'string' ? rowId.split('|') : [];
  if (typeof rowId !== 'string' || parts.length !== key.length || parts.some((part) => part.length === 0)) {
    throw new SyncApplyError(`Change refused: ${entity}: row_id ${JSON.stringify(rowId)} is not ${key.join('|')}`);
  }
  return Object.fromEntries(key.map((column, i) => [column, parts[i]!]));
}
