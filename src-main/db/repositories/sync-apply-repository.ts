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
   * change's fields, with any other given columns) and keeps it; a row this store never had is
   * inserted as a tombstone when the change carries every column (a pulled change does), and stays
   * absent otherwise. Throws a SyncApplyError, with nothing written, for an unknown entity, a bad key, or a
   * field the registry refuses.
   */
  applyChange(change: SyncChange, options: { likelyNew?: boolean } = {}): AppliedChange {
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
    const wholeRow = columns.length === entityColumns(entity).length - ENTITIES[entity].key.length;

    if (op === 'delete') {
      if (!hasColumn(entity, 'deleted_at')) throw new SyncApplyError(`Change refused: ${entity} rows are never tombstoned`);
      if (typeof fields.deleted_at !== 'string') throw new SyncApplyError(`Change refused: ${entity}.deleted_at: a delete carries the time of its tombstone`);
    }
    if (columns.length === 0) return { changed: false, accountId: null };
    try {
      if (wholeRow) return this.applyWholeRow(entity, op, key, fields, options.likelyNew === true);
      // Some columns (a local mutation re-applied): update the row; insert if absent, which fails
      // unless the given columns are enough for a new row. A partial delete of a row never here stays absent.
      const params = { ...fields, ...key };
      const updated = this.partialStatement(entity, 'update', columns).get(params);
      if (updated || op === 'delete') return this.result(updated);
      return this.result(this.partialStatement(entity, 'insert', columns).get(params));
    } catch (error) {
      // A new row missing a required column, a CHECK, or an account this store lacks: SQLite undoes
      // the failed statement, so nothing of this change is written.
      throw new SyncApplyError(`Change refused: ${entity} ${change.row_id}: ${(error as Error).message}`, { cause: error });
    }
  }

  /**
   * A change carrying every column (every pulled change). A row the store most likely lacks (a pull
   * from scratch) is inserted, and updated only if it was there after all; otherwise updated, and
   * inserted if absent: a delete of a row never here is kept as a tombstone, since a live row pulled
   * later may point at it (a note at a touchpoint deleted meanwhile). Not INSERT … ON CONFLICT: an
   * upsert's conflict policy overrides the rescore-mark triggers' OR IGNORE. Positional parameters
   * and no RETURNING (the row's account is among its values): a third cheaper over a first sync.
   */
  private applyWholeRow(entity: EntityName, op: 'upsert' | 'delete', key: Record<string, string>, fields: Record<string, unknown>, likelyNew: boolean): AppliedChange {
    const statements = this.wholeRowStatements(entity);
    const scope = ENTITIES[entity].scopeColumn;
    const written = { changed: true, accountId: scope ? ((key[scope] ?? fields[scope]) as string) : null };
    // The insert's placeholders follow the entity's columns; the update's its SET columns, then the key.
    const row = entityColumns(entity).map((column) => (column in key ? key[column] : fields[column]));
    const update = () => statements.update.run([...statements.setColumns.map((column) => fields[column]), ...ENTITIES[entity].key.map((column) => key[column])]);
    if (likelyNew && op === 'upsert') {
      try {
        statements.insert.run(row);
        return written;
      } catch (error) {
        if (!isKeyConflict(error)) throw error;
      }
    }
    if (update().changes === 0) statements.insert.run(row);
    return written;
  }

  /**
   * Removes the device's own copy of a row the server refused and does not have (a note written on
   * an account that had already left this user's book): the refused mutation stays in the outbox,
   * listed with the server's reason, so nothing the user wrote is lost.
   */
  dropLocalRow(entity: string, rowId: string): void {
    if (!isEntityName(entity)) return;
    const key = keyValues(entity, rowId);
    const where = ENTITIES[entity].key.map((column) => `${column} = @${column}`).join(' AND ');
    prepareCached<[Record<string, unknown>], unknown>(this.db, `DELETE FROM ${entity} WHERE ${where}`).run(key);
  }

  /**
   * Runs `apply` (a page's changes, inside its transaction) with the notes full-text trigger standing
   * aside, then indexes every note it inserted in one statement (migration 0006): a page of a first
   * sync brings thousands. The changes of a page only insert and update rows, each row once, so no
   * note is updated or deleted before it is indexed.
   */
  withDeferredNoteIndexing<T>(apply: () => T): T {
    if (!this.db.inTransaction) throw new SyncApplyError('Deferred note indexing runs inside the page transaction');
    const { last } = prepareCached<[], { last: number | null }>(this.db, 'SELECT max(seq) AS last FROM notes').get() ?? { last: null };
    prepareCached<[], unknown>(this.db, "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('notes_fts_deferred', '1')").run();
    const result = apply();
    // New notes take seqs above the highest one before (INTEGER PRIMARY KEY, never given by a change).
    prepareCached<[number], unknown>(this.db, 'INSERT INTO notes_fts (rowid, body) SELECT seq, body FROM notes WHERE seq > ?').run(last ?? 0);
    prepareCached<[], unknown>(this.db, "DELETE FROM sync_state WHERE key = 'notes_fts_deferred'").run();
    return result;
  }

  private result(row: { account_id: string | null } | undefined): AppliedChange {
    return row ? { changed: true, accountId: row.account_id } : { changed: false, accountId: null };
  }

  private readonly statements = new Map<string, KeyedStatement>();

  /** The UPDATE or INSERT of one entity for one set of columns, prepared once; it returns the row's scope. */
  private partialStatement(entity: EntityName, kind: 'update' | 'insert', columns: readonly string[]): KeyedStatement {
    // Keyed without building the SQL text: a pulled page can run this for many rows.
    const cacheKey = `${kind} ${entity} ${columns.join(',')}`;
    let statement = this.statements.get(cacheKey);
    if (!statement) {
      const returning = `RETURNING ${ENTITIES[entity].scopeColumn ?? 'NULL'} AS account_id`;
      const sql = kind === 'update' ? updateSql(entity, columns, { suffix: returning }) : insertSql(entity, { columns, suffix: returning });
      statement = prepareCached<[Record<string, unknown>], { account_id: string | null }>(this.db, sql);
      this.statements.set(cacheKey, statement);
    }
    return statement;
  }

  private readonly wholeRows = new Map<EntityName, WholeRowStatements>();

  /** The whole-row INSERT and UPDATE of one entity, bound from arrays of values. */
  private wholeRowStatements(entity: EntityName): WholeRowStatements {
    let statements = this.wholeRows.get(entity);
    if (!statements) {
      const key = ENTITIES[entity].key;
      const setColumns = entityColumns(entity).filter((column) => !key.includes(column));
      statements = {
        insert: prepareCached<unknown[], unknown>(this.db, insertSql(entity, { positional: true })),
        update: prepareCached<unknown[], unknown>(this.db, updateSql(entity, setColumns, { positional: true })),
        setColumns,
      };
      this.wholeRows.set(entity, statements);
    }
    return statements;
  }
}

