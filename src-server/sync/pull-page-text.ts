import { ENTITIES, isEntityName } from '../../src-shared/sync/entity-registry';
import type { WireChange } from '../../src-shared/sync/sync-wire';
import type { Queryable } from '../db/database';
import { readRows } from './entity-rows';

/**
 * The SQL of a pull page (pull-handler.ts has the rules). A first sync is hundreds of thousands of
 * rows: the database writes the changes' JSON from the fields the log stores and hands back one text
 * per page, so neither PostgreSQL's driver nor PGlite builds a row object per change (on PGlite that
 * alone was 50 ms of a 5,000-row page).
 */

/** A change as JSON text (a WireChange), from a change_log row with stored fields; entity and op are registry names. */
const CHANGE_JSON = `'{"seq":' || seq || ',"entity":"' || entity || '","row_id":' || to_json(row_id)
  || ',"account_id":' || COALESCE(to_json(account_id)::text, 'null') || ',"op":"' || op
  || '","fields":' || fields::text || COALESCE(',"hlc":' || to_json(hlc), '') || '}'`;

/** `account_id IN scope` for a text[] parameter; team-wide rows (no account) always match. */
export const inScope = (param: string): string => `(account_id IS NULL OR account_id = ANY(${param}::text[]))`;

/**
 * An initial sync needs no tombstones: a row deleted before it was ever seen stays unseen.
 * `<> 'delete'`, not `= 'upsert'`: on a log without statistics yet (just seeded or imported) the
 * planner guesses an equality matches 0.5% of rows and scans and sorts the whole log for each page
 * (100 ms on 660,000 entries) instead of walking the seq index to the page's end (10 ms).
 */
export const LIVE_ONLY = `op <> 'delete'`;

/**
 * Where the page after `cursor` ends: after the `limit`-th entry in scope, at the end of that
 * entry's transaction (a page never splits one), with whether more entries in scope follow.
 * `end` is null when the page reaches the head.
 */
export async function pageEnd(tx: Queryable, candidates: readonly string[], cursor: number, limit: number, liveOnly: boolean): Promise<number | null> {
  const filter = `${inScope('$1')}${liveOnly ? ` AND ${LIVE_ONLY}` : ''}`;
  const [last] = await tx.query<{ seq: string | number; tx_end: string | number }>(
    `SELECT seq, tx_end FROM change_log WHERE seq > $2 AND ${filter} ORDER BY seq OFFSET $3 LIMIT 1`,
    [candidates, cursor, limit - 1],
  );
  if (!last) return null;
  const end = Math.max(Number(last.seq), Number(last.tx_end));
  const more = await tx.query(`SELECT 1 FROM change_log WHERE seq > $2 AND ${filter} ORDER BY seq LIMIT 1`, [candidates, end]);
  return more.length > 0 ? end : null;
}

interface UnstoredEntry {
  entity: string;
  row_id: string;
  account_id: string | null;
  seq: string | number;
  op: 'upsert' | 'delete';
  hlc: string | null;
}

/**
 * The changes of the log entries matching `where` (over `params`), in `order`, as pieces of a JSON
 * array's text: entries written outside the write path's stored fields (users, an owner set by
 * `admin assign`, a row logged again after a refusal) first, built from their tables (a row its table
 * no longer has is left out), then the rest in one text from the database.
 */
export async function changesText(tx: Queryable, where: string, params: readonly unknown[], order: string): Promise<string[]> {
  const [result] = await tx.query<{ stored: string | null; unstored: UnstoredEntry[] | string | null }>(
    `SELECT string_agg(${CHANGE_JSON}, ',' ORDER BY ${order}) FILTER (WHERE fields IS NOT NULL) AS stored,
            json_agg(json_build_object('entity', entity, 'row_id', row_id, 'account_id', account_id, 'seq', seq, 'op', op, 'hlc', hlc) ORDER BY ${order})
              FILTER (WHERE fields IS NULL) AS unstored
     FROM change_log WHERE ${where}`,
    params,
  );
  const unstored = typeof result?.unstored === 'string' ? (JSON.parse(result.unstored) as UnstoredEntry[]) : (result?.unstored ?? []);
  const pieces = await unstoredChanges(tx, unstored);
  if (result?.stored) pieces.push(result.stored);
  return pieces;
}

async function unstoredChanges(tx: Queryable, entries: readonly UnstoredEntry[]): Promise<string[]> {
  const ids = new Map<string, string[]>();
  for (const entry of entries) {
    const list = ids.get(entry.entity) ?? [];
    list.push(entry.row_id);
    ids.set(entry.entity, list);
  }
  const rows = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [entity, rowIds] of ids) if (isEntityName(entity)) rows.set(entity, await readRows(tx, entity, rowIds));
  const changes: string[] = [];
  for (const entry of entries) {
    const row = rows.get(entry.entity)?.get(entry.row_id);
    if (!row || !isEntityName(entry.entity)) continue;
    const fields = { ...row };
    for (const column of ENTITIES[entry.entity].key) delete fields[column];
    const change: WireChange = { seq: Number(entry.seq), entity: entry.entity, row_id: entry.row_id, account_id: entry.account_id, op: entry.op, fields, ...(entry.hlc ? { hlc: entry.hlc } : {}) };
    changes.push(JSON.stringify(change));
  }
  return changes;
}
