import type { z } from 'zod';
import type { WireUser } from '../../src-shared/sync/auth-wire';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, SYNC_ERROR_CODES, type PullResponse, type pullQuerySchema } from '../../src-shared/sync/sync-wire';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-errors';
import { accountIdsInScope, accountIdsInScopeAt, accountsEnteringScopeSince, scopeChangedSince } from '../scope/account-scope';
import { changesText, LIVE_ONLY, pageEnd } from './pull-page-text';
import { clientProgress } from './sync-clients';

type PullQuery = z.infer<typeof pullQuerySchema>;

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
    const pageEndSeq = await pageEnd(tx, candidates, cursor, limit, cursor === 0);
    const hasMore = pageEndSeq !== null;
    const end = pageEndSeq ?? head;
    const scopeAtEnd = !moved || end === head ? scopeNow : await accountIdsInScopeAt(tx, caller, end);

    const before = new Set(scopeAtCursor);
    const after = new Set(scopeAtEnd);
    const added = scopeAtEnd.filter((id) => !before.has(id));
    const removed = scopeAtCursor.filter((id) => !after.has(id));
    // An account that enters the scope after the start comes whole: its current rows, the account
    // row first (reassigning it logged it after its own rows). Those inside this page's range are
    // the page's own entries (tombstones dropped: the device never had the rows); the snapshot adds
    // the rest, so nothing is read or sent twice (during a first sync most accounts enter this way).
    const whole = cursor > 0 ? added : [];
    const snapshot = whole.length
      ? await changesText(
          tx,
          `account_id = ANY($1::text[]) AND ${LIVE_ONLY} AND (entity = 'accounts' OR seq <= $2 OR seq > $3)`,
          [whole, cursor, end],
          `entity <> 'accounts', seq`,
        )
      : [];
    // The page: team-wide rows, and rows of accounts in scope at its end (of one that entered, its
    // live rows but its account row, which the snapshot sent first).
    const entries = await changesText(
      tx,
      `seq > $1 AND seq <= $2${cursor === 0 ? ` AND ${LIVE_ONLY}` : ''} AND (account_id IS NULL OR (account_id = ANY($3::text[])
         AND (account_id <> ALL($4::text[]) OR (op = 'upsert' AND entity <> 'accounts'))))`,
      [cursor, end, scopeAtEnd, whole],
      'seq',
    );
    return pullAnswerText([...snapshot, ...entries], { scope: { added, removed }, cursor: end, head, has_more: hasMore, last_mutation_id: lastMutationId });
  });
}

/** A pull answer (PullResponse) as JSON text, its changes already serialized. */
export interface PullAnswerText {
  json: string;
}

function pullAnswerText(changes: readonly string[], rest: Omit<PullResponse, 'changes'>): PullAnswerText {
  return { json: `{"changes":[${changes.join(',')}],${JSON.stringify(rest).slice(1)}` };
}
