import type { Database } from '../db/database';

/** How long deletions stay in the change log for devices that were away (DESIGN §3 "Tombstones"). */
export const DEFAULT_TOMBSTONE_DAYS = 180;
const MS_PER_DAY = 86_400_000;

/**
 * Drops the log entries of rows deleted more than `windowDays` ago and raises the horizon to the
 * highest seq dropped: a device whose cursor is below it could have missed a deletion, so its next
 * pull is answered RESYNC_REQUIRED and it downloads its book again. The deleted rows themselves stay
 * in their tables (`deleted_at` set), so an old device's late edit cannot bring one back.
 */
export async function pruneTombstones(db: Database, now: Date, windowDays = DEFAULT_TOMBSTONE_DAYS): Promise<{ pruned: number; horizon: number }> {
  const cutoff = new Date(now.getTime() - windowDays * MS_PER_DAY).toISOString();
  return db.transaction(async (tx) => {
    // The counter row's lock keeps writers out while the horizon moves.
    const [counter] = await tx.query<{ horizon: string | number }>('SELECT horizon FROM sync_counter WHERE id = 1 FOR UPDATE');
    const dropped = await tx.query<{ seq: string | number }>(`DELETE FROM change_log WHERE op = 'delete' AND changed_at < $1 RETURNING seq`, [cutoff]);
    const horizon = Math.max(Number(counter?.horizon ?? 0), ...dropped.map((row) => Number(row.seq)));
    if (dropped.length > 0) await tx.query('UPDATE sync_counter SET horizon = $1 WHERE id = 1', [horizon]);
    return { pruned: dropped.length, horizon };
  });
}
