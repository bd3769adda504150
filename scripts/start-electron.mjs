// `npm start`: rebuilds better-sqlite3 for Electron's ABI into .electron-native/ (leaving the Node
// build in node_modules for the tests), builds the app and opens the desktop window.
import { spawn, spawnSync } from 'node:child_process';
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

function startWebShellInstead(reason) {
  console.error(`${reason}\nStarting the web shell instead (same app in your browser; open the URL below).`);
  const web = spawn(process.execPath, [join(root, 'scripts', 'start-web.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code) => process.exit(code ?? 0));
}

let electron = electronBinary();
if (!electron || !existsSync(electron)) {
  // Installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1: fetch the runtime now with Electron's own
  // installer; machines that cannot reach its release host get the web shell.
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  console.error('Fetching the Electron runtime…');
  const install = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: 300_000,
  });
  if (install.status !== 0) {
    // One line of why, not the installer's stack trace.
    const why = String(install.stderr ?? '').split('\n').find((line) => /Error|ENOTFOUND|EAI_AGAIN|ECONN/.test(line));
    console.error(`Electron's installer failed${why ? `: ${why.trim()}` : ''}`);
  }
  electron = install.status === 0 ? electronBinary() : null;
}
if (!electron || !existsSync(electron)) {
  startWebShellInstead('The Electron runtime is not available on this machine (its download host is unreachable).');
} else {
  await startDesktop(electron);
}

async function startDesktop(electron) {
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
}
