import type { Database } from 'better-sqlite3';
import type { PullResponse } from '../../src-shared/sync/sync-wire';
import { OutboxQueueRepository } from '../db/repositories/outbox-queue-repository';
import { ScopePurgeRepository } from '../db/repositories/scope-purge-repository';
import { inPageTransaction, SyncApplyError, SyncApplyRepository } from '../db/repositories/sync-apply-repository';
import { SyncProgressRepository } from '../db/repositories/sync-progress-repository';
import type { PulledChange } from './sync-answers';


/** What a committed page changed on this device. */
export interface AppliedPage {
  /** Accounts whose stored data changed (for the `data.changed` event). */
  accountIds: string[];
  /** A team-wide row changed (users, scoring config): every account's view may have moved. */
  teamWide: boolean;
}

/**
 * Applies one pulled page in ONE transaction (DESIGN §3), so a crash leaves the store at a page
 * boundary with the cursor that matches it:
 * 1. the server's changes in order, each the full current row;
 * 2. the accounts that left scope are purged (refused mutations are kept so the user still sees
 *    them; pending ones stay queued for the server to refuse, keeping mutation ids contiguous);
 * 3. pending outbox rows the server already has (its last_mutation_id) are dropped;
 * 4. every still-pending mutation is re-applied on top, so an edit not yet pushed is not hidden by
 *    older server state;
 * 5. the device's clock moves past the newest pulled clock, and the cursor moves.
 * The first page of a pull from cursor 0 (first sign-in, RESYNC_REQUIRED) first purges every stored
 * account: that pull brings the whole scope again but no tombstones, so a row deleted on the server,
 * or an account that left the scope, while this device was away would otherwise stay here for good.
 * Pending mutations stay pending (pushed next round) and are re-applied when their row arrives.
 * The caller rescoring is not needed: the store's triggers mark the accounts whose inputs changed in
 * this transaction, and every read of scores (portfolio, rows, account panel) takes marked accounts
 * in first.
 */
export function applyPullPage(db: Database, page: PullResponse, requestCursor: number, fromScratch = requestCursor === 0): AppliedPage {
  const apply = new SyncApplyRepository(db);
  const purge = new ScopePurgeRepository(db);
  const outbox = new OutboxQueueRepository(db);
  const progress = new SyncProgressRepository(db);
  return inPageTransaction(db, (): AppliedPage => {
    const changed = new Set<string>();
    if (requestCursor === 0) {
      for (const accountId of purge.storedAccountIds()) {
        purge.purgeAccount(accountId);
        changed.add(accountId);
      }
    }
    let teamWide = false;
    let newestClock: string | null = null;
    apply.withDeferredNoteIndexing(() => {
      for (const change of page.changes as PulledChange[]) {
        if (typeof change.hlc === 'string' && (newestClock === null || change.hlc > newestClock)) newestClock = change.hlc;
        // After the purge of a pull from scratch the rows of its pages are new to this store.
        const result = apply.applyChange(change, { likelyNew: fromScratch });
        if (!result.changed) continue;
        if (result.accountId) changed.add(result.accountId);
        else teamWide = true;
      }
    });

    const added = new Set(page.scope.added);
    for (const accountId of page.scope.removed) {
      // An account both removed and added back within one page stays: the server lists its rows.
      if (added.has(accountId)) continue;
      // Its pending changes stay queued: the server refuses them (out of scope) when they are pushed.
      // Refusing them here would leave a hole in the mutation ids the server expects one by one, and
      // the device could never push again (simulation seed 2331).
      purge.purgeAccount(accountId);
      changed.add(accountId);
    }

    outbox.acknowledgeThrough(progress.mutationIdBase() + page.last_mutation_id);
    reapplyPending(apply, outbox, page);

    if (newestClock) progress.observeHlc(newestClock);
    progress.setCursor(page.cursor);
    return { accountIds: [...changed], teamWide };
  });
}

/**
 * Puts each still-pending local mutation of a row the page wrote back over it, oldest first (rows the
 * page did not touch still hold the local edits). One that cannot apply (its row is gone and the
 * mutation carries only some columns) is skipped rather than failing the page: the server's answer
 * to its push settles it.
 */
function reapplyPending(apply: SyncApplyRepository, outbox: OutboxQueueRepository, page: PullResponse): void {
  if (page.changes.length === 0) return;
  const written = new Set(page.changes.map((change) => rowKey(change.entity, change.row_id)));
  for (const row of outbox.allPending()) {
    if (!written.has(rowKey(row.entity, row.rowId))) continue;
    try {
      apply.applyChange({ entity: row.entity, row_id: row.rowId, op: row.op, fields: JSON.parse(row.fieldsJson) });
    } catch (error) {
      if (!(error instanceof SyncApplyError)) throw error;
    }
  }
}

const rowKey = (entity: string, rowId: string): string => `${entity}\u0000${rowId}`;
