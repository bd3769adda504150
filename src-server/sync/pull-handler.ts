import type { z } from 'zod';
import type { WireUser } from '../../src-shared/sync/auth-wire';
import { ENTITIES, isEntityName, type EntityName } from '../../src-shared/sync/entity-registry';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, SYNC_ERROR_CODES, type PullResponse, type pullQuerySchema, type WireChange } from '../../src-shared/sync/sync-wire';
import type { Database, Queryable } from '../db/database';
import { HttpError } from '../http/http-errors';
import { accountIdsInScope, accountIdsInScopeAt, accountsEnteringScopeSince, scopeChangedSince } from '../scope/account-scope';
import { readRows } from './entity-rows';
import { clientProgress } from './sync-clients';

type PullQuery = z.infer<typeof pullQuerySchema>;

interface LogEntry {
  entity: string;
  row_id: string;
  account_id: string | null;
  seq: string | number;
  tx_end: string | number;
  op: 'upsert' | 'delete';
  clocks: Record<string, string> | string | null;
}

const LOG_COLUMNS = 'entity, row_id, account_id, seq, tx_end, op, clocks';

/** The newest of a row's field clocks, if a device ever wrote it. */
function newestClock(clocks: LogEntry['clocks']): string | undefined {
  const map = typeof clocks === 'string' ? (JSON.parse(clocks) as Record<string, string>) : (clocks ?? {});
  let newest: string | undefined;
  for (const stamp of Object.values(map)) if (newest === undefined || stamp > newest) newest = stamp;
  return newest;
}
// $1: every account that may be in the caller's scope between the cursor and the head.
const IN_PULL_SCOPE = `(account_id IS NULL OR account_id = ANY($1::text[]))`;

/**
 * `GET /v1/sync/pull`, read in one REPEATABLE READ transaction so the head, the scope and the rows
 * agree. Cursor 0 is an initial sync: every account in scope is "added" and the log (one entry per
 * row, its latest version) is replayed without tombstones. Later cursors get the log after the
 * cursor, plus the accounts that entered the scope since the cursor in full, and the ids of those
 * that left it (the client purges them).
 */
export async function handlePull(db: Database, caller: WireUser, query: PullQuery): Promise<PullResponse> {
  const limit = Math.min(query.limit ?? DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT);
  const { cursor } = query;
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const lastMutationId = await clientProgress(tx, query.client_id, caller.id, false);
    const [counter] = await tx.query<{ seq: string | number; horizon: string | number }>('SELECT seq, horizon FROM sync_counter WHERE id = 1');
    const head = Number(counter?.seq ?? 0);
    const horizon = Number(counter?.horizon ?? 0);
    if (cursor > head) throw new HttpError(409, SYNC_ERROR_CODES.resyncRequired, `Cursor ${cursor} is ahead of this server's log (head ${head}): download your book again`);
    if (cursor > 0 && cursor < horizon) throw new HttpError(410, SYNC_ERROR_CODES.resyncRequired, `Cursor ${cursor} is older than the kept deletions (from ${horizon}): download your book again`);

    // The device holds the scope as it stood at its cursor (nothing at 0); after this page it holds the
    // scope as it stands at the page's end. Both are computed from scope_history, never from "now",
    // so a page that stops short of the head cannot leave rows of an account that left in between.
    const scopeNow = await accountIdsInScope(tx, caller);
    const moved = cursor === 0 || (await scopeChangedSince(tx, cursor));
    const scopeAtCursor = cursor === 0 ? [] : moved ? await accountIdsInScopeAt(tx, caller, cursor) : scopeNow;
    // Every account that can be in the scope anywhere between the cursor and the head.
    const candidates = moved ? [...new Set([...scopeAtCursor, ...scopeNow, ...(await accountsEnteringScopeSince(tx, caller, cursor))])] : scopeNow;
    const page = await logPage(tx, candidates, cursor, limit);
    const end = page.hasMore ? page.end : head;
    const scopeAtEnd = !moved || end === head ? scopeNow : await accountIdsInScopeAt(tx, caller, end);

    const before = new Set(scopeAtCursor);
    const after = new Set(scopeAtEnd);
    const added = scopeAtEnd.filter((id) => !before.has(id));
    const removed = scopeAtCursor.filter((id) => !after.has(id));
    // An account that enters the scope after the start comes whole (its current rows, the account
    // row first: reassigning it logged it after its own rows); its log entries are not repeated.
    const whole = new Set(cursor > 0 ? added : []);
    const snapshot = whole.size
      ? await tx.query<LogEntry>(`SELECT ${LOG_COLUMNS} FROM change_log WHERE account_id = ANY($1::text[]) AND op = 'upsert' ORDER BY entity <> 'accounts', seq`, [[...whole]])
      : [];
    const entries = page.entries.filter((entry) => entry.account_id === null || (after.has(entry.account_id) && !whole.has(entry.account_id)));
    const changes = await withFields(tx, [...snapshot, ...entries]);
    return { changes, scope: { added, removed }, cursor: end, head, has_more: page.hasMore, last_mutation_id: lastMutationId };
  });
}

