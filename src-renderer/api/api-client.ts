import type { IpcOperation, IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import type { AppStatus } from '../../src-shared/ipc/app-status';
import type { DataChangedEvent } from '../../src-shared/ipc/operation-names';
import type { SyncStatus } from '../../src-shared/ipc/sync-status';
import { createTransport, type Transport } from './transport';

/** A failed operation, carrying the structured error main returned. */
export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

let transport: Transport | null = null;

/**
 * Connects to main before the first render: the web shell's token arrives in the address's
 * fragment, which the transport reads and clears before the hash router takes the fragment over.
 */
export function connectToMain(): void {
  transport ??= createTransport();
}

/** Calls one contract operation; the single typed door from the UI to the services. */
export async function invoke<Op extends IpcOperation>(operation: Op, payload: IpcRequest<Op>): Promise<IpcResponse<Op>> {
  transport ??= createTransport();
  const result = await transport.invoke(operation, payload);
  if (!result.ok) throw new ApiError(result.error);
  return result.data as IpcResponse<Op>;
}

/** Subscribes to main's `data.changed` push (another window or tab changed stored data). */
export function onDataChanged(listener: (event: DataChangedEvent) => void): () => void {
  transport ??= createTransport();
  return transport.on('data.changed', (data) => listener(data as DataChangedEvent));
}

/** Subscribes to main's `app.status` push (the open book changed: demo opened, backup restored, store damaged). */
export function onAppStatus(listener: (status: AppStatus) => void): () => void {
  transport ??= createTransport();
  return transport.on('app.status', (data) => listener(data as AppStatus));
}

/** Subscribes to main's `sync.status` push (a sync round started or ended, a change is pending, signed in or out). */
export function onSyncStatus(listener: (status: SyncStatus) => void): () => void {
  transport ??= createTransport();
  return transport.on('sync.status', (data) => listener(data as SyncStatus));
}

/** The structured error behind anything an API call threw (a transport failure counts as INTERNAL). */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof ApiError) return error.error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
