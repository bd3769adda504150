import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { StoreProblem, StoreProblemCode } from '../../src-shared/ipc/app-status';
import { MigrationMismatchError, runMigrations } from './migration-runner';
import { storeProblemOf } from './store-errors';

export const STORE_FILE_NAME = 'portfolio.sqlite';

/** A store that cannot be used as it is: what is wrong, with which file, in SQLite's own words. */
export class StoreProblemError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(`${problem.file}: ${problem.detail}`);
    this.name = 'StoreProblemError';
  }
}

export interface OpenStoreOptions {
  /** Folder holding the store; created when missing and `create` is on. */
  dataDir: string;
  /** Path of a better-sqlite3 addon built for another ABI (Electron); Node's build otherwise. */
  nativeBinding?: string;
  /** Make a new store when there is none (default). Off: a missing file is an error, never a fresh store. */
  create?: boolean;
  /**
   * Time the start-up integrity check may take beyond the core tables (default 250 ms): a 1 GB
   * store needs seconds for a whole quick_check, which then runs in the background instead.
   */
  checkBudgetMs?: number;
}

/** The store file of a data folder. */
export function storeFileOf(dataDir: string): string {
  return join(dataDir, STORE_FILE_NAME);
}

function problem(code: StoreProblemCode, file: string, detail: string): StoreProblemError {
  return new StoreProblemError({ code, file, detail });
}

/**
 * Opens (creating when allowed) the local portfolio store with the pragmas DESIGN §2 requires,
 * after checking it is whole and writable, and applies pending migrations. Anything wrong with the
 * file is a StoreProblemError naming it; a damaged store is checked before anything writes to it.
 */
export function openStore(options: OpenStoreOptions): Database {
  const create = options.create ?? true;
  const file = storeFileOf(options.dataDir);
  const exists = existsSync(file);
  if (!exists && !create) throw problem('STORE_CORRUPT', file, 'the store file does not exist');
  // SQLite would take a zero-length file for a new database and migrate it: a truncated store would
  // silently become an empty book. Report it instead (when creating, it is another process's new store).
  if (exists && !create && statSync(file).size === 0) throw problem('STORE_EMPTY_FILE', file, 'the file is 0 bytes long');
  if (create) mkdirSync(options.dataDir, { recursive: true });

  let db: Database;
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw asStoreProblem(error, file);
  }
  try {
    // First, so a second process starting on the same folder waits for the lock instead of failing.
    db.pragma('busy_timeout = 5000');
    if (exists) checkIntegrity(db, file, options.checkBudgetMs ?? DEFAULT_CHECK_BUDGET_MS);
    db.pragma('journal_mode = WAL');
    // FULL: a note the app reported saved survives power loss, not just a process crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 64 MiB page cache: the portfolio and search touch a few MB of a 1 GB reference book each time.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    runMigrations(db);
    // A read-only file or folder opens and reads fine and fails only on the first save: find out now.
    db.prepare(
      `INSERT INTO sync_state (key, value) VALUES ('store_opened_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    ).run(new Date().toISOString());
  } catch (error) {
    db.close();
    throw asStoreProblem(error, file);
  }
  return db;
}

const DEFAULT_CHECK_BUDGET_MS = 250;
/** Checked at every start whatever the budget: the schema, the sync bookkeeping and what the CSM wrote. */
const CORE_TABLES = ['schema_migrations', 'sync_state', 'users', 'accounts', 'outbox', 'notes', 'escalations', 'goals'];

/**
 * SQLite's quick_check (every page's structure, without the slower index cross-checks), table by
 * table: the core tables always, the rest while the time budget lasts, largest tables last. A store
 * with a damaged page otherwise opens normally and fails later on some reads while writes go on.
 */
function checkIntegrity(db: Database, file: string, budgetMs: number): void {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as Array<{ name: string }>)
    .map((row) => row.name)
    .filter((name) => !CORE_TABLES.includes(name) && name !== 'metrics');
  const started = performance.now();
  const ordered = [...CORE_TABLES, ...tables, 'metrics'];
  for (const [index, table] of ordered.entries()) {
    if (index >= CORE_TABLES.length && performance.now() - started > budgetMs) return;
    if (!tableExists(db, table)) continue;
    const findings = quickCheck(db, `quick_check("${table.replace(/"/g, '""')}")`);
    if (findings.length) throw problem('STORE_CORRUPT', file, `quick_check: ${findings.join('; ')}`);
  }
}

function tableExists(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** quick_check's findings (at most five), empty when the checked part is whole. */
export function quickCheck(db: Database, pragma = 'quick_check'): string[] {
  const rows = db.pragma(pragma.replace(/^quick_check$/, 'quick_check(5)')) as Array<{ quick_check: string }>;
  return rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
}

function asStoreProblem(error: unknown, file: string): Error {
  if (error instanceof StoreProblemError) return error;
  if (error instanceof MigrationMismatchError) return problem('STORE_MISMATCH', file, error.message);
  const code = storeProblemOf(error);
  if (code) return problem(code, file, error instanceof Error ? error.message : String(error));
  return error instanceof Error ? error : new Error(String(error));
}
