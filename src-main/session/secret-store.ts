import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a signed-in book's device token is kept, by the folder of that book. Electron's safeStorage
 * exists only in the Electron main process, not in the store worker, so the worker asks its host
 * through this interface: encrypted by the OS keychain there, a 0600 file in the web shell and tests.
 */
export interface SecretStore {
  read(sessionDir: string): Promise<string | null>;
  write(sessionDir: string, secret: string): Promise<void>;
  remove(sessionDir: string): Promise<void>;
}

/** The plain token file of the web shell and tests: `<session dir>/token`, readable by its owner only. */
export const TOKEN_FILE_NAME = 'token';

export function tokenFileOf(sessionDir: string): string {
  return join(sessionDir, TOKEN_FILE_NAME);
}

/**
 * Writes a secret file readable by its owner only. The draft is created 0600 (and chmod-ed, in
 * case the umask or an existing draft widened it) before the secret goes in, then renamed into place.
 */
export function writePrivateFile(file: string, content: string | Buffer): void {
  const draft = `${file}.${process.pid}.draft`;
  rmSync(draft, { force: true });
  writeFileSync(draft, '', { mode: 0o600 });
  chmodSync(draft, 0o600);
  writeFileSync(draft, content);
  renameSync(draft, file);
}

/** The web shell's and the tests' secret store: a 0600 file beside the book it signs in. */
export class FileSecretStore implements SecretStore {
  async read(sessionDir: string): Promise<string | null> {
    try {
      return readFileSync(tokenFileOf(sessionDir), 'utf8').trim() || null;
    } catch {
      return null;
    }
  }

  async write(sessionDir: string, secret: string): Promise<void> {
    mkdirSync(sessionDir, { recursive: true });
    writePrivateFile(tokenFileOf(sessionDir), secret);
  }

  async remove(sessionDir: string): Promise<void> {
    rmSync(tokenFileOf(sessionDir), { force: true });
  }
}
