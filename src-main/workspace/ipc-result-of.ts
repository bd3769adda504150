import { ServiceError, serviceErrorToIpc, type IpcResult } from '../../src-shared/ipc/ipc-error';
import { StoreProblemError } from '../db/open-store';

/**
 * Runs an operation and turns whatever it throws into the IPC error shape: a store problem or a
 * service refusal as itself, anything else as INTERNAL (its stack to `report`, not to the window).
 */
export async function ipcResultOf(name: string, work: () => Promise<unknown>, report?: (message: string) => void): Promise<IpcResult<unknown>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof StoreProblemError) {
      return { ok: false, error: { code: error.problem.code, message: error.message } };
    }
    if (error instanceof ServiceError) return { ok: false, error: serviceErrorToIpc(error) };
    report?.(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { ok: false, error: { code: 'INTERNAL', message: `${name} failed unexpectedly; nothing was changed` } };
  }
}
