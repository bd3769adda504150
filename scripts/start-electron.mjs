// `npm start`: rebuilds better-sqlite3 for Electron's ABI into .electron-native/ (leaving the Node
// build in node_modules for the tests), builds the app and opens the desktop window.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (!electron || !existsSync(electron)) {
  console.error(
    'The Electron runtime is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or its download host is unreachable).\n' +
      'Run "npm run start:web" to use the app in a browser instead, or reinstall with network access to Electron releases.',
  );
  process.exit(1);
}

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const nativeRoot = join(root, '.electron-native');
const stampFile = join(nativeRoot, 'electron-version');
if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== electronVersion) {
  console.error(`Rebuilding better-sqlite3 for Electron ${electronVersion} into .electron-native/ …`);
  rmSync(nativeRoot, { recursive: true, force: true });
  mkdirSync(join(nativeRoot, 'node_modules'), { recursive: true });
  writeFileSync(join(nativeRoot, 'package.json'), JSON.stringify({ name: 'electron-native', private: true }));
  for (const dep of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
    const from = join(root, 'node_modules', dep);
    if (existsSync(from)) cpSync(from, join(nativeRoot, 'node_modules', dep), { recursive: true });
  }
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: nativeRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  writeFileSync(stampFile, electronVersion);
}

buildIfStale(root);
const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
