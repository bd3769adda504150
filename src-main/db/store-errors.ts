import type { StoreProblemCode } from '../../src-shared/ipc/app-status';

/** SQLite's and the file system's error codes, grouped by what the user has to do about them. */
const CODE_PREFIXES: ReadonlyArray<[string, StoreProblemCode]> = [
  ['SQLITE_CORRUPT', 'STORE_CORRUPT'],
  ['SQLITE_NOTADB', 'STORE_CORRUPT'],
  ['SQLITE_READONLY', 'STORE_READONLY'],
  ['SQLITE_PERM', 'STORE_READONLY'],
  ['SQLITE_CANTOPEN', 'STORE_READONLY'],
  ['EACCES', 'STORE_READONLY'],
  ['EPERM', 'STORE_READONLY'],
  ['EROFS', 'STORE_READONLY'],
  ['SQLITE_FULL', 'STORE_FULL'],
  ['ENOSPC', 'STORE_FULL'],
  ['EDQUOT', 'STORE_FULL'],
  ['SQLITE_BUSY', 'STORE_BUSY'],
  ['SQLITE_LOCKED', 'STORE_BUSY'],
];

/** The store problem behind an error thrown by better-sqlite3 or node:fs, or null for anything else. */
export function storeProblemOf(error: unknown): StoreProblemCode | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return CODE_PREFIXES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? null;
}

const MESSAGES: Record<StoreProblemCode, string> = {
  STORE_CORRUPT: 'the store file is damaged; nothing more is written to it. Restore a backup.',
  STORE_READONLY: 'the store file cannot be written (permissions or a read-only disk); nothing was changed.',
  STORE_FULL: 'the disk is full; nothing was changed. Free some space and try again.',
  STORE_BUSY: 'another program holds the store locked; nothing was changed. Try again in a moment.',
  STORE_EMPTY_FILE: 'the store file is empty (0 bytes); it was not replaced. Restore a backup.',
  STORE_MISMATCH: 'the store was written by a different build of the app.',
};

/** The English message for a store problem (the UI shows its own translation by code). */
export function storeErrorMessage(code: StoreProblemCode): string {
  return MESSAGES[code];
}
