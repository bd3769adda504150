// The worker thread that owns the store: every database operation (and, later, sync) runs here, so
// a slow one never freezes a window or delays another request's transport (DESIGN §1).
import { parentPort, Worker, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import type { BackupInfo } from '../../src-shared/ipc/app-status';
import { createBackup } from '../db/backups';
import { quickCheck } from '../db/open-store';
import { storeProblemOf } from '../db/store-errors';
import type { SecretStore } from '../session/secret-store';
import type { BackupTaskData, BackupTaskResult, FromWorker, FullCheckData, StoreWorkerData, ToWorker } from './worker-messages';
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
    // Only SQLite's word that the file is damaged counts as a finding; anything else is not a verdict.
    const damaged = storeProblemOf(error) === 'STORE_CORRUPT';
    port?.postMessage(damaged ? [error instanceof Error ? error.message : String(error)] : []);
  } finally {
    db.close();
  }
}

/** The whole-file check in another thread; resolves with its findings. */
function fullCheckInThread(entryFile: string, nativeBinding: string | undefined) {
  return (file: string): Promise<string[]> =>
    // A check that could not run says nothing about the store: never close a book on that.
    inThread<string[]>(entryFile, { task: 'full-check', file, ...(nativeBinding ? { nativeBinding } : {}) }, (why) => {
      post({ type: 'progress', message: `The background integrity check did not run: ${why}` });
      return [];
    });
}

/** A backup through a connection of this thread's own: the copy and its quick_check never stall the store worker. */
async function runBackup(data: BackupTaskData): Promise<void> {
  const binding = data.nativeBinding ? { nativeBinding: data.nativeBinding } : {};
  const db = new BetterSqlite3(data.file, { fileMustExist: true, ...binding });
  try {
    const backup = await createBackup(db, data.dataDir, new Date(data.at), binding);
    port?.postMessage({ ok: true, backup } satisfies BackupTaskResult);
  } catch (error) {
    const known = error instanceof ServiceError;
    port?.postMessage({
      ok: false,
      // A full disk or a lock keeps its own code, so the user is told what to do about it.
      code: known ? error.code : (storeProblemOf(error) ?? 'INTERNAL'),
      message: error instanceof Error ? error.message : String(error),
      ...(known && error.field ? { field: error.field } : {}),
    } satisfies BackupTaskResult);
  } finally {
    db.close();
  }
}

/** Runs one task in another thread started from this same entry, and resolves with its one answer. */
function inThread<T>(entryFile: string, task: FullCheckData | BackupTaskData, failed: (why: string) => T): Promise<T> {
  return new Promise((resolve) => {
    const thread = new Worker(entryFile, { workerData: task });
    thread.once('message', (answer: T) => resolve(answer));
    thread.once('error', (error) => resolve(failed(error.message)));
    thread.once('exit', () => resolve(failed('the thread stopped without an answer')));
  });
}

/** The workspace's backups, each made in a thread of its own. */
function backupInThread(entryFile: string, nativeBinding: string | undefined) {
  return async (file: string, dataDir: string, at: Date): Promise<BackupInfo> => {
    const task: BackupTaskData = { task: 'backup', file, dataDir, at: at.toISOString(), ...(nativeBinding ? { nativeBinding } : {}) };
    const answer = await inThread<BackupTaskResult>(entryFile, task, (why) => ({ ok: false, code: 'INTERNAL', message: `The backup failed: ${why}` }));
    if (!answer.ok) throw new ServiceError(answer.code, answer.message, answer.field);
    return answer.backup;
  };
}

const task = (workerData as { task?: string }).task;
if (task === 'full-check') runFullCheck(workerData as FullCheckData);
else if (task === 'backup') void runBackup(workerData as BackupTaskData);
else serveStore(workerData as StoreWorkerData);

/** The host's SecretStore, reached by messages: tokens are kept where the host can keep them safely. */
function secretsOfHost(): { store: SecretStore; answer: (message: Extract<ToWorker, { type: 'secret-answer' }>) => void } {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: string | null) => void; reject: (error: Error) => void }>();
  type Request = Extract<FromWorker, { type: 'secret' }>;
  const ask = (request: Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never): Promise<string | null> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      post({ ...request, id } as FromWorker);
    });
  return {
    store: {
      read: (dir) => ask({ type: 'secret', op: 'read', dir }),
      write: async (dir, value) => void (await ask({ type: 'secret', op: 'write', dir, value })),
      remove: async (dir) => void (await ask({ type: 'secret', op: 'remove', dir })),
    },
    answer: (message) => {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(new Error(message.message));
    },
  };
}

function serveStore(data: StoreWorkerData): void {
  let workspace: Workspace | null = null;
  const secrets = secretsOfHost();
  try {
    workspace = new Workspace({
      ...data,
      secrets: secrets.store,
      ...(data.entryFile
        ? { fullCheck: fullCheckInThread(data.entryFile, data.nativeBinding), makeBackup: backupInThread(data.entryFile, data.nativeBinding) }
        : {}),
      onEvent: (event) => post({ type: 'event', event }),
      onProgress: (message) => post({ type: 'progress', message }),
    });
    post({ type: 'ready', status: workspace.start() });
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  }

  port?.on('message', (message: ToWorker) => {
    if (message.type === 'secret-answer') return secrets.answer(message);
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
