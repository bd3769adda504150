import { constants, existsSync, linkSync, mkdirSync, renameSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { backupNameSchema, type BackupInfo } from '../../src-shared/ipc/app-status';
import {
  SQLITE_COMPANION_SUFFIXES,
  checkStoreFile,
  checkpointLeftoverWal,
  errorNamingFile,
  fsyncDir,
  fsyncFile,
  removeAbandonedTempFiles,
  removeWithCompanions,
  tempFileName,
} from './backup-files';
import { BackupError, backupsDir, freeTimestampedName, listBackups } from './backups';
import { STORE_FILE_NAME } from './open-store';
import { StoreInUseError, storeLockFile, storeLockHolder } from './store-lock';

/** Where a restore moves the store it replaces: `<dataDir>/replaced/portfolio-<restore time>.sqlite[-wal|-shm]`. */
export const REPLACED_DIR_NAME = 'replaced';

export interface RestoreOptions {
  /** The better-sqlite3 addon the app runs with (Electron's ABI), to open files for checking. */
  nativeBinding?: string;
  /** What the restore is doing now, for a console or a status line. */
  onProgress?: (message: string) => void;
}

export interface RestoreResult {
  restored: BackupInfo;
  storeFile: string;
  /** The previous store's files, now in replaced/ (none when there was no store). */
  replacedFiles: string[];
}

/** A second name for the store file in replaced/, leaving it in place: a hard link, or a synced copy
 * where the file system has none. */
async function keepSecondName(from: string, to: string): Promise<void> {
  try {
    linkSync(from, to);
  } catch {
    await copyFile(from, to, constants.COPYFILE_EXCL);
    fsyncFile(to);
  }
}

/**
 * Keeps the current store in replaced/ and clears the way for the restored one. The main file gets
 * a second name there but stays in place until the restored file is renamed over it; its companions
 * move now, because a leftover -wal or -journal beside the restored file would be replayed into it.
 */
async function setAsideCurrentStore(dataDir: string, now: Date): Promise<string[]> {
  const storeFile = join(dataDir, STORE_FILE_NAME);
  const present = ['', ...SQLITE_COMPANION_SUFFIXES].filter((suffix) => existsSync(`${storeFile}${suffix}`));
  if (!present.length) return [];
  const replacedDir = join(dataDir, REPLACED_DIR_NAME);
  mkdirSync(replacedDir, { recursive: true });
  const base = freeTimestampedName(replacedDir, now, ['', ...SQLITE_COMPANION_SUFFIXES]);
  const kept: string[] = [];
  for (const suffix of present) {
    const target = join(replacedDir, `${base}${suffix}`);
    if (suffix === '') await keepSecondName(storeFile, target);
    else renameSync(`${storeFile}${suffix}`, target);
    kept.push(target);
  }
  fsyncDir(replacedDir);
  fsyncDir(dataDir);
  return kept;
}

/**
 * Puts a backup in place of the store. The store must be closed (the caller's job); a restore under
 * another live process holding the store lock is refused. The backup is checked first, so a damaged
 * one is refused before anything changes. Nothing stored is deleted: the current store (missing,
 * empty or damaged alike) is kept in replaced/. The restored copy is synced under a temp name and
 * renamed over the store in one step, so a restore interrupted at any point leaves either the old
 * store or the restored one in place.
 */
export async function restoreBackup(dataDir: string, name: string, now: Date, options: RestoreOptions = {}): Promise<RestoreResult> {
  const backupFile = join(backupsDir(dataDir), name);
  if (!backupNameSchema.safeParse(name).success) {
    throw new BackupError('VALIDATION', `"${name}" is not a backup name (portfolio-YYYYMMDDTHHMMSSmmmZ.sqlite, as listed)`, backupFile, 'name');
  }
  const restored = listBackups(dataDir).find((backup) => backup.name === name);
  if (!restored) throw new BackupError('NOT_FOUND', `There is no backup ${name} in ${backupsDir(dataDir)}`, backupFile, 'name');
  const holder = storeLockHolder(dataDir);
  if (holder && holder.pid !== process.pid) throw new StoreInUseError(holder, storeLockFile(dataDir));

  options.onProgress?.(`Checking ${backupFile}`);
  const check = checkStoreFile(backupFile, options.nativeBinding);
  if (!check.ok) {
    throw new BackupError(
      'VALIDATION',
      `The backup ${backupFile} is damaged (${check.detail}); it was not restored and the current store was left as it was.`,
      backupFile,
      'name',
    );
  }

  const storeFile = join(dataDir, STORE_FILE_NAME);
  removeAbandonedTempFiles(dataDir);
  const temp = join(dataDir, tempFileName(STORE_FILE_NAME));
  try {
    options.onProgress?.(`Copying ${(restored.bytes / 1024 / 1024).toFixed(1)} MiB into ${dataDir}`);
    try {
      await copyFile(backupFile, temp, constants.COPYFILE_EXCL);
      fsyncFile(temp);
    } catch (error) {
      throw errorNamingFile(error, `Copying ${backupFile} into ${temp} failed; the current store was left as it was`);
    }
    checkpointLeftoverWal(storeFile, options.nativeBinding);
    const replacedFiles = await setAsideCurrentStore(dataDir, now);
    renameSync(temp, storeFile);
    fsyncDir(dataDir);
    return { restored, storeFile, replacedFiles };
  } finally {
    // Only left when something failed before the rename; the store in place is then the old one.
    removeWithCompanions(temp);
  }
}
