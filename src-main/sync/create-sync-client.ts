import type { SyncPhase, SyncStatus } from '../../src-shared/ipc/sync-status';
import { OutboxQueueRepository } from '../db/repositories/outbox-queue-repository';
import { SyncProgressRepository } from '../db/repositories/sync-progress-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { listenForPokes } from './poke-stream';
import { backoffDelay } from './sync-backoff';
import type { SyncClient, SyncClientOptions } from './sync-client';
import { SyncHttp, SyncRequestError } from './sync-http';
import { runSyncRound, type SyncRoundResult } from './sync-round';

/** A round this long after a local change (several quick edits share one round). */
export const NUDGE_DELAY_MS = 2000;
/** A round this long after the last one ended well, even without pokes (a missed poke, a dead channel). */
export const PERIODIC_ROUND_MS = 60_000;

/** The timers the scheduler uses; injected so a test or the simulation can run time by hand. */
export interface SyncTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: SyncTimers = {
  set: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    // The worker must be free to exit while a retry waits.
    timer.unref();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The factory's options: the workspace's, plus knobs for tests and the simulation. */
export interface SyncEngineOptions extends SyncClientOptions {
  timers?: SyncTimers;
  pullLimit?: number;
  pushBatchSize?: number;
}

/** The sync client of one signed-in store (issue 7 C.12): see SyncClient. */
export function createSyncClient(options: SyncEngineOptions): SyncClient {
  // DESIGN §2/issue 7 A.5: the demo workspace stays separate and is never synced.
  if (new SyncStateRepository(options.db).isDemoBook()) throw new Error('The demo book is never synced; sign in opens the user\'s own store');
  return new SyncScheduler(options);
}

type Timer = 'nudge' | 'next' | 'poke';

/**
 * Decides when rounds run: at start, on a poke whose head is past our cursor, shortly after a local
 * change, every PERIODIC_ROUND_MS, and after a failure with exponential backoff and full jitter. Rounds
 * never overlap: a request during a round runs one more round right after it. A revoked token or an
 * unsupported version stops everything until a new client is made (a new sign-in, an updated app).
 */
class SyncScheduler implements SyncClient {
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly fetch: typeof fetch;
  private readonly timers: SyncTimers;
  private readonly lifetime = new AbortController();
  private readonly http: SyncHttp;
  private readonly outbox: OutboxQueueRepository;
  private readonly progress: SyncProgressRepository;
  private readonly handles = new Map<Timer, unknown>();

  private phase: SyncPhase = 'idle';
  private error: SyncStatus['error'] = null;
  /** The server refused us for a reason a retry will not fix (token revoked, upgrade required). */
  private halted = false;
  private failures = 0;
  private pokeFailures = 0;
  private started = false;
  private stopped = false;
  private running: Promise<void> | null = null;
  private again = false;
  /** The newest head a poke announced: a round ends with another only if it is still past our cursor. */
  private pokedHead = 0;
  private pokeAbort: AbortController | null = null;
  private lastEmitted = '';

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timers = options.timers ?? realTimers;
    this.http = new SyncHttp({ serverUrl: options.serverUrl, token: options.token, fetch: this.fetch, signal: this.lifetime.signal });
    this.outbox = new OutboxQueueRepository(options.db);
    this.progress = new SyncProgressRepository(options.db);
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.requestRound();
    this.connectPokes();
  }

  nudge(): void {
    if (this.stopped) return;
    // The pending count just moved: show it now, not after the round.
    this.emit();
    if (this.halted || !this.started || this.handles.has('nudge')) return;
    this.schedule('nudge', NUDGE_DELAY_MS, () => this.requestRound());
  }

  async syncNow(): Promise<SyncStatus> {
    if (!this.stopped) {
      this.requestRound(true);
      await this.running;
    }
    return this.status();
  }

  status(): SyncStatus {
    const counts = this.outbox.counts();
    return {
      phase: this.phase,
      serverUrl: this.options.serverUrl,
      user: this.options.user,
      pending: counts.pending,
      rejected: counts.rejected,
      lastSyncedAt: this.progress.lastSyncedAt(),
      error: this.error,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of [...this.handles.keys()]) this.cancel(timer);
    this.pokeAbort?.abort();
    // A request in flight is abandoned: its answer, if the server sent one, is read again next time
    // (pushes are idempotent, pulls restart from the stored cursor).
    this.lifetime.abort();
    await this.running;
  }

