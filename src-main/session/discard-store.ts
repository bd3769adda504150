import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDir, SQLITE_COMPANION_SUFFIXES } from '../db/backup-files';
import { freeTimestampedName } from '../db/backups';
import { storeFileOf } from '../db/open-store';

/** Where "discard unsynced changes" puts a signed-in book: `<session dir>/discarded/portfolio-<time>.sqlite`. */
export const DISCARDED_DIR_NAME = 'discarded';

/**
 * Sets a closed signed-in book aside with its -wal/-shm files, so the next sign-in starts a fresh
 * book from the server. The user asked to discard the changes the server never got; they are moved
 * out of the way rather than deleted, so support can still recover a note discarded by mistake.
 */
export function setAsideStore(storeDir: string, at: Date): string | null {
  const storeFile = storeFileOf(storeDir);
  if (!existsSync(storeFile)) return null;
  const target = join(storeDir, DISCARDED_DIR_NAME);
  mkdirSync(target, { recursive: true });
  const base = freeTimestampedName(target, at, ['', ...SQLITE_COMPANION_SUFFIXES]);
  // Companions first: a -wal left beside a new store file of the same name would be replayed into it.
  for (const suffix of SQLITE_COMPANION_SUFFIXES) {
    if (existsSync(`${storeFile}${suffix}`)) renameSync(`${storeFile}${suffix}`, join(target, `${base}${suffix}`));
  }
  renameSync(storeFile, join(target, base));
  fsyncDir(target);
  fsyncDir(storeDir);
  return join(target, base);
}
