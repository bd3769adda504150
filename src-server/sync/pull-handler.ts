import type { z } from 'zod';
import type { WireUser } from '../../src-shared/sync/auth-wire';
import { ENTITIES, isEntityName, type EntityName } from '../../src-shared/sync/entity-registry';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, SYNC_ERROR_CODES, type PullResponse, type pullQuerySchema } from '../../src-shared/sync/sync-wire';
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
  /** The newest of the row's field clocks, if a device ever wrote it. */
  hlc: string | null;
  /** The row's fields as JSON text, when the write path stored them (null: read the row's table). */
  fields: string | null;
}

// Fields as text, not parsed: they go into the answer as they are (a first sync is hundreds of
// thousands of rows). Building each change's whole JSON in SQL was slower than here.
const LOG_COLUMNS = `entity, row_id, account_id, seq, tx_end, op, (SELECT max(value) FROM jsonb_each_text(clocks)) AS hlc, fields::text AS fields`;

// $1: every account that may be in the caller's scope between the cursor and the head.
const IN_PULL_SCOPE = `(account_id IS NULL OR account_id = ANY($1::text[]))`;

/**
 * `GET /v1/sync/pull`, read in one REPEATABLE READ transaction so the head, the scope and the rows
 * agree. Cursor 0 is an initial sync: every account in scope is "added" and the log (one entry per
 * row, its latest version) is replayed without tombstones. Later cursors get the log after the
 * cursor, plus the accounts that entered the scope since the cursor in full, and the ids of those
 * that left it (the client purges them).
 */
export async function handlePull(db: Database, caller: WireUser, query: PullQuery): Promise<PullAnswerText> {
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
    // An account that enters the scope after the start comes whole: its current rows, the account
    // row first (reassigning it logged it after its own rows). Those inside this page's range are
    // the page's own entries (tombstones dropped: the device never had the rows); the snapshot adds
    // the rest, so nothing is read twice (during a first sync most accounts enter this way).
    const whole = new Set(cursor > 0 ? added : []);
    const snapshot = whole.size
      ? await tx.query<LogEntry>(
          `SELECT ${LOG_COLUMNS} FROM change_log
           WHERE account_id = ANY($1::text[]) AND op <> 'delete' AND (entity = 'accounts' OR seq <= $2 OR seq > $3)
           ORDER BY entity <> 'accounts', seq`,
          [[...whole], cursor, end],
        )
      : [];
    const entries = page.entries.filter((entry) => {
      if (entry.account_id === null) return true;
      if (!whole.has(entry.account_id)) return after.has(entry.account_id);
      return entry.op === 'upsert' && entry.entity !== 'accounts';
    });
    const changes = await changeTexts(tx, [...snapshot, ...entries]);
    return pullAnswerText(changes, { scope: { added, removed }, cursor: end, head, has_more: page.hasMore, last_mutation_id: lastMutationId });
  });
}

/** Up to `limit` log entries after the cursor, extended to the end of the last one's transaction. */
async function logPage(tx: Queryable, scope: string[], cursor: number, limit: number): Promise<{ entries: LogEntry[]; end: number; hasMore: boolean }> {
  // An initial sync needs no tombstones: a row deleted before it was ever seen stays unseen.
  // `<> 'delete'`, not `= 'upsert'`: on a log without statistics yet (just seeded or imported) the
  // planner guesses an equality matches 0.5% of rows and scans and sorts the whole log for each page
  // (100 ms on 660,000 entries) instead of walking the seq index to the page's end (10 ms).
  const liveOnly = cursor === 0 ? ` AND op <> 'delete'` : '';
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

/**
 * Each change as the JSON text of a WireChange, in the entries' order: its stored fields as they
 * are, or, for a row written outside the write path, the row read from its table (every column but
 * the key). A row its table no longer has is left out.
 */
async function changeTexts(tx: Queryable, entries: readonly LogEntry[]): Promise<string[]> {
  const unstored = new Map<EntityName, string[]>();
  for (const entry of entries) {
    if (entry.fields !== null || !isEntityName(entry.entity)) continue;
    const ids = unstored.get(entry.entity) ?? [];
    ids.push(entry.row_id);
    unstored.set(entry.entity, ids);
  }
  const rows = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [entity, ids] of unstored) rows.set(entity, await readRows(tx, entity, ids));
  const changes: string[] = [];
  for (const entry of entries) {
    let fields = entry.fields;
    if (fields === null) {
      const row = rows.get(entry.entity)?.get(entry.row_id);
      if (!row || !isEntityName(entry.entity)) continue;
      const copy = { ...row };
      for (const column of ENTITIES[entry.entity].key) delete copy[column];
      fields = JSON.stringify(copy);
    }
    const hlc = entry.hlc ? `,"hlc":${JSON.stringify(entry.hlc)}` : '';
    // A WireChange, its fields spliced in as stored.
    changes.push(
      `{"seq":${Number(entry.seq)},"entity":${JSON.stringify(entry.entity)},"row_id":${JSON.stringify(entry.row_id)},"account_id":${JSON.stringify(entry.account_id)},"op":${JSON.stringify(entry.op)},"fields":${fields}${hlc}}`,
    );
  }
  return changes;
}

/** A pull answer (PullResponse) as JSON text, its changes already serialized. */
export interface PullAnswerText {
  json: string;
}

function pullAnswerText(changes: readonly string[], rest: Omit<PullResponse, 'changes'>): PullAnswerText {
  return { json: `{"changes":[${changes.join(',')}],${JSON.stringify(rest).slice(1)}` };
}
