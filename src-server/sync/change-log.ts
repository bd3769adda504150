import { ENTITIES, type EntityName } from '../../src-shared/sync/entity-registry';
import type { Queryable } from '../db/database';
import { rowIdOf, upsertRows, type EntityRow } from './entity-rows';

/**
 * The server's one synced-write path: every change of a synced row (a push, an admin command, an
 * import, an ingest, the demo seed) goes through `commitWrites` inside the caller's transaction. It
 * takes the next seqs from the counter row, writes the entity rows, records the change-log entry
 * of each row and, for accounts and users, the scope history. Pulls serve what it wrote.
 */

export interface RowWrite {
  entity: EntityName;
  /** The whole row after the change: every registry column, key included. */
  row: EntityRow;
  op: 'upsert' | 'delete';
  /** Per-field HLCs after a client write; kept as they were when absent. */
  clocks?: Record<string, string>;
  /** Who created the row (a push's caller); kept as it was when absent. */
  createdBy?: string | null;
}

/** A row written elsewhere (users, by their repository) that the log must still announce. */
export interface LoggedRow {
  entity: EntityName;
  rowId: string;
  accountId: string | null;
  op: 'upsert' | 'delete';
}

export interface CommitResult {
  /** The counter after this transaction's writes: the head a pull will see once it commits. */
  head: number;
}

/** The row's fields as a pull sends them: every registry column but the key. */
function fieldsOf(entity: EntityName, row: EntityRow): EntityRow {
  const fields = { ...row };
  for (const column of ENTITIES[entity].key) delete fields[column];
  return fields;
}

function accountIdOf(entity: EntityName, row: EntityRow): string | null {
  const column = ENTITIES[entity].scopeColumn;
  return column ? ((row[column] as string | null) ?? null) : null;
}

/**
 * Writes the rows and logs every change, in the caller's transaction; nothing when `writes` is empty.
 * The rows are written first; then one statement takes the seqs from the counter row, records the
 * log entries and NOTIFYs. (The entity tables' server_version column is not kept: stamping it made
 * a second version of every row inside the counter lock; the log's seq is the row's version.) Taking the counter locks its row until
 * the transaction ends, so writing transactions take their seqs one after another in commit order:
 * a pull never sees a seq while a lower one is still uncommitted (the cursor-gap bug of logs fed by
 * a sequence). Doing it last keeps that lock for one statement and the commit, not the whole write.
 */
