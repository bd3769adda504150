import { ENTITIES, entityColumnNames } from '../../src-shared/sync/entity-registry';
import type { Database, Queryable } from '../db/database';
import { commitWrites, type RowWrite } from '../sync/change-log';
import { readRows, type EntityRow } from '../sync/entity-rows';
import type { ImportKind, ImportRow } from './import-rows';
import { refuseIfAny, type RowProblem } from './import-refusal';

/**
 * Writes checked import rows through the synced-write path, all or nothing, in one transaction.
 * Idempotent by row id: a row equal to the stored one is not written again (no change-log entry,
 * so devices see nothing); a column the file leaves out keeps its stored value, and a new row takes
 * the column's default (null, or the import's time for created_at and updated_at) or, where the
 * column has none, is refused.
 */

export interface ImportCounts {
  created: number;
  changed: number;
  unchanged: number;
}

/** Rows per change-log unit: a pull page never splits one, so this bounds what a device downloads at once. */
const ROWS_PER_COMMIT = 2_000;
const STAMPS = new Set(['created_at', 'updated_at']);

function complete(entity: ImportKind, row: ImportRow, stored: EntityRow | undefined, nowIso: string, problems: RowProblem[]): EntityRow | null {
  const columns = ENTITIES[entity].columns as Readonly<Record<string, { safeParse(value: unknown): { success: boolean } }>>;
  const full: EntityRow = {};
  for (const column of entityColumnNames(entity)) {
    if (column in row.values) full[column] = row.values[column];
    else if (stored) full[column] = stored[column];
    else if (STAMPS.has(column)) full[column] = nowIso;
    else if (columns[column]?.safeParse(null).success) full[column] = null;
    else {
      problems.push({ row: row.row, field: column, message: `required for a new ${entity} row`, value: undefined });
      return null;
    }
  }
  return full;
}

const sameRow = (a: EntityRow, b: EntityRow): boolean => Object.keys(a).every((column) => STAMPS.has(column) || a[column] === b[column]);

async function liveIds(tx: Queryable, sql: string, ids: readonly unknown[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Set();
  return new Set((await tx.query<{ id: string }>(sql, [wanted])).map((r) => r.id));
}

/** Every row must point at what exists: an owner who carries a book, a live account, that account's contact. */
async function checkReferences(tx: Queryable, entity: ImportKind, rows: readonly { row: ImportRow; full: EntityRow; stored?: EntityRow }[], problems: RowProblem[]): Promise<void> {
  if (entity === 'accounts') {
    const owners = await liveIds(tx, "SELECT id FROM users WHERE id = ANY($1::text[]) AND deleted_at IS NULL AND role IN ('csm', 'manager')", rows.map((r) => r.full.owner_id));
    for (const { row, full } of rows) {
      if (full.owner_id !== null && !owners.has(full.owner_id as string)) {
        problems.push({ row: row.row, field: 'owner_id', message: 'not the id of a CSM or manager', value: full.owner_id });
      }
    }
    return;
  }
  const accounts = await liveIds(tx, 'SELECT id FROM accounts WHERE id = ANY($1::text[]) AND deleted_at IS NULL', rows.map((r) => r.full.account_id));
  const contacts =
    entity === 'surveys'
      ? new Set((await tx.query<{ key: string }>("SELECT id || '|' || account_id AS key FROM contacts WHERE id = ANY($1::text[])", [rows.map((r) => r.full.contact_id).filter((id) => id !== null)])).map((r) => r.key))
      : new Set<string>();
  for (const { row, full, stored } of rows) {
    if (!accounts.has(full.account_id as string)) {
      problems.push({ row: row.row, field: 'account_id', message: 'no such account', value: full.account_id });
    } else if (stored && stored.account_id !== full.account_id) {
      // Moving a row to another account would leave it on the old owner's devices.
      problems.push({ row: row.row, field: 'account_id', message: `a ${entity} row cannot move to another account (it is on ${String(stored.account_id)})`, value: full.account_id });
    } else if (entity === 'surveys' && full.contact_id !== null && !contacts.has(`${String(full.contact_id)}|${String(full.account_id)}`)) {
      problems.push({ row: row.row, field: 'contact_id', message: "not a contact of the survey's account", value: full.contact_id });
    }
  }
}

export async function applyImport(db: Database, entity: ImportKind, rows: readonly ImportRow[], now = new Date()): Promise<ImportCounts> {
  const nowIso = now.toISOString();
  return db.transaction(async (tx) => {
    const stored = await readRows(tx, entity, rows.map((r) => r.rowId));
    const problems: RowProblem[] = [];
    const completed: { row: ImportRow; full: EntityRow; stored?: EntityRow }[] = [];
    for (const row of rows) {
      const before = stored.get(row.rowId);
      const full = complete(entity, row, before, nowIso, problems);
      if (full) completed.push(before ? { row, full, stored: before } : { row, full });
    }
    await checkReferences(tx, entity, completed, problems);
    refuseIfAny(problems.sort((a, b) => a.row - b.row));

    const counts: ImportCounts = { created: 0, changed: 0, unchanged: 0 };
    const writes: RowWrite[] = [];
    for (const { row, full, stored: before } of completed) {
      if (before && sameRow(full, before)) {
        counts.unchanged += 1;
        continue;
      }
      if (before) {
        counts.changed += 1;
        // A changed row is newer than its stored version unless the file says when it changed.
        if ('updated_at' in full && !('updated_at' in row.values)) full.updated_at = nowIso;
      } else counts.created += 1;
      writes.push({ entity, row: full, op: full.deleted_at ? 'delete' : 'upsert' });
    }
    for (let from = 0; from < writes.length; from += ROWS_PER_COMMIT) await commitWrites(tx, writes.slice(from, from + ROWS_PER_COMMIT), [], now);
    return counts;
  });
}