/** Up to `limit` log entries after the cursor, extended to the end of the last one's transaction. */
async function logPage(tx: Queryable, scope: string[], cursor: number, limit: number): Promise<{ entries: LogEntry[]; end: number; hasMore: boolean }> {
  // An initial sync needs no tombstones: a row deleted before it was ever seen stays unseen.
  const liveOnly = cursor === 0 ? ` AND op = 'upsert'` : '';
  const entries = await tx.query<LogEntry>(
    `SELECT ${LOG_COLUMNS} FROM change_log WHERE seq > $2 AND ${IN_PULL_SCOPE}${liveOnly} ORDER BY seq LIMIT $3`,
    [scope, cursor, limit + 1],
  );
  if (entries.length <= limit) return { entries, end: cursor, hasMore: false };
  entries.length = limit;
  const last = entries[limit - 1] as LogEntry;
  if (Number(last.tx_end) > Number(last.seq)) {
    const rest = await tx.query<LogEntry>(
      `SELECT ${LOG_COLUMNS} FROM change_log WHERE seq > $2 AND seq <= $3 AND ${IN_PULL_SCOPE}${liveOnly} ORDER BY seq`,
      [scope, Number(last.seq), Number(last.tx_end)],
    );
    entries.push(...rest);
  }
  const end = Number((entries.at(-1) as LogEntry).seq);
  const more = await tx.query(`SELECT 1 FROM change_log WHERE seq > $2 AND ${IN_PULL_SCOPE}${liveOnly} LIMIT 1`, [scope, end]);
  return { entries, end, hasMore: more.length > 0 };
}

/** The changes with their rows' current fields (every column but the key), in the entries' order. */
async function withFields(tx: Queryable, entries: readonly LogEntry[]): Promise<WireChange[]> {
  const byEntity = new Map<EntityName, string[]>();
  for (const entry of entries) {
    if (!isEntityName(entry.entity)) continue;
    const ids = byEntity.get(entry.entity) ?? [];
    ids.push(entry.row_id);
    byEntity.set(entry.entity, ids);
  }
  const rows = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [entity, ids] of byEntity) rows.set(entity, await readRows(tx, entity, ids));
  const changes: WireChange[] = [];
  for (const entry of entries) {
    const row = rows.get(entry.entity)?.get(entry.row_id);
    if (!row || !isEntityName(entry.entity)) continue;
    const fields = { ...row };
    for (const column of ENTITIES[entry.entity].key) delete fields[column];
    const hlc = newestClock(entry.clocks);
    changes.push({ seq: Number(entry.seq), entity: entry.entity, row_id: entry.row_id, account_id: entry.account_id, op: entry.op, fields, ...(hlc ? { hlc } : {}) });
  }
  return changes;
}
