import { Worker } from 'node:worker_threads';
import type { AppStatus } from '../../src-shared/ipc/app-status';
import type { IpcResult } from '../../src-shared/ipc/ipc-error';
import type { FromWorker, StoreWorkerData, ToWorker } from './worker-messages';
import type { WorkspaceEvent } from './workspace';

export interface StoreWorkerOptions extends StoreWorkerData {
  /** The worker's entry: the built store-worker.js beside the app's entry (tests start it from source). */
  workerFile: string | URL;
  onProgress?: (message: string) => void;
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
  const { workerFile, onProgress, ...data } = options;
  const listeners = new Set<(event: WorkspaceEvent) => void>();
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  let nextId = 1;
  let restarts = 0;
  let closing = false;
  let fatal: string | null = null;
  let worker: Worker;
  let resolveReady: (status: AppStatus) => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<AppStatus>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  function spawn(): void {
    fatal = null;
    worker = new Worker(workerFile, { workerData: { ...data, entryFile: String(workerFile instanceof URL ? workerFile.pathname : workerFile) } satisfies StoreWorkerData });
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          return resolveReady(message.status);
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          return;
        case 'event':
          return listeners.forEach((listener) => listener(message.event));
        case 'progress':
          return onProgress?.(message.message);
        case 'fatal':
          fatal = message.message;
          onProgress?.(`The local store did not start: ${message.message}`);
          return rejectReady(new Error(message.message));
        case 'closed':
          return;
      }
    });
    worker.on('error', (error) => onProgress?.(`The store worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', () => {
      for (const answer of pending.values()) answer(STOPPED);
      pending.clear();
      if (!closing) dead = true;
    });
  }

  let dead = false;
  spawn();

  return {
    ready,
    invoke(operation, payload) {
      if (closing) return Promise.resolve(STOPPED);
      if (fatal) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `The local store did not start: ${fatal}` } });
      if (dead) {
        if (restarts >= MAX_RESTARTS) return Promise.resolve(STOPPED);
        restarts += 1;
        dead = false;
        spawn();
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
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'close' } satisfies ToWorker);
      // A worker stuck in a long statement is ended after a grace period rather than holding the quit.
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
