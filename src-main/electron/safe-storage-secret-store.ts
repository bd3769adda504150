import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { FileSecretStore, tokenFileOf, writePrivateFile, type SecretStore } from '../session/secret-store';

/** `<session dir>/token.safe`: the token encrypted by the OS keychain (Electron safeStorage). */
const ENCRYPTED_TOKEN_FILE_NAME = 'token.safe';

/**
 * The desktop app's token store (DESIGN §3 Auth): encrypted with a key the OS keychain holds, so a
 * copied data folder does not carry a usable token. Where the OS offers no keychain (a Linux desktop
 * without a secret service) it falls back to the web shell's 0600 file and says so.
 */
export class SafeStorageSecretStore implements SecretStore {
  private readonly fallback = new FileSecretStore();

  constructor(private readonly report: (message: string) => void) {}

  async read(sessionDir: string): Promise<string | null> {
    if (!safeStorage.isEncryptionAvailable()) return this.fallback.read(sessionDir);
    try {
      return safeStorage.decryptString(readFileSync(join(sessionDir, ENCRYPTED_TOKEN_FILE_NAME)));
    } catch {
      // Not there, or encrypted under another OS account's key: the user signs in again.
      return this.fallback.read(sessionDir);
    }
  }

  async write(sessionDir: string, secret: string): Promise<void> {
    if (!safeStorage.isEncryptionAvailable()) {
      this.report('The OS keychain is not available; the sign-in token is kept in a file only you can read.');
      return this.fallback.write(sessionDir, secret);
    }
    mkdirSync(sessionDir, { recursive: true });
    writePrivateFile(join(sessionDir, ENCRYPTED_TOKEN_FILE_NAME), safeStorage.encryptString(secret));
    rmSync(tokenFileOf(sessionDir), { force: true });
  }

  async remove(sessionDir: string): Promise<void> {
    rmSync(join(sessionDir, ENCRYPTED_TOKEN_FILE_NAME), { force: true });
    await this.fallback.remove(sessionDir);
  }
}
