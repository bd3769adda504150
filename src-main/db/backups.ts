import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { backupNameSchema, type BackupInfo } from '../../src-shared/ipc/app-status';
import { ServiceError, type IpcErrorCode } from '../../src-shared/ipc/ipc-error';
import { storeProblemOf } from './store-errors';
import {
  checkStoreFile,
  errorNamingFile,
  fsyncDir,
  fsyncFile,
  makeSelfContained,
  removeAbandonedTempFiles,
  removeWithCompanions,
  tempFileName,
} from './backup-files';

export const BACKUPS_DIR_NAME = 'backups';
export const DEFAULT_BACKUPS_KEPT = 7;
export const DEFAULT_BACKUP_INTERVAL_MS = 4 * 60 * 60 * 1000;
/** Pages copied per step of the online backup; between steps the event loop serves other work. */
const BACKUP_PAGES_PER_STEP = 256;

/** A backup that cannot be made, found or used; `file` is the file at fault. */
export class BackupError extends ServiceError {
  constructor(
    code: IpcErrorCode,
    message: string,
    readonly file: string,
    field?: string,
  ) {
    super(code, message, field);
    this.name = 'BackupError';
  }
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_DIR_NAME);
}

/** `portfolio-20261123T204500123Z.sqlite` for 2026-11-23T20:45:00.123Z (UTC, so names sort by time). */
export function backupNameFor(at: Date): string {
  return `portfolio-${at.toISOString().replace(/[-:.]/g, '')}.sqlite`;
}

const NAME_PARTS = /^portfolio-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.sqlite$/;

/** The time a backup name stands for, or null when it is not a real instant (month 13). */
export function backupCreatedAt(name: string): Date | null {
  if (!backupNameSchema.safeParse(name).success) return null;
  const [, y, mo, d, h, mi, s, ms] = NAME_PARTS.exec(name) ?? [];
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return !Number.isNaN(at.getTime()) && backupNameFor(at) === name ? at : null;
}

/**
 * The first free timestamped name in `dir` at or after `at` (a millisecond later per taken one),
 * checking the companions too so nothing already there is ever overwritten.
 */
export function freeTimestampedName(dir: string, at: Date, suffixes: readonly string[] = ['']): string {
  for (let ms = at.getTime(); ; ms++) {
    const name = backupNameFor(new Date(ms));
    if (!suffixes.some((suffix) => existsSync(join(dir, `${name}${suffix}`)))) return name;
  }
}

/** The backups in `<dataDir>/backups/`, newest first; files not named like a backup are left out. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw errorNamingFile(error, `Cannot list the backups in ${dir}`);
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const createdAt = backupCreatedAt(name);
    if (!createdAt) continue;
    const stats = statSync(join(dir, name), { throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    backups.push({ name, createdAt: createdAt.toISOString(), bytes: stats.size });
  }
  return backups.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Whether a backup is due: none yet, `intervalMs` passed since the last one, or the last one is
 * dated after `now` (the clock was set back; waiting for it to catch up could mean weeks without one).
 */
export function backupDue(lastBackupAt: Date | null, now: Date, intervalMs: number = DEFAULT_BACKUP_INTERVAL_MS): boolean {
  if (!lastBackupAt) return true;
  const elapsed = now.getTime() - lastBackupAt.getTime();
  return elapsed >= intervalMs || elapsed < 0;
}

function assertKeep(keep: number): void {
  if (!Number.isSafeInteger(keep) || keep < 1) throw new RangeError(`keep must be a whole number of 1 or more, got ${keep}`);
}

/**
 * Deletes all but the `keep` newest backups. `justMade` always stays and counts as one of them even
 * when its name is older than others (the clock was set back). Returns the names deleted; one that
 * cannot be deleted now is left for the next prune.
 */
export function pruneBackups(dataDir: string, keep: number, justMade: string): string[] {
  assertKeep(keep);
  const doomed = listBackups(dataDir).filter((backup) => backup.name !== justMade).slice(keep - 1);
  const deleted: string[] = [];
  for (const { name } of doomed) {
    try {
      rmSync(join(backupsDir(dataDir), name));
      deleted.push(name);
    } catch {
      // Open elsewhere (Windows) or permissions: harmless, one more backup than asked is kept.
    }
  }
  return deleted;
}

export interface CreateBackupOptions {
  /** How many backups to keep, the new one included (default 7). */
  keep?: number;
  /** The better-sqlite3 addon the app runs with (Electron's ABI), to open the copy for checking. */
  nativeBinding?: string;
  /** Fraction of pages copied so far, 0 to 1. */
  onProgress?: (fractionDone: number) => void;
}

/**
 * Backs up the open store into `<dataDir>/backups/` while the app keeps working: SQLite's online
 * backup copies it in steps into a temp file, which is made self-contained, checked (quick_check)
 * and synced before it is renamed to its final name, so a file with a backup's name is always a
 * complete, sound copy. Then prunes to `keep`. A copy that fails the check means the store itself
 * is damaged: it is deleted and no backup is pruned, so a damaged store never pushes out good ones.
 */
export async function createBackup(db: Database, dataDir: string, now: Date, options: CreateBackupOptions = {}): Promise<BackupInfo> {
  const keep = options.keep ?? DEFAULT_BACKUPS_KEPT;
  assertKeep(keep);
  const dir = backupsDir(dataDir);
  const storeFile = db.name;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw errorNamingFile(error, `Cannot create the backups folder ${dir}`);
  }
  removeAbandonedTempFiles(dir);
  const temp = join(dir, tempFileName(backupNameFor(now)));
  let name: string;
  try {
    try {
      await db.backup(temp, {
        progress: ({ totalPages, remainingPages }) => {
          options.onProgress?.(totalPages ? (totalPages - remainingPages) / totalPages : 1);
          return BACKUP_PAGES_PER_STEP;
        },
      });
    } catch (error) {
      throw errorNamingFile(error, `Backing up ${storeFile} into ${temp} failed`);
    }
    const prepared = makeSelfContained(temp, options.nativeBinding);
    if (!prepared.ok) throw errorNamingFile(prepared.error ?? prepared.detail, `Finishing the backup copy ${temp} of ${storeFile} failed`);
    const verdict = checkStoreFile(temp, options.nativeBinding);
    // Only quick_check's findings, or SQLite's own word, make the store damaged; a copy that could not
    // be opened (a lock, too many open files, a scanner holding it) is a failed backup, not a verdict.
    if (!verdict.ok && verdict.error !== undefined && storeProblemOf(verdict.error) !== 'STORE_CORRUPT') {
      throw errorNamingFile(verdict.error, `Checking the backup copy ${temp} of ${storeFile} failed`);
    }
    if (!verdict.ok) {
      throw new BackupError(
        'STORE_CORRUPT',
        `The store ${storeFile} is damaged (${verdict.detail}); no backup was made and the existing backups were kept. Restore one of them.`,
        storeFile,
      );
    }
    fsyncFile(temp);
    name = freeTimestampedName(dir, now);
    renameSync(temp, join(dir, name));
    fsyncDir(dir);
  } finally {
    // After the rename only SQLite's companions of the temp name could remain; none with a final name.
    removeWithCompanions(temp);
  }
  options.onProgress?.(1);
  pruneBackups(dataDir, keep, name);
  const bytes = statSync(join(dir, name)).size;
  return { name, createdAt: (backupCreatedAt(name) ?? now).toISOString(), bytes };
}
