import type { Database } from 'better-sqlite3';
import { MAX_PULL_LIMIT, type PullResponse } from '../../src-shared/sync/sync-wire';
import { withOneCheckpointAtEnd } from '../db/repositories/sync-apply-repository';
import { SyncProgressRepository } from '../db/repositories/sync-progress-repository';
import { applyPullPage, type AppliedPage } from './apply-pull-page';
import { SyncRequestError, type SyncHttp } from './sync-http';

/** Where a pull phase ended: the cursor it stored and the server's head at its last page. */
export interface PullOutcome {
  cursor: number;
  head: number;
  pages: number;
}

/**
 * Pulls pages from the stored cursor until the server says there is no more, committing each page
 * before asking for the next (DESIGN §3). A RESYNC_REQUIRED answer, or a head behind our cursor (the
 * server's log went back, e.g. restored from a backup), restarts once from cursor 0: the fresh pull
 * replaces the local book with the scope as the server has it now (see applyPullPage).
 */
export async function pullToHead(
  db: Database,
  http: SyncHttp,
  onPage: (page: AppliedPage) => void,
  // The largest page the server serves: fewer round trips, and the scope work a page costs the server is paid fewer times.
  limit = MAX_PULL_LIMIT,
): Promise<PullOutcome> {
  const pull = () => pullPages(db, http, onPage, limit);
  return new SyncProgressRepository(db).cursor() === 0 ? withOneCheckpointAtEnd(db, pull) : pull();
}

async function pullPages(db: Database, http: SyncHttp, onPage: (page: AppliedPage) => void, limit: number): Promise<PullOutcome> {
  const progress = new SyncProgressRepository(db);
  let restarted = false;
  let identityReset = false;
  let pages = 0;
  // Pages of a pull that started from cursor 0 (after its purge) bring rows this store lacks.
  let fromScratch = false;
  // The next page, asked for while the current one is applied (the server builds it meanwhile).
  let next: Promise<PullResponse> | null = null;
  for (;;) {
    const cursor = progress.cursor();
    if (cursor === 0) fromScratch = true;
    let page;
    try {
      page = await (next ?? http.pull({ clientId: progress.clientId(), cursor, limit }));
    } catch (error) {
      next = null;
      if (error instanceof SyncRequestError && error.kind === 'resync' && !restarted) {
        restarted = true;
        progress.setCursor(0);
        continue;
      }
      // Our client id is another user's (CLIENT_MISMATCH): this device takes a fresh one.
      if (error instanceof SyncRequestError && error.kind === 'gap' && !identityReset) {
        identityReset = true;
        progress.resetIdentity();
        continue;
      }
      throw error;
    }
    if (page.head < cursor && !restarted) {
      restarted = true;
      progress.setCursor(0);
      continue;
    }
    next = null;
    if (page.has_more && page.cursor > cursor) {
      // Its cursor is the one this page stores once applied. A failure surfaces when it is awaited;
      // if applying this page fails first, nobody awaits it.
      next = http.pull({ clientId: progress.clientId(), cursor: page.cursor, limit });
      next.catch(() => undefined);
      // Let the request leave before the page's synchronous transaction holds the thread.
      await new Promise((resolve) => setImmediate(resolve));
    }
    onPage(applyPullPage(db, page, cursor, fromScratch));
    pages++;
    if (!page.has_more) return { cursor: page.cursor, head: page.head, pages };
    // "More" without moving on would ask for the same page for ever.
    if (page.cursor <= cursor) throw new SyncRequestError('transient', 'PULL_STALLED', 'The server said more changes wait but did not move the cursor');
  }
}
