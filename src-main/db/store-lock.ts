import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { STORE_FILE_NAME } from './open-store';

/** Beside the store: `portfolio.sqlite.lock`, holding `{ pid, startedAt }` of the process using it. */
export const STORE_LOCK_FILE_NAME = `${STORE_FILE_NAME}.lock`;

export interface StoreLockHolder {
  pid: number;
  startedAt: string;
}

export function storeLockFile(dataDir: string): string {
  return join(dataDir, STORE_LOCK_FILE_NAME);
}

/** Whether a process with this id exists. EPERM means it exists but belongs to another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process wrote, so a lock naming our own pid but written by an earlier process
 * that had the same id (common in containers after a restart) is recognised as stale. */
const locksHeldHere = new Map<string, string>();

function readLock(file: string): StoreLockHolder | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null; // missing or garbled: nobody can be shown to hold it
  }
  const { pid, startedAt } = (parsed ?? {}) as Partial<StoreLockHolder>;
  // pid 0 or negative would make process.kill signal a whole process group: never a holder.
  if (!Number.isSafeInteger(pid) || (pid as number) <= 0 || typeof startedAt !== 'string') return null;
  return { pid: pid as number, startedAt };
}

function isLive(file: string, holder: StoreLockHolder): boolean {
  if (holder.pid === process.pid) return locksHeldHere.get(file) === holder.startedAt;
  return isProcessAlive(holder.pid);
}

/** The process holding the store's lock, or null when there is no lock or its process is gone. */
export function storeLockHolder(dataDir: string): StoreLockHolder | null {
  const file = storeLockFile(dataDir);
  const holder = readLock(file);
  return holder && isLive(file, holder) ? holder : null;
}

export class StoreInUseError extends ServiceError {
  constructor(
    readonly holder: StoreLockHolder,
    readonly lockFile: string,
  ) {
    super(
      'STORE_BUSY',
      `The store is in use by pid ${holder.pid} (since ${holder.startedAt}); quit CSM Workstation first. ` +
        `If no CSM Workstation is running, delete ${lockFile}.`,
    );
    this.name = 'StoreInUseError';
  }
}

/**
 * Publishes the lock with its whole content at once: a hard link either creates the name or fails
 * with EEXIST, so no other process ever reads a half-written lock and takes it for stale.
 */
function publishLock(file: string, content: string): void {
  const draft = `${file}.${process.pid}.draft`;
  writeFileSync(draft, content);
  try {
    linkSync(draft, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    // A file system without hard links (FAT): exclusive create, with a tiny half-written window.
    writeFileSync(file, content, { flag: 'wx' });
  } finally {
    rmSync(draft, { force: true });
  }
}

/** True when the lock is now ours, false when a lock file already exists. */
function tryPublish(file: string, mine: StoreLockHolder): boolean {
  try {
    publishLock(file, JSON.stringify(mine));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the store's lock for this process, replacing a stale one (its process is gone). Throws
 * StoreInUseError while another live process holds it. Returns the release function, which removes
 * the lock only while it is still ours.
 */
export function acquireStoreLock(dataDir: string, now: Date = new Date()): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = storeLockFile(dataDir);
  const mine: StoreLockHolder = { pid: process.pid, startedAt: now.toISOString() };
  // Two tries: the second follows removing a stale lock; losing that race to another starter
  // makes the winner a live holder, reported like any other.
  for (let attempt = 0; attempt < 2 && !tryPublish(file, mine); attempt++) {
    const holder = readLock(file);
    if (holder && isLive(file, holder)) throw new StoreInUseError(holder, file);
    if (attempt === 1) throw new Error(`Could not take the store lock ${file}: it is replaced as fast as it is removed`);
    rmSync(file, { force: true });
  }
  locksHeldHere.set(file, mine.startedAt);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    locksHeldHere.delete(file);
    const holder = readLock(file);
    if (holder?.pid === mine.pid && holder.startedAt === mine.startedAt) rmSync(file, { force: true });
  };
}
