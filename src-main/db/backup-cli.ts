/**
 * `npm run backup -- <list | create | restore NAME | restore --latest> [--data-dir D]`
 * Lists, makes and restores the local backups of the store in D (default: the app's data folder).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Database } from 'better-sqlite3';
import { defaultDataDir } from '../app/data-dir';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { describeError } from './backup-files';
import { restoreBackup } from './backup-restore';
import { backupsDir, createBackup, listBackups } from './backups';
import { STORE_FILE_NAME, openStore } from './open-store';
import { acquireStoreLock } from './store-lock';

const USAGE = 'Usage: npm run backup -- <list | create | restore NAME | restore --latest> [--data-dir DIR]';

class UsageError extends Error {}
/** A failure already worded for the user: printed as one line, exit code 1. */
class CliFailure extends Error {}

/** `name: null` restores the newest backup (--latest). */
type BackupCommand = { kind: 'list' } | { kind: 'create' } | { kind: 'restore'; name: string | null };

export interface BackupCliOptions {
  command: BackupCommand;
  dataDir: string;
}

export function parseBackupArgs(argv: readonly string[], env: NodeJS.ProcessEnv): BackupCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        'data-dir': { type: 'string' },
        latest: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  // Same default as the app, so the CLI works on the book the app opens.
  const dataDir = values['data-dir'] ?? defaultDataDir(env);
  if (dataDir.trim() === '') throw new UsageError('--data-dir must not be empty');
  const [verb, ...rest] = positionals;
  const latest = values.latest ?? false;
  let command: BackupCommand;
  if ((verb === 'list' || verb === 'create') && !rest.length && !latest) {
    command = { kind: verb };
  } else if (verb === 'restore' && rest.length + (latest ? 1 : 0) === 1) {
    command = { kind: 'restore', name: latest ? null : (rest[0] as string) };
  } else if (verb === 'restore') {
    throw new UsageError('restore needs exactly one of a backup NAME (see `list`) or --latest');
  } else {
    throw new UsageError(verb ? `unknown command "${[verb, ...rest].join(' ')}"` : 'a command is needed');
  }
  return { command, dataDir: resolve(dataDir) };
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function listCommand(dataDir: string): void {
  const backups = listBackups(dataDir);
  if (!backups.length) {
    process.stdout.write(`No backups in ${backupsDir(dataDir)}\n`);
    return;
  }
  for (const backup of backups) process.stdout.write(`${backup.name}  ${backup.createdAt}  ${mib(backup.bytes)}\n`);
}

/** Percent lines on stderr: one line rewritten on a terminal, every tenth percent otherwise. */
function percentReporter(label: string): (fraction: number) => void {
  let shown = -1;
  const step = process.stderr.isTTY ? 1 : 10;
  return (fraction) => {
    const percent = Math.floor((fraction * 100) / step) * step;
    if (percent === shown) return;
    shown = percent;
    const line = `${label}: ${percent}%`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}${percent === 100 ? '\n' : ''}` : `${line}\n`);
  };
}

async function createCommand(dataDir: string): Promise<void> {
  const storeFile = join(dataDir, STORE_FILE_NAME);
  // openStore would create a fresh store here, and back up an empty book over the real ones.
  const size = statSync(storeFile, { throwIfNoEntry: false })?.size;
  if (size === undefined) throw new CliFailure(`there is no store at ${storeFile}; nothing to back up`);
  if (size === 0) throw new CliFailure(`the store ${storeFile} is empty (0 bytes); nothing to back up. Restore a backup instead`);
  let db: Database;
  try {
    db = openStore({ dataDir });
  } catch (error) {
    throw new CliFailure(`cannot open the store ${storeFile}: ${describeError(error)}`);
  }
  try {
    const backup = await createBackup(db, dataDir, new Date(), { onProgress: percentReporter('Backing up') });
    process.stdout.write(`Backup written: ${join(backupsDir(dataDir), backup.name)} (${mib(backup.bytes)})\n`);
  } finally {
    db.close();
  }
}

async function restoreCommand(dataDir: string, name: string | null): Promise<void> {
  const chosen = name ?? listBackups(dataDir)[0]?.name;
  if (!chosen) throw new CliFailure(`there are no backups in ${backupsDir(dataDir)}; nothing to restore`);
  // Held for the whole restore, so the app cannot start on a half-restored folder.
  const release = acquireStoreLock(dataDir);
  try {
    const result = await restoreBackup(dataDir, chosen, new Date(), { onProgress: (message) => process.stderr.write(`${message}\n`) });
    process.stdout.write(`Restored ${result.restored.name} (made ${result.restored.createdAt}) into ${result.storeFile}\n`);
    if (result.replacedFiles.length) process.stdout.write(`The previous store was kept as:\n${result.replacedFiles.map((f) => `  ${f}\n`).join('')}`);
  } finally {
    release();
  }
}

export async function runBackupCli(argv: readonly string[]): Promise<number> {
  let options: BackupCliOptions;
  try {
    options = parseBackupArgs(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`backup: ${error.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return error.message ? 2 : 0;
  }
  const { command, dataDir } = options;
  try {
    if (command.kind === 'list') listCommand(dataDir);
    else if (command.kind === 'create') await createCommand(dataDir);
    else await restoreCommand(dataDir, command.name);
    return 0;
  } catch (error) {
    // One line naming the problem; BackupError, StoreInUseError and file errors already name the file.
    const worded = error instanceof CliFailure || error instanceof ServiceError;
    process.stderr.write(`backup: ${worded ? error.message : describeError(error)}\n`);
    return 1;
  }
}

// Only when run as a script, so tests can import the parser without touching a store.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void runBackupCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
