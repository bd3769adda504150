import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src-main/app/data-dir';
import packageJson from '../../../package.json';

describe('where the store lives without Electron', () => {
  it('honours CSM_DATA_DIR first', () => {
    expect(defaultDataDir({ CSM_DATA_DIR: '/data/book' }, 'linux')).toBe('/data/book');
  });

  it("matches Electron's userData folder for the product name on each platform", () => {
    expect(packageJson.productName).toBe('CSM Workstation');
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'CSM Workstation'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'CSM Workstation'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'CSM Workstation'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\ana\\AppData\\Roaming', 'CSM Workstation'));
  });
});
