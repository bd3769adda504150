import type { IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import type { IpcError } from '../../src-shared/ipc/ipc-error';

/** The data of a dispatch that must succeed; its error, thrown, when it did not. */
export function ok<T>(result: ReturnType<IpcDispatch>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

/** The error of a dispatch that must fail. */
export function errorOf(result: ReturnType<IpcDispatch>): IpcError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data).slice(0, 200)}`);
  return result.error;
}
