import { ENTITIES, entityColumnNames, type EntityName } from '../../src-shared/sync/entity-registry';
import type { Queryable } from '../db/database';

/**
 * SQL over the server's entity tables, built from the entity registry (src-shared) so no call site
 * lists an entity's columns: read rows by id for a pull or a merge, and upsert whole rows in bulk.
 * Rows travel as JSON through jsonb_populate_recordset / jsonb_to_recordset, so one statement
 * writes any number of rows on PostgreSQL and PGlite alike.
 */

/** A row as the wire carries it: every registry column (key included) with its wire value. */
export type EntityRow = Record<string, unknown>;

const NUMBER_COLUMNS = new Map<EntityName, Set<string>>();

/** Columns whose wire type is a number: `pg` hands bigint back as text, the wire wants numbers. */
export function numberColumns(entity: EntityName): Set<string> {
  let columns = NUMBER_COLUMNS.get(entity);
  if (!columns) {
    columns = new Set(
      Object.entries(ENTITIES[entity].columns)
        .filter(([, schema]) => schema.safeParse(0).success || schema.safeParse(1).success)
        .map(([name]) => name),
    );
    NUMBER_COLUMNS.set(entity, columns);
  }
  return columns;
}

/** The row with wire values: numbers as numbers, timestamps (users' timestamptz) as ISO text. */
export function wireRow(entity: EntityName, row: Record<string, unknown>): EntityRow {
  const numbers = numberColumns(entity);
  const out: EntityRow = {};
  for (const column of entityColumnNames(entity)) {
    const value = row[column];
    if (value instanceof Date) out[column] = value.toISOString();
    else if (typeof value === 'string' && numbers.has(column)) out[column] = Number(value);
    else out[column] = value ?? null;
  }
  return out;
}

/** A change's `row_id`: the `id`, or the key columns joined by `|` (metrics: `account|key|date`). */
export function rowIdOf(entity: EntityName, row: EntityRow): string {
  return ENTITIES[entity].key.map((column) => String(row[column])).join('|');
}

/** The key columns of a `row_id` (the inverse of rowIdOf); null when it does not split into the key. */
export function keyOfRowId(entity: EntityName, rowId: string): Record<string, string> | null {
  const key = ENTITIES[entity].key;
  const parts = key.length === 1 ? [rowId] : rowId.split('|');
  if (parts.length !== key.length || parts.some((part) => part.length === 0)) return null;
  return Object.fromEntries(key.map((column, i) => [column, parts[i] as string]));
}


// Keys travel as one text array per key column (unnest keeps them in step): the primary-key index
// finds each row, with no JSON to parse on the way.
function selectByKeys(entity: EntityName, withLog: boolean): string {
  const key = ENTITIES[entity].key;
  const keys = `SELECT * FROM unnest(${key.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS k(${key.join(', ')})`;
  const match = `(${key.map((column) => `t.${column}`).join(', ')}) IN (${keys})`;
  const rowId = key.map((column) => `t.${column}`).join(" || '|' || ");
  return withLog
    ? `SELECT t.*, c.clocks AS log_clocks, c.created_by AS log_created_by FROM ${entity} t
       LEFT JOIN change_log c ON c.entity = '${entity}' AND c.row_id = ${rowId} WHERE ${match}`
    : `SELECT t.* FROM ${entity} t WHERE ${match}`;
}

async function selectRows(db: Queryable, entity: EntityName, rowIds: readonly string[], withLog: boolean): Promise<Record<string, unknown>[]> {
  if (rowIds.length === 0) return [];
  const key = ENTITIES[entity].key;
  const columns: string[][] = key.map(() => []);
  for (const rowId of rowIds) {
    const values = keyOfRowId(entity, rowId);
    if (values) key.forEach((column, i) => columns[i]?.push(values[column] as string));
  }
  return db.query<Record<string, unknown>>(selectByKeys(entity, withLog), columns);
}

/** The rows of one entity with these row ids (missing ones are absent), keyed by row id. */
export async function readRows(db: Queryable, entity: EntityName, rowIds: readonly string[]): Promise<Map<string, EntityRow>> {
  const found = new Map<string, EntityRow>();
  for (const row of await selectRows(db, entity, rowIds, false)) {
    const wire = wireRow(entity, row);
    found.set(rowIdOf(entity, wire), wire);
  }
  return found;
}

export interface RowLog {
  clocks: Record<string, string> | string | null;
  created_by: string | null;
}

/** Like readRows, with each row's change-log clocks and creator (one statement, for a push's merge). */
export async function readRowsWithLog(db: Queryable, entity: EntityName, rowIds: readonly string[]): Promise<Map<string, { row: EntityRow; log: RowLog }>> {
  const found = new Map<string, { row: EntityRow; log: RowLog }>();
  for (const row of await selectRows(db, entity, rowIds, true)) {
    const wire = wireRow(entity, row);
    found.set(rowIdOf(entity, wire), { row: wire, log: { clocks: row.log_clocks as RowLog['clocks'], created_by: (row.log_created_by as string | null) ?? null } });
  }
  return found;
}

/**
 * Inserts or replaces whole rows of one entity (every registry column present in each row); the
 * change log stamps their server_version in the same transaction (change-log.ts). Not for `users`,
 * whose table holds more than the registry (password hashes): users are written by their
 * repository and only logged.
 */
export async function upsertRows(db: Queryable, entity: EntityName, rows: readonly EntityRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (entity === 'users') throw new Error('users rows are written by the user repository, not upsertRows');
  const columns = entityColumnNames(entity);
  const key = ENTITIES[entity].key;
  const updates = columns.filter((column) => !key.includes(column)).map((column) => `${column} = EXCLUDED.${column}`);
  await db.query(
    `INSERT INTO ${entity} (${columns.join(', ')})
     SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${entity}, $1::jsonb)
     ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`,
    [JSON.stringify(rows)],
  );
}
