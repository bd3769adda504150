import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc, parseHlc, tickHlc } from '../../../src-shared/sync/hlc';

/** Device identity and hybrid clock, persisted in sync_state so they survive restarts. */
export class SyncStateRepository {
  private readonly getStmt;
  private readonly setStmt;

  constructor(private readonly db: Database) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
    this.setStmt = db.prepare(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }

  /** True when this store holds the demo book: never synced, shown as "Demo book". */
  isDemoBook(): boolean {
    return this.get('workspace') === 'demo';
  }

  /** Marks the store as the demo book; call in the transaction that writes the book. */
  markDemoBook(): void {
    this.set('workspace', 'demo');
  }

  clientId(): string {
    let id = this.get('client_id');
    if (!id) {
      id = uuidv7();
      this.set('client_id', id);
    }
    return id;
  }

  /** Next HLC stamp; call inside the write's transaction so the clock persists with the write. */
  nextHlc(nowMs: number): string {
    const stored = this.get('hlc');
    const state = stored ? parseHlc(stored) : { wallMs: 0, counter: 0, node: this.clientId() };
    const stamp = formatHlc(tickHlc(state, nowMs));
    this.set('hlc', stamp);
    return stamp;
  }
}
