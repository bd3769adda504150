import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'CSM Workstation';

/**
 * Where the store lives without Electron: `CSM_DATA_DIR` when set, else the same folder Electron's
 * `app.getPath('userData')` uses, so the web shell and the desktop app share one book.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.CSM_DATA_DIR) return env.CSM_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
