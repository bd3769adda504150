// `npm run start:web -- [--port P] [--data-dir D] [--demo]`: builds when needed, then serves the
// app on 127.0.0.1 for a browser (the same services as the desktop app; only the transport differs).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
buildIfStale(root);
const child = spawn(process.execPath, [join(root, 'out', 'main', 'web-shell.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
