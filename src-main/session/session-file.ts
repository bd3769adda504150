import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { syncUserSchema, type SyncStatus } from '../../src-shared/ipc/sync-status';

/** `<dataDir>/session.json`: which server and user the app starts into. Never holds the token. */
export const SESSION_FILE_NAME = 'session.json';

const rememberedSessionSchema = z.object({ serverUrl: z.string().url(), user: syncUserSchema });
export type RememberedSession = { serverUrl: string; user: NonNullable<SyncStatus['user']> };

export function sessionFileOf(dataDir: string): string {
  return join(dataDir, SESSION_FILE_NAME);
}

/**
 * The session remembered from the last sign-in, or null. A file that cannot be read or parsed is
 * reported and treated as signed out: the local book opens and the user signs in again.
 */
export function readSession(dataDir: string, report: (message: string) => void): RememberedSession | null {
  let text: string;
  try {
    text = readFileSync(sessionFileOf(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') report(`The remembered sign-in could not be read: ${String(error)}`);
    return null;
  }
  try {
    const parsed = rememberedSessionSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { serverUrl: parsed.data.serverUrl, user: parsed.data.user };
    report(`The remembered sign-in in ${sessionFileOf(dataDir)} is not valid; signed out.`);
  } catch {
    report(`The remembered sign-in in ${sessionFileOf(dataDir)} is not JSON; signed out.`);
  }
  return null;
}

/** Remembers the session, replacing the file in one step so a crash leaves the old one or the new. */
export function writeSession(dataDir: string, session: RememberedSession): void {
  mkdirSync(dataDir, { recursive: true });
  const file = sessionFileOf(dataDir);
  const draft = `${file}.${process.pid}.draft`;
  writeFileSync(draft, `${JSON.stringify({ serverUrl: session.serverUrl, user: session.user }, null, 2)}\n`);
  renameSync(draft, file);
}

export function forgetSession(dataDir: string): void {
  rmSync(sessionFileOf(dataDir), { force: true });
}
