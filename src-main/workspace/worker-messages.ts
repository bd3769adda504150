import type { AppStatus } from '../../src-shared/ipc/app-status';
import type { IpcResult } from '../../src-shared/ipc/ipc-error';
import type { WorkspaceEvent } from './workspace';

/** What the store worker is started with (plain data: it crosses the thread boundary). */
export interface StoreWorkerData {
  dataDir: string;
  nativeBinding?: string;
  startInDemo?: boolean;
  demoAccounts?: number;
  validateResponses?: boolean;
  backupIntervalMs?: number;
}

export type ToWorker = { type: 'invoke'; id: number; operation: unknown; payload: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; status: AppStatus }
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; event: WorkspaceEvent }
  | { type: 'progress'; message: string }
  | { type: 'fatal'; message: string }
  | { type: 'closed' };