interface WholeRowStatements {
  insert: Statement<unknown[], unknown>;
  update: Statement<unknown[], unknown>;
  /** The update's SET columns, in its placeholders' order (its key follows). */
  setColumns: readonly string[];
}

/**
 * Runs `work` in one transaction with foreign-key enforcement off, for a pulled page. The server
 * sends each row's latest version in the order it last changed, so a row can arrive before one it
 * points to (a note before its touchpoint when the touchpoint was edited later, an account's rows
 * before the account when it was reassigned later), even pages apart: a check at commit would
 * still refuse. The pointed-to row comes in a later page of the same pull. The app's own writes keep
 * the checks; purges delete an account's rows by name rather than by cascade.
 */
export function inPageTransaction<T>(db: Database, work: () => T): T {
  // The pragma is a no-op inside a transaction: it must be set around it.
  if (db.inTransaction) throw new SyncApplyError('A pulled page starts its own transaction');
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * Runs a pull from scratch with the connection's automatic WAL checkpoints off, and checkpoints once
 * at the end: a first sync writes the whole book, and a checkpoint every 1,000 pages of WAL would
 * copy the pages each page rewrites (indexes, the full-text index) into the store again and again.
 */
export async function withOneCheckpointAtEnd<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const every = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    return await work();
  } finally {
    // The app may have closed the store meanwhile (signing out); nothing to restore then.
    if (db.open) {
      db.pragma(`wal_autocheckpoint = ${every}`);
      db.pragma('wal_checkpoint(PASSIVE)');
    }
  }
}

/** True for SQLite's refusal of a second row with the same key. */
function isKeyConflict(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The key columns' values of a change's `row_id` (see SyncChange.row_id). */
function keyValues(entity: EntityName, rowId: string): Record<string, string> {
  const key = ENTITIES[entity].key;
  const parts = key.length === 1 ? [rowId] : typeof rowId === 'string' ? rowId.split('|') : [];
  if (typeof rowId !== 'string' || parts.length !== key.length || parts.some((part) => part.length === 0)) {
    throw new SyncApplyError(`Change refused: ${entity}: row_id ${JSON.stringify(rowId)} is not ${key.join('|')}`);
  }
  const values: Record<string, string> = {};
  for (let i = 0; i < key.length; i++) values[key[i]!] = parts[i]!;
  return values;
}
