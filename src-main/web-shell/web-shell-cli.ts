import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openApp } from '../app/open-app';
import { defaultDataDir } from '../app/data-dir';
import { startWebShell } from './web-shell-server';

function fail(message: string): never {
  console.error(`start:web: ${message}`);
  process.exit(2);
}

/** `npm run start:web -- [--port P] [--data-dir D] [--demo] [--renderer-dir R]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-accounts': { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  const demoAccounts = values['demo-accounts'] === undefined ? 150 : Number(values['demo-accounts']);
  if (!Number.isInteger(demoAccounts) || demoAccounts < 1 || demoAccounts > 20000) {
    fail(`--demo-accounts must be a whole number from 1 to 20000, got "${values['demo-accounts']}"`);
  }
  // --demo keeps the demo book apart from a real one so trying the app never touches real notes.
  const baseDir = values['data-dir'] ?? defaultDataDir();
  const dataDir = resolve(values.demo && !values['data-dir'] ? join(baseDir, 'demo') : baseDir);
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = resolve(values['renderer-dir'] ?? join(here, '..', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) fail(`no built renderer in ${rendererDir}; run "npm run build" first`);

  const app = openApp({ dataDir, seedDemoWhenEmpty: true, demoAccounts, onProgress: (m) => console.error(m) });
  const shell = await startWebShell({ dispatch: app.dispatch, rendererDir, port, onDataChanged: app.onDataChanged });
  console.error(`CSM Workstation web shell: data in ${dataDir}`);
  // stdout carries only the URL so scripts and tests can read it.
  console.log(shell.url);
  const stop = (): void => {
    void shell.close().finally(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`start:web failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
