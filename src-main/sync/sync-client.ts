import type { SyncStatus } from '../../src-shared/ipc/sync-status';

/**
 * The sync client of one signed-in store (issue 7 C.12), as the workspace sees it: it runs in the
 * store worker beside the services and owns push, pull, poke and the retry schedule.
 */
export interface SyncClient {
  /** Begins syncing: one round now, then on poke, shortly after local changes, and periodically. */
  start(): void;
  /** Asks for a round soon (a local write committed); rounds never overlap. */
  nudge(): void;
  /** One full round (push everything pending, pull to head); resolves when it ends, never rejects. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
  /** Stops timers and the poke channel and waits for a running round to end. */
  stop(): Promise<void>;
}

/** What the store worker gives the sync client of a signed-in store. */
export interface SyncClientOptions {
  /** The open signed-in store (better-sqlite3); the client writes pulled pages into it. */
  db: import('better-sqlite3').Database;
  /** e.g. `http://127.0.0.1:8787`, no trailing slash. */
  serverUrl: string;
  token: string;
  /** The signed-in user, as login answered; shown in the status. */
  user: NonNullable<SyncStatus['user']>;
  /** Every status change; the worker forwards it to the windows as the `sync.status` event. */
  onStatus: (status: SyncStatus) => void;
  /** After a pulled page committed: the accounts whose stored data changed (for `data.changed`). */
  onDataChanged: (accountIds: string[]) => void;
  /** Injected for tests and the simulation; default Date, Math.random and global fetch. */
  now?: () => Date;
  random?: () => number;
  fetch?: typeof fetch;
}
