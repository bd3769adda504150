import type { Database } from 'better-sqlite3';
import { OutboxQueueRepository } from '../db/repositories/outbox-queue-repository';
import { ScopePurgeRepository } from '../db/repositories/scope-purge-repository';
import { SyncProgressRepository } from '../db/repositories/sync-progress-repository';
import type { AppliedPage } from './apply-pull-page';
import { pullToHead } from './pull-to-head';
import { pushOutbox } from './push-outbox';
import { SyncRequestError, type SyncHttp } from './sync-http';

/** What one round needs; no timers and no globals, so a test or the simulation can drive rounds one by one. */
export interface SyncRoundContext {
  db: Database;
  http: SyncHttp;
  now: () => Date;
  /** After each committed page or recorded push answer: the accounts whose stored data changed. */
  onDataChanged: (accountIds: string[]) => void;
  pullLimit?: number;
  pushBatchSize?: number;
}

export type SyncRoundResult =
  | { ok: true; caughtUp: boolean; cursor: number; head: number; pushed: number }
  | { ok: false; error: SyncRequestError };

/**
 * One sync round: push everything pending, then pull until the server has no more (DESIGN §3: a
 * round pushes before it pulls, so an account leaving scope has its pending mutations answered
 * before it is purged). Never throws: a failure is returned with the kind that tells the scheduler
 * whether to retry, and everything committed before it stays committed.
 */
export async function runSyncRound(ctx: SyncRoundContext): Promise<SyncRoundResult> {
  try {
    const push = await pushOutbox(ctx.db, ctx.http, ctx.pushBatchSize);
    if (push.rejectedAccounts.length) ctx.onDataChanged(push.rejectedAccounts);
    const purge = new ScopePurgeRepository(ctx.db);
    const pull = await pullToHead(ctx.db, ctx.http, (page: AppliedPage) => {
      // Users and the scoring config are team-wide: every account's view may show them.
      const accountIds = page.teamWide ? [...new Set([...page.accountIds, ...purge.storedAccountIds()])] : page.accountIds;
      if (accountIds.length) ctx.onDataChanged(accountIds);
    }, ctx.pullLimit);
    const pending = new OutboxQueueRepository(ctx.db).counts().pending;
    new SyncProgressRepository(ctx.db).setLastSyncedAt(ctx.now().toISOString());
    return { ok: true, caughtUp: pull.cursor >= pull.head && pending === 0, cursor: pull.cursor, head: pull.head, pushed: push.pushed };
  } catch (error) {
    return { ok: false, error: asSyncError(error) };
  }
}

/**
 * A failure that is not the network's or the server's (a pulled row the store refuses, a full disk)
 * is retried with backoff like a refusal and shown with its code.
 */
function asSyncError(error: unknown): SyncRequestError {
  if (error instanceof SyncRequestError) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'APPLY_FAILED';
  return new SyncRequestError('refused', code, error instanceof Error ? error.message : String(error));
}
