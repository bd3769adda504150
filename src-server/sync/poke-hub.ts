import type { Database } from '../db/database';
import { HEAD_CHANNEL } from './change-log';

/**
 * Tells every open poke channel of this process that the head moved. Heads come from NOTIFY (sent
 * inside each writing transaction, delivered at commit), so a write in any server process on the
 * same database reaches the clients of every process.
 */
export class PokeHub {
  private head = 0;
  private readonly listeners = new Set<(head: number) => void>();
  private stopListening: (() => Promise<void>) | null = null;

  /** Starts listening on the database's head channel. */
  async start(db: Database, initialHead: number): Promise<void> {
    this.head = initialHead;
    this.stopListening = await db.listen(HEAD_CHANNEL, (payload) => this.publish(Number(payload)));
  }

  /** Announces a head; an older or repeated one (notifications can arrive late) is ignored. */
  publish(head: number): void {
    if (!Number.isSafeInteger(head) || head <= this.head) return;
    this.head = head;
    for (const listener of this.listeners) listener(head);
  }

  currentHead(): number {
    return this.head;
  }

  subscribe(listener: (head: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    await this.stopListening?.();
    this.stopListening = null;
  }
}
