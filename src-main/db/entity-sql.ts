import type { Database, Statement } from 'better-sqlite3';
import { ENTITIES, entityColumnNames, type EntityName } from '../../src-shared/sync/entity-registry';
import { entityRowOf } from '../../src-shared/sync/entity-record-rows';

/**
 * The one place that turns the entity registry (src-shared, pure) into SQL column text, so the
 * repositories never list a synced entity's columns by hand. Column names are the registry's
 * snake_case names, which are also the keys of the rows SQLite returns.
 */

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
const columnLists = new Map<EntityName, readonly string[]>();

/** Every synced column of an entity, key columns first, then the registry's columns in its order. */
export function entityColumns(entity: EntityName): readonly string[] {
  let columns = columnLists.get(entity);
  if (!columns) {
    columns = entityColumnNames(entity);
    // The names go into SQL text unquoted: a registry name that is not a plain identifier is a bug.
    for (const column of [entity, ...columns]) {
      if (!IDENTIFIER.test(column)) throw new Error(`Entity registry name is not a plain SQL identifier: ${entity}.${column}`);
    }
    columnLists.set(entity, columns);
  }
  return columns;
}

/** True when the registry lists `column` for `entity` (key or not). */
export function hasColumn(entity: EntityName, column: string): boolean {
  return entityColumns(entity).includes(column);
}

/** `alias.col, alias.col, …` (or bare names without an alias) for a SELECT of every synced column. */
export function selectColumns(entity: EntityName, alias?: string): string {
  const prefix = alias ? `${alias}.` : '';
  return entityColumns(entity).map((column) => `${prefix}${column}`).join(', ');
}

/**
 * `INSERT INTO entity (columns) VALUES (@column, …)`: named parameters in the row's own snake_case
 * names (or positional ones, see placeholder). The columns are every synced column, or the key plus `columns` (a write's own fields, so a
 * mutation and its row come from one object). `values` replaces a column's placeholder with an SQL
 * expression (a sub-select, say); `suffix` is appended as is (an ON CONFLICT clause).
 */
export function insertSql(
  entity: EntityName,
  options: { columns?: readonly string[]; values?: Readonly<Record<string, string>>; suffix?: string; positional?: boolean } = {},
): string {
  const all = entityColumns(entity);
  const columns = options.columns ? [...ENTITIES[entity].key, ...options.columns] : all;
  for (const column of columns) {
    if (!all.includes(column)) throw new Error(`${entity} has no column ${column}`);
  }
  for (const column of Object.keys(options.values ?? {})) {
    if (!columns.includes(column)) throw new Error(`${entity} insert has no column ${column}`);
  }
  const values = columns.map((column) => options.values?.[column] ?? placeholder(column, options.positional));
  return `INSERT INTO ${entity} (${columns.join(', ')}) VALUES (${values.join(', ')})${options.suffix ? ` ${options.suffix}` : ''}`;
}

/**
 * `UPDATE entity SET column = @column, … WHERE key = @key …` for the given synced columns of one row
 * found by its key; `guard` adds conditions to the WHERE (a status check, say) and `suffix` is
 * appended as is (a RETURNING clause).
 */
export function updateSql(entity: EntityName, columns: readonly string[], options: { guard?: string; suffix?: string; positional?: boolean } = {}): string {
  const all = entityColumns(entity);
  const key = ENTITIES[entity].key;
  if (columns.length === 0) throw new Error(`An update of ${entity} sets no column`);
  for (const column of columns) {
    if (!all.includes(column) || key.includes(column)) throw new Error(`${entity} has no column ${column} to set`);
  }
  const value = (column: string) => placeholder(column, options.positional);
  const where = [...key.map((column) => `${column} = ${value(column)}`), ...(options.guard ? [options.guard] : [])];
  return `UPDATE ${entity} SET ${columns.map((column) => `${column} = ${value(column)}`).join(', ')} WHERE ${where.join(' AND ')}${options.suffix ? ` ${options.suffix}` : ''}`;
}

/**
 * `@column`, or with `positional` a bare `?`: bound from an array (in the order the placeholders
 * appear: an insert's columns, an update's SET columns then its key), which better-sqlite3 binds
 * faster than an object (a first sync binds hundreds of thousands of rows).
 */
function placeholder(column: string, positional = false): string {
  return positional ? '?' : `@${column}`;
}

/**
 * The named parameters of `insertSql(entity)` from a camelCase record: the record's entity row
 * (src-shared/sync/entity-record-rows.ts, shared with the server's writers), whose keys are the
 * statement's parameter names.
 */
export function rowParams(entity: EntityName, record: object, overrides: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return entityRowOf(entity, record, overrides);
}

const preparedByDb = new WeakMap<Database, Map<string, Statement>>();

/**
 * The statement for this SQL text on this connection, prepared once: for statements built from a
 * write's own fields (insertSql/updateSql with Object.keys(fields)), so the row and its outbox
 * mutation name the same columns.
 */
export function prepareCached<P extends unknown[] | object = unknown[], R = unknown>(db: Database, sql: string): Statement<P, R> {
  let prepared = preparedByDb.get(db);
  if (!prepared) {
    prepared = new Map();
    preparedByDb.set(db, prepared);
  }
  let statement = prepared.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    prepared.set(sql, statement);
  }
  return statement as unknown as Statement<P, R>;
}