export async function commitWrites(tx: Queryable, allWrites: readonly RowWrite[], logged: readonly LoggedRow[] = [], now = new Date()): Promise<CommitResult> {
  // One version per row and statement: a later write of the same row replaces an earlier one's
  // content but keeps its place, so a row still comes before the rows of the batch that refer to it.
  const latest = new Map<string, RowWrite>();
  for (const write of allWrites) latest.set(`${write.entity}\u0000${rowIdOf(write.entity, write.row)}`, write);
  const writes = [...latest.values()];
  const total = writes.length + logged.length;
  if (total === 0) return { head: await currentHead(tx) };

  const byEntity = new Map<EntityName, EntityRow[]>();
  for (const write of writes) {
    const list = byEntity.get(write.entity) ?? [];
    list.push(write.row);
    byEntity.set(write.entity, list);
  }
  for (const [entity, rows] of byEntity) await upsertRows(tx, entity, rows);

  const entries = [
    ...writes.map((write) => ({
      entity: write.entity,
      row_id: rowIdOf(write.entity, write.row),
      account_id: accountIdOf(write.entity, write.row),
      op: write.op,
      clocks: write.clocks ?? null,
      created_by: write.createdBy ?? null,
      fields: fieldsOf(write.entity, write.row),
    })),
    ...logged.map((entry) => ({ entity: entry.entity, row_id: entry.rowId, account_id: entry.accountId, op: entry.op, clocks: null, created_by: null, fields: null })),
  ].map((entry, ord) => ({ ...entry, ord }));
  // json_to_recordset, not the jsonb one: each entry's fields keep the compact text JSON.stringify
  // wrote, which pulls send as they are.
  const [result] = await tx.query<{ head: string | number }>(
    `WITH c AS (UPDATE sync_counter SET seq = seq + $2 WHERE id = 1 RETURNING seq),
     e AS (
       SELECT x.entity, x.row_id, x.account_id, c.seq - $2 + 1 + x.ord AS seq, c.seq AS tx_end, x.op, COALESCE(x.clocks, '{}'::jsonb) AS clocks,
         (SELECT max(value) FROM jsonb_each_text(x.clocks)) AS hlc, x.created_by, x.fields
       FROM json_to_recordset($1::json) AS x(entity text, row_id text, account_id text, ord bigint, op text, clocks jsonb, created_by text, fields json) CROSS JOIN c
     ),
     logged AS (
       INSERT INTO change_log (entity, row_id, account_id, seq, tx_end, op, clocks, hlc, created_by, fields, changed_at)
       SELECT entity, row_id, account_id, seq, tx_end, op, clocks, hlc, created_by, fields, $3 FROM e
       ON CONFLICT (entity, row_id) DO UPDATE SET
         account_id = EXCLUDED.account_id, seq = EXCLUDED.seq, tx_end = EXCLUDED.tx_end, op = EXCLUDED.op, fields = EXCLUDED.fields,
         clocks = CASE WHEN EXCLUDED.clocks = '{}'::jsonb THEN change_log.clocks ELSE EXCLUDED.clocks END,
         hlc = CASE WHEN EXCLUDED.clocks = '{}'::jsonb THEN change_log.hlc ELSE EXCLUDED.hlc END,
         created_by = COALESCE(change_log.created_by, EXCLUDED.created_by),
         changed_at = EXCLUDED.changed_at
       RETURNING 1
     )
     SELECT c.seq AS head, pg_notify($4, c.seq::text) FROM c`,
    [JSON.stringify(entries), total, now.toISOString(), HEAD_CHANNEL],
  );
  const head = Number(result?.head);
  const first = head - total + 1;
  await recordScopeHistory(tx, entries.map((entry) => ({ entity: entry.entity, row_id: entry.row_id, seq: first + entry.ord })));
  return { head };
}

/** The NOTIFY channel that carries the head to every server process on the database (delivered at commit). */
export const HEAD_CHANNEL = 'csm_sync_head';

/** The rows whose versions scope_history keeps: an account's owner, a user's manager. */
const SCOPE_PARENTS = [
  { entity: 'accounts', kind: 'account', parent: 'owner_id' },
  { entity: 'users', kind: 'user', parent: 'manager_id' },
] as const;

/** Owner and manager versions, so a later pull can tell what was in a caller's scope at its cursor. */
async function recordScopeHistory(tx: Queryable, entries: readonly { entity: string; row_id: string; seq: number }[]): Promise<void> {
  for (const { entity, kind, parent } of SCOPE_PARENTS) {
    const versions = entries.filter((entry) => entry.entity === entity).map(({ row_id, seq }) => ({ row_id, seq }));
    if (versions.length === 0) continue;
    await tx.query(
      `INSERT INTO scope_history (seq, kind, id, parent_id, live)
       SELECT e.seq, '${kind}', t.id, t.${parent}, t.deleted_at IS NULL
       FROM jsonb_to_recordset($1::jsonb) AS e(row_id text, seq bigint) JOIN ${entity} t ON t.id = e.row_id`,
      [JSON.stringify(versions)],
    );
  }
}

/** The highest seq committed (as this transaction sees it). */
export async function currentHead(db: Queryable): Promise<number> {
  const [counter] = await db.query<{ seq: string | number }>('SELECT seq FROM sync_counter WHERE id = 1');
  return Number(counter?.seq ?? 0);
}
