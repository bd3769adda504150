import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The better-sqlite3 addon rebuilt for Electron's ABI by `npm start` into .electron-native/, so
 * node_modules keeps the Node build the tests use (no ABI flip-flop between start and test).
 */
export function electronNativeBinding(appRoot: string, resourcesPath: string | undefined): string | undefined {
  const candidates = [
    join(appRoot, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    // Packaged builds: electron-builder rebuilds node_modules for Electron itself.
    ...(resourcesPath ? [join(resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')] : []),
  ];
  return candidates.find((file) => existsSync(file));
}
