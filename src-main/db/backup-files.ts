import { closeSync, fsyncSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { isProcessAlive } from './store-lock';

/** SQLite's files beside a database; a leftover one must never sit beside a different main file. */
export const SQLITE_COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file's bytes to the disk, so a rename that follows never publishes a half-written file after power loss. */
export function fsyncFile(file: string): void {
  fsyncPath(file, 'r+');
}

/** Flushes a folder's entries so a rename in it survives power loss. Windows cannot open a folder
 * for this; NTFS journals renames itself. */
export function fsyncDir(dir: string): void {
  if (process.platform !== 'win32') fsyncPath(dir, 'r');
}

export function removeWithCompanions(file: string): void {
  for (const suffix of ['', ...SQLITE_COMPANION_SUFFIXES]) rmSync(`${file}${suffix}`, { force: true });
}

let tempSequence = 0;

/** `<name>.<pid>-<n>.tmp`: the pid lets a later run tell an abandoned temp file from one in progress. */
export function tempFileName(name: string): string {
  tempSequence += 1;
  return `${name}.${process.pid}-${tempSequence}.tmp`;
}

const TEMP_FILE = /\.(\d+)-\d+\.tmp(?:-wal|-shm|-journal)?$/;

/** Removes temp files (and SQLite's companions of them) left in `dir` by processes that died mid-write. */
export function removeAbandonedTempFiles(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMP_FILE.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isProcessAlive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** SQLite's or the file system's own words, with the code support looks for ("SQLITE_NOTADB: …"). */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** An error from SQLite or node:fs, reworded to name the file, keeping its code for storeProblemOf. */
export function errorNamingFile(error: unknown, message: string): Error {
  const code = errorCode(error);
  return Object.assign(new Error(`${message}: ${describeError(error)}`, { cause: error }), code ? { code } : {});
}

/** `error` is SQLite's own, when it raised one (its code tells a full disk from a damaged file). */
export type StoreFileCheck = { ok: true } | { ok: false; detail: string; error?: unknown };

const SOUND: StoreFileCheck = { ok: true };

/** Runs `work` on its own short-lived connection to `file`; any SQLite error becomes a failed check. */
function withConnection(
  file: string,
  { nativeBinding, readonly }: { nativeBinding: string | undefined; readonly: boolean },
  work: (db: Database) => StoreFileCheck,
): StoreFileCheck {
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return work(db);
  } catch (error) {
    return { ok: false, detail: describeError(error), error };
  } finally {
    db?.close();
  }
}

/**
 * Whether a file is a sound portfolio store: not empty (SQLite opens a 0-byte file as a valid
 * empty database), passes `PRAGMA quick_check` opened read-only, and holds the migrations table
 * (any other SQLite file would open as an empty book). quick_check reads every page: about
 * 1 ms per MB, so a large store blocks the calling thread for that long.
 */
export function checkStoreFile(file: string, nativeBinding?: string): StoreFileCheck {
  try {
    if (statSync(file).size === 0) return { ok: false, detail: 'it is empty (0 bytes)' };
  } catch (error) {
    return { ok: false, detail: `it cannot be read (${describeError(error)})` };
  }
  return withConnection(file, { nativeBinding, readonly: true }, (db) => {
    const results = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((row) => row.quick_check);
    if (results.length !== 1 || results[0] !== 'ok') return { ok: false, detail: `quick_check: ${results.slice(0, 3).join('; ')}` };
    const migrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    return migrations ? SOUND : { ok: false, detail: 'it is an SQLite file but not a CSM Workstation store' };
  });
}

/**
 * Turns a fresh copy of the WAL-mode store into a rollback-journal file, so the backup is one
 * self-contained file: opened later (read-only to check it, or restored) it needs no -wal or -shm.
 */
export function makeSelfContained(file: string, nativeBinding?: string): StoreFileCheck {
  return withConnection(file, { nativeBinding, readonly: false }, (db) => {
    db.pragma('journal_mode = DELETE');
    return SOUND;
  });
}

/**
 * Folds a WAL left by a crash into its store file, as SQLite itself would on the next open, so
 * moving the WAL aside afterwards takes nothing away from the store still in place.
 */
export function checkpointLeftoverWal(storeFile: string, nativeBinding?: string): void {
  if (!statSync(`${storeFile}-wal`, { throwIfNoEntry: false })?.size) return;
  // A damaged store may refuse: the caller then keeps its WAL file as it is.
  withConnection(storeFile, { nativeBinding, readonly: false }, (db) => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    return SOUND;
  });
}
