import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc, parseHlc } from '../../../src-shared/sync/hlc';
import { OutboxQueueRepository } from './outbox-queue-repository';
import { SyncStateRepository } from './sync-state-repository';

const KEYS = {
  clientId: 'client_id',
  hlc: 'hlc',
  cursor: 'pull_cursor',
  mutationIdBase: 'mutation_id_base',
  lastSyncedAt: 'last_synced_at',
} as const;

/**
 * Where this device stands with the server, kept in sync_state so it survives restarts: its client
 * identity, its clock, the pull cursor, the offset between outbox ids and the ids it pushes, and when
 * it last synced.
 */
export class SyncProgressRepository {
  private readonly state: SyncStateRepository;

  constructor(private readonly db: Database) {
    this.state = new SyncStateRepository(db);
  }

  clientId(): string {
    return this.state.clientId();
  }

  /** Where the next pull starts (0: from scratch). */
  cursor(): number {
    return Number(this.state.get(KEYS.cursor) ?? 0);
  }

  setCursor(cursor: number): void {
    this.state.set(KEYS.cursor, String(cursor));
  }

  /** Wire mutation id = outbox id − this base (0 until the identity was reset). */
  mutationIdBase(): number {
    return Number(this.state.get(KEYS.mutationIdBase) ?? 0);
  }

  lastSyncedAt(): string | null {
    return this.state.get(KEYS.lastSyncedAt) ?? null;
  }

  setLastSyncedAt(at: string): void {
    this.state.set(KEYS.lastSyncedAt, at);
  }

  /**
   * Moves this device's clock up to a stamp seen from the server (the receive rule of a hybrid
   * logical clock), so an edit made here after seeing a change gets a later stamp than it even when
   * this device's wall clock is behind the other's. Never moves the clock back.
   */
  observeHlc(stamp: string): void {
    let remote;
    try {
      remote = parseHlc(stamp);
    } catch {
      return;
    }
    const stored = this.state.get(KEYS.hlc);
    const local = stored ? parseHlc(stored) : { wallMs: 0, counter: 0, node: this.clientId() };
    if (remote.wallMs < local.wallMs || (remote.wallMs === local.wallMs && remote.counter <= local.counter)) return;
    this.state.set(KEYS.hlc, formatHlc({ wallMs: remote.wallMs, counter: remote.counter, node: local.node }));
  }

  /**
   * Takes a new client identity whose first pushed id is the oldest pending mutation's: after the
   * server lost this client's record (MUTATION_GAP) or the store came back from a local backup, the
   * old identity's ids no longer line up. Safe because every mutation is an idempotent upsert by row
   * id carrying its own HLC: pushing one again under the new identity merges to the same state.
   * Returns the new client id.
   */
  resetIdentity(): string {
    const outbox = new OutboxQueueRepository(this.db);
    return this.db.transaction(() => {
      const clientId = uuidv7();
      const smallest = outbox.smallestPendingId();
      const base = smallest === null ? outbox.lastIssuedId() : smallest - 1;
      this.state.set(KEYS.clientId, clientId);
      this.state.set(KEYS.mutationIdBase, String(base));
      // New stamps name the new identity; the clock value itself carries on, so it never goes back.
      const hlc = this.state.get(KEYS.hlc);
      if (hlc) this.state.set(KEYS.hlc, formatHlc({ ...parseHlc(hlc), node: clientId }));
      return clientId;
    })();
  }
}

/** See SyncProgressRepository.resetIdentity: call after restoring a local backup of a synced store. */
export function resetSyncIdentity(db: Database): string {
  return new SyncProgressRepository(db).resetIdentity();
}
