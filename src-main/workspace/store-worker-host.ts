import { Worker } from 'node:worker_threads';
import type { AppStatus } from '../../src-shared/ipc/app-status';
import type { IpcResult } from '../../src-shared/ipc/ipc-error';
import { FileSecretStore, type SecretStore } from '../session/secret-store';
import type { FromWorker, SecretRequest, StoreWorkerData, ToWorker } from './worker-messages';
import type { WorkspaceEvent } from './workspace';

export interface StoreWorkerOptions extends StoreWorkerData {
  /** The worker's entry: the built store-worker.js beside the app's entry (tests start it from source). */
  workerFile: string;
  onProgress?: (message: string) => void;
  /** Keeps sign-in tokens for the worker: Electron's safeStorage in the app, a 0600 file otherwise. */
  secrets?: SecretStore;
}

export interface StoreWorker {
  /** What was opened at start (or what is wrong with the store). */
  ready: Promise<AppStatus>;
  /** One contract operation, answered by the worker; never rejects. */
  invoke: (operation: unknown, payload: unknown) => Promise<IpcResult<unknown>>;
  onEvent: (listener: (event: WorkspaceEvent) => void) => () => void;
  close: () => Promise<void>;
}

const STOPPED: IpcResult<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The local store stopped while answering; nothing more was changed. Try again.' },
};
/** A worker that keeps dying is not restarted for ever: the app reports it instead. */
const MAX_RESTARTS = 3;

/**
 * Runs the store in a worker thread and carries requests, answers and pushes to it; shared by the
 * Electron main process and the web shell. A worker that dies is started again on the next request.
 */
export function startStoreWorker(options: StoreWorkerOptions): StoreWorker {
  const { workerFile, onProgress, secrets = new FileSecretStore(), ...data } = options;
  const listeners = new Set<(event: WorkspaceEvent) => void>();
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const emit = (event: WorkspaceEvent): void => listeners.forEach((listener) => listener(event));
  let nextId = 1;
  let restarts = 0;
  let closing = false;
  let fatal: string | null = null;
  /** The book the windows last heard of: a restarted worker opens the same one and says so. */
  let lastStatus: AppStatus | null = null;
  let worker: Worker;
  let exited: Promise<void> = Promise.resolve();
  let alive = false;
  let settleReady: ((status: AppStatus | Error) => void) | null = null;
  const ready = new Promise<AppStatus>((resolve, reject) => {
    settleReady = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
  });
  // Nobody may await `ready` (Electron does not): a start that failed is reported, not thrown.
  ready.catch(() => undefined);

  function spawn(restarted: boolean): void {
    fatal = null;
    alive = true;
    const startInDemo = restarted ? lastStatus?.workspace === 'demo' : data.startInDemo;
    worker = new Worker(workerFile, { workerData: { ...data, startInDemo, entryFile: workerFile } satisfies StoreWorkerData });
    exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          lastStatus = message.status;
          settleReady?.(message.status);
          settleReady = null;
          if (restarted) emit({ name: 'app.status', data: message.status });
          return;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          return;
        case 'event':
          if (message.event.name === 'app.status') lastStatus = message.event.data;
          return emit(message.event);
        case 'progress':
          return onProgress?.(message.message);
        case 'fatal':
          fatal = message.message;
          onProgress?.(`The local store did not start: ${message.message}`);
          settleReady?.(new Error(message.message));
          settleReady = null;
          return;
        case 'secret':
          return void answerSecret(worker, message);
        case 'closed':
          return;
      }
    });
    worker.on('error', (error) => onProgress?.(`The store worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      alive = false;
      for (const answer of pending.values()) answer(STOPPED);
      pending.clear();
      // A worker that could not even load (a missing file, a syntax error) never said ready.
      settleReady?.(new Error(`The store worker stopped before it was ready (exit code ${code})`));
      settleReady = null;
    });
  }

  /** Runs the worker's SecretStore request here and answers it; the secret itself is never logged. */
  async function answerSecret(target: Worker, request: SecretRequest): Promise<void> {
    let answer: ToWorker;
    try {
      const value = request.op === 'read' ? await secrets.read(request.dir) : null;
      if (request.op === 'write') await secrets.write(request.dir, request.value);
      if (request.op === 'remove') await secrets.remove(request.dir);
      answer = { type: 'secret-answer', id: request.id, ok: true, value };
    } catch (error) {
      answer = { type: 'secret-answer', id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    target.postMessage(answer);
  }

  spawn(false);

  return {
    ready,
    invoke(operation, payload) {
      if (closing) return Promise.resolve(STOPPED);
      if (fatal) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `The local store did not start: ${fatal}` } });
      if (!alive) {
        if (restarts >= MAX_RESTARTS) return Promise.resolve(STOPPED);
        restarts += 1;
        spawn(true);
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: 'invoke', id, operation, payload } satisfies ToWorker);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closing) return;
      closing = true;
      if (!alive) return;
      worker.postMessage({ type: 'close' } satisfies ToWorker);
      // A worker stuck in a long statement is ended after a grace period rather than holding the quit.
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
