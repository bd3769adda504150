import type { Database, Statement } from 'better-sqlite3';
import { ENTITIES, type EntityName } from '../../src-shared/sync/entity-registry';

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
    columns = Object.freeze([...ENTITIES[entity].key, ...Object.keys(ENTITIES[entity].columns)]);
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
 * names. The columns are every synced column, or the key plus `columns` (a write's own fields, so a
 * mutation and its row come from one object). `values` replaces a column's placeholder with an SQL
 * expression (a sub-select, say); `suffix` is appended as is (an ON CONFLICT clause).
 */
export function insertSql(
  entity: EntityName,
  options: { columns?: readonly string[]; values?: Readonly<Record<string, string>>; suffix?: string } = {},
): string {
  const all = entityColumns(entity);
  const columns = options.columns ? [...ENTITIES[entity].key, ...options.columns] : all;
  for (const column of columns) {
    if (!all.includes(column)) throw new Error(`${entity} has no column ${column}`);
  }
  for (const column of Object.keys(options.values ?? {})) {
    if (!columns.includes(column)) throw new Error(`${entity} insert has no column ${column}`);
  }
  const values = columns.map((column) => options.values?.[column] ?? `@${column}`);
  return `INSERT INTO ${entity} (${columns.join(', ')}) VALUES (${values.join(', ')})${options.suffix ? ` ${options.suffix}` : ''}`;
}

/**
 * `UPDATE entity SET column = @column, … WHERE key = @key …` for the given synced columns of one row
 * found by its key; `guard` adds conditions to the WHERE (a status check, say) and `suffix` is
 * appended as is (a RETURNING clause).
 */
export function updateSql(entity: EntityName, columns: readonly string[], options: { guard?: string; suffix?: string } = {}): string {
  const all = entityColumns(entity);
  const key = ENTITIES[entity].key;
  if (columns.length === 0) throw new Error(`An update of ${entity} sets no column`);
  for (const column of columns) {
    if (!all.includes(column) || key.includes(column)) throw new Error(`${entity} has no column ${column} to set`);
  }
  const where = [...key.map((column) => `${column} = @${column}`), ...(options.guard ? [options.guard] : [])];
  return `UPDATE ${entity} SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE ${where.join(' AND ')}${options.suffix ? ` ${options.suffix}` : ''}`;
}

/** `snake_case` → `camelCase`, the spelling of a column in the domain types and records. */
export function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

const propertyLists = new Map<EntityName, ReadonlyArray<readonly [string, string]>>();

/** Each column with its camelCase property name, worked out once per entity (bulk writes call per row). */
function propertyNames(entity: EntityName): ReadonlyArray<readonly [string, string]> {
  let pairs = propertyLists.get(entity);
  if (!pairs) {
    pairs = entityColumns(entity).map((column) => [column, camelCase(column)] as const);
    propertyLists.set(entity, pairs);
  }
  return pairs;
}

/**
 * The named parameters of `insertSql(entity)` from a camelCase record: each column takes the
 * record's property of the same name (booleans become the store's 0/1 flags), `overrides` wins, and
 * `deleted_at` may be absent (a written row is live). Any other column the record lacks is an error
 * naming it, so a column added to the registry cannot be written as a silent NULL.
 */
export function rowParams(entity: EntityName, record: object, overrides: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [column, property] of propertyNames(entity)) {
    let value = column in overrides ? overrides[column] : source[property];
    if (value === undefined) {
      if (column !== 'deleted_at') throw new Error(`No value for ${entity}.${column}`);
      value = null;
    }
    params[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return params;
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
