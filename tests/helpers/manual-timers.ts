import type { SyncTimers } from '../../src-main/sync/create-sync-client';

/** Timers a test fires by hand: it sees what the scheduler planned (a retry, a nudge) and when. */
export class ManualTimers implements SyncTimers {
  private next = 1;
  readonly planned = new Map<number, { callback: () => void; ms: number }>();

  set(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.planned.set(handle, { callback, ms });
    return handle;
  }

  clear(handle: unknown): void {
    this.planned.delete(handle as number);
  }

  delays(): number[] {
    return [...this.planned.values()].map((timer) => timer.ms).sort((a, b) => a - b);
  }

  fireAll(): void {
    const due = [...this.planned.entries()];
    this.planned.clear();
    for (const [, timer] of due) timer.callback();
  }
}
