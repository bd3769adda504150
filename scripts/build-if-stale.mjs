import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['src-main', 'src-renderer', 'src-shared'];
const SOURCE_FILES = ['electron.vite.config.ts', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** Runs `electron-vite build` when out/ is missing or older than any source file. */
export function buildIfStale(root) {
  const marker = join(root, 'out', 'main', 'web-shell.js');
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => join(root, p)).filter(existsSync);
  const newestSource = Math.max(...sources.map(newestMtime));
  if (existsSync(marker) && statSync(marker).mtimeMs >= newestSource && existsSync(join(root, 'out', 'renderer', 'index.html'))) return;
  process.stderr.write('Building the app (electron-vite build)…\n');
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  // Build logs go to stderr: stdout of start:web carries only the URL.
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n');
    process.exit(result.status ?? 1);
  }
}
