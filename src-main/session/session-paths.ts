import { join } from 'node:path';

/** Where the signed-in books live: `<dataDir>/servers/<server key>/<user id>/`. */
export const SERVERS_DIR_NAME = 'servers';

/**
 * A folder name for a server: its host and port (`sync.example.com_443`, `127.0.0.1_8787`), lower
 * case, anything but letters, digits, dots and dashes turned into `_`. The scheme and any path prefix
 * are left out: one host and port is one server.
 */
export function serverKeyOf(serverUrl: string): string {
  const url = new URL(serverUrl);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}_${port}`.toLowerCase().replace(/[^a-z0-9.-]/g, '_');
}

/**
 * The folder of one user's synced book on one server: its store, lock, backups and token. The user
 * id comes from the server; anything that could climb out of the folder is refused.
 */
export function sessionDirOf(dataDir: string, serverUrl: string, userId: string): string {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(userId)) throw new Error(`The server answered with an unusable user id "${userId.slice(0, 100)}"`);
  return join(dataDir, SERVERS_DIR_NAME, serverKeyOf(serverUrl), userId);
}
