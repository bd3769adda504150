import type { AppStatus, BackupInfo } from '../../src-shared/ipc/app-status';
import type { IpcErrorCode, IpcResult } from '../../src-shared/ipc/ipc-error';
import type { WorkspaceEvent } from './workspace';

/** What the store worker is started with (plain data: it crosses the thread boundary). */
export interface StoreWorkerData {
  dataDir: string;
  nativeBinding?: string;
  startInDemo?: boolean;
  demoAccounts?: number;
  validateResponses?: boolean;
  backupIntervalMs?: number;
  checkBudgetMs?: number;
  /** The file this worker was started from; the background integrity check runs in another copy of it. */
  entryFile?: string;
}

/** workerData of the short-lived thread that runs a whole quick_check on its own read-only connection. */
export interface FullCheckData {
  task: 'full-check';
  file: string;
  nativeBinding?: string;
}

/** workerData of the short-lived thread that backs the store up through a connection of its own. */
export interface BackupTaskData {
  task: 'backup';
  file: string;
  dataDir: string;
  /** ISO time the backup is named after. */
  at: string;
  nativeBinding?: string;
}

/** What a backup thread answers: the backup made, or the error with its stable code. */
export type BackupTaskResult = { ok: true; backup: BackupInfo } | { ok: false; code: IpcErrorCode; message: string; field?: string };

/** What the worker asks of its host's SecretStore (Electron's safeStorage lives only in the main process). */
export type SecretRequest = { type: 'secret'; id: number; op: 'read' | 'remove'; dir: string } | { type: 'secret'; id: number; op: 'write'; dir: string; value: string };

export type ToWorker =
  | { type: 'invoke'; id: number; operation: unknown; payload: unknown }
  | { type: 'secret-answer'; id: number; ok: true; value: string | null }
  | { type: 'secret-answer'; id: number; ok: false; message: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; status: AppStatus }
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; event: WorkspaceEvent }
  | { type: 'progress'; message: string }
  | SecretRequest
  | { type: 'fatal'; message: string }
  | { type: 'closed' };
