import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { runMigrations } from './migration-runner';

export const STORE_FILE_NAME = 'portfolio.sqlite';

export interface OpenStoreOptions {
  /** Folder holding the store; created when missing. */
  dataDir: string;
  /** Path of a better-sqlite3 addon built for another ABI (Electron); Node's build otherwise. */
  nativeBinding?: string;
}

/**
 * Opens (creating when needed) the local portfolio store with the pragmas DESIGN §2 requires and
 * applies pending migrations.
 */
export function openStore(options: OpenStoreOptions): Database {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, STORE_FILE_NAME);
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a note the app reported saved survives power loss, not just a process crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MiB page cache: the portfolio and search touch a few MB of a 1 GB reference book each time.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    runMigrations(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
