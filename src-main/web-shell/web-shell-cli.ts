import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../app/data-dir';
import { startStoreWorker, type StoreWorker } from '../workspace/store-worker-host';
import { startWebShell, type PushEvent } from './web-shell-server';

const NOT_STARTED = { ok: false as const, error: { code: 'STORE_UNAVAILABLE' as const, message: 'The store is still starting' } };

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
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = resolve(values['renderer-dir'] ?? join(here, '..', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) fail(`no built renderer in ${rendererDir}; run "npm run build" first`);

  // The port first: a port already in use stops the start before any store is opened or written.
  let worker: StoreWorker | null = null;
  const tabs = new Set<(event: PushEvent) => void>();
  const shell = await startWebShell({
    dispatch: (operation, payload) => (worker ? worker.invoke(operation, payload) : Promise.resolve(NOT_STARTED)),
    rendererDir,
    port,
    onEvent: (listener) => {
      tabs.add(listener);
      return () => tabs.delete(listener);
    },
  }).catch((error: unknown) => fail(`cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`));
  // --demo opens the demo book, which lives in its own demo/ folder: trying the app never touches real notes.
  worker = startStoreWorker({
    workerFile: join(here, 'store-worker.js'),
    dataDir,
    startInDemo: values.demo ?? false,
    demoAccounts,
    onProgress: (m) => console.error(m),
  });
  worker.onEvent((event) => tabs.forEach((tab) => tab(event)));
  const status = await worker.ready.catch(() => null);
  console.error(`CSM Workstation web shell: data in ${dataDir}${status?.workspace === 'demo' ? ' (demo book)' : ''}`);
  // stdout carries only the URL so scripts and tests can read it.
  console.log(shell.url);
  const stop = (): void => {
    void shell
      .close()
      .then(() => worker?.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`start:web failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
