// The worker thread that owns the store: every database operation (and, later, sync) runs here, so
// a slow one never freezes a window or delays another request's transport (DESIGN §1).
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, StoreWorkerData, ToWorker } from './worker-messages';
import { Workspace } from './workspace';

const port = parentPort;
if (!port) throw new Error('store-worker.ts runs only as a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);
const data = workerData as StoreWorkerData;

let workspace: Workspace | null = null;
try {
  workspace = new Workspace({
    ...data,
    onEvent: (event) => post({ type: 'event', event }),
    onProgress: (message) => post({ type: 'progress', message }),
  });
  post({ type: 'ready', status: workspace.start() });
} catch (error) {
  post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
}

port.on('message', (message: ToWorker) => {
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