  /** Runs a round now, or one more right after the running one. `force`: also when halted (Sync now). */
  private requestRound(force = false): void {
    if (this.stopped || (this.halted && !force)) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runRounds().finally(() => {
      this.running = null;
      this.scheduleNext();
    });
  }

  private async runRounds(): Promise<void> {
    do {
      this.again = false;
      this.cancel('next');
      this.cancel('nudge');
      this.phase = 'syncing';
      this.emit();
      const result = await runSyncRound({
        db: this.options.db,
        http: this.http,
        now: this.now,
        onDataChanged: (accountIds) => {
          if (!this.stopped) this.options.onDataChanged(accountIds);
        },
        pullLimit: this.options.pullLimit,
        pushBatchSize: this.options.pushBatchSize,
      });
      this.record(result);
      this.emit();
    } while ((this.again || this.pokedHead > this.progress.cursor()) && this.failures === 0 && !this.stopped);
  }

  private record(result: SyncRoundResult): void {
    if (result.ok) {
      this.failures = 0;
      this.halted = false;
      this.phase = 'idle';
      this.error = null;
      return;
    }
    const { kind, code, message } = result.error;
    this.failures++;
    this.error = { code, message };
    if (kind === 'unauthenticated' || kind === 'upgrade') this.halt();
    else this.phase = kind === 'offline' || kind === 'transient' ? 'offline' : 'error';
  }

  private halt(): void {
    this.halted = true;
    this.phase = 'error';
    for (const timer of [...this.handles.keys()]) this.cancel(timer);
    this.pokeAbort?.abort();
    this.pokeAbort = null;
  }

  private scheduleNext(): void {
    if (this.stopped || this.halted) return;
    // A "Sync now" that succeeded after a halt reopens the channel the halt closed.
    if (this.started && !this.pokeAbort && !this.handles.has('poke')) this.connectPokes();
    const delay = this.failures > 0 ? backoffDelay(this.failures, this.random) : PERIODIC_ROUND_MS;
    this.schedule('next', delay, () => this.requestRound());
  }

  /** Opens the poke channel and keeps it open, reconnecting with backoff, until stopped or halted. */
  private connectPokes(): void {
    if (this.stopped || this.halted) return;
    const abort = new AbortController();
    this.pokeAbort = abort;
    listenForPokes({
      serverUrl: this.options.serverUrl,
      token: this.options.token,
      fetch: this.fetch,
      signal: abort.signal,
      onHead: (head) => {
        // A healthy channel (the server sends the head at connect) resets the reconnect backoff.
        this.pokeFailures = 0;
        // During a round, only noted: the head our own push made is usually reached by that round's pull.
        this.pokedHead = Math.max(this.pokedHead, head);
        if (!this.running && head > this.progress.cursor()) this.requestRound();
      },
    }).then(
      () => this.reconnectPokes(abort),
      (error: unknown) => {
        if (error instanceof SyncRequestError && (error.kind === 'unauthenticated' || error.kind === 'upgrade')) {
          this.error = { code: error.code, message: error.message };
          this.halt();
          this.emit();
          return;
        }
        this.reconnectPokes(abort);
      },
    );
  }

  private reconnectPokes(ended: AbortController): void {
    if (this.stopped || this.halted || this.pokeAbort !== ended) return;
    this.pokeFailures++;
    this.schedule('poke', backoffDelay(this.pokeFailures, this.random), () => this.connectPokes());
  }

  private schedule(timer: Timer, ms: number, callback: () => void): void {
    this.cancel(timer);
    this.handles.set(
      timer,
      this.timers.set(() => {
        this.handles.delete(timer);
        callback();
      }, ms),
    );
  }

  private cancel(timer: Timer): void {
    if (!this.handles.has(timer)) return;
    this.timers.clear(this.handles.get(timer));
    this.handles.delete(timer);
  }

  /** Tells the workspace about a status that differs from the last one it heard. */
  private emit(): void {
    if (this.stopped) return;
    const status = this.status();
    const text = JSON.stringify(status);
    if (text === this.lastEmitted) return;
    this.lastEmitted = text;
    this.options.onStatus(status);
  }
}
