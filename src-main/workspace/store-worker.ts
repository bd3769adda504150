// The worker thread that owns the store: every database operation (and, later, sync) runs here, so
// a slow one never freezes a window or delays another request's transport (DESIGN §1).
import { parentPort, Worker, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { quickCheck } from '../db/open-store';
import type { FromWorker, FullCheckData, StoreWorkerData, ToWorker } from './worker-messages';
import { Workspace } from './workspace';

const port = parentPort;
if (!port) throw new Error('store-worker.ts runs only as a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);

/** The whole-file quick_check, on a read-only connection of its own, so the store worker keeps serving. */
function runFullCheck(data: FullCheckData): void {
  const db = new BetterSqlite3(data.file, { readonly: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
  try {
    port?.postMessage(quickCheck(db));
  } catch (error) {
    port?.postMessage([error instanceof Error ? error.message : String(error)]);
  } finally {
    db.close();
  }
}

/** Starts the whole-file check in another thread running this same entry; resolves with its findings. */
function fullCheckInThread(entryFile: string, nativeBinding: string | undefined) {
  return (file: string): Promise<string[]> =>
    new Promise((resolve) => {
      const checker = new Worker(entryFile, { workerData: { task: 'full-check', file, ...(nativeBinding ? { nativeBinding } : {}) } satisfies FullCheckData });
      checker.once('message', (findings: string[]) => resolve(findings));
      checker.once('error', (error) => resolve([`the check could not run: ${error.message}`]));
      checker.once('exit', () => resolve([]));
    });
}

if ((workerData as { task?: string }).task === 'full-check') runFullCheck(workerData as FullCheckData);
else serveStore(workerData as StoreWorkerData);

function serveStore(data: StoreWorkerData): void {
  let workspace: Workspace | null = null;
  try {
    workspace = new Workspace({
      ...data,
      ...(data.entryFile ? { fullCheck: fullCheckInThread(data.entryFile, data.nativeBinding) } : {}),
      onEvent: (event) => post({ type: 'event', event }),
      onProgress: (message) => post({ type: 'progress', message }),
    });
    post({ type: 'ready', status: workspace.start() });
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  }

  port?.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      workspace?.close();
      post({ type: 'closed' });
      port.close();
      return;
    }
    if (!workspace) {
      post({ type: 'result', id: message.id, result: { ok: false, error: { code: 'INTERNAL', message: 'The local store did not start' } } });
      return;
    }
    workspace
      .dispatch(message.operation, message.payload)
      .catch((error: unknown) => {
        post({ type: 'progress', message: `IPC failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
        return { ok: false as const, error: { code: 'INTERNAL' as const, message: 'The operation failed unexpectedly; nothing was changed' } };
      })
      .then((result) => post({ type: 'result', id: message.id, result }));
  });
}
