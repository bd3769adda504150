import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENTS, isIpcOperation } from '../../src-shared/ipc/operation-names';

// Only contract names cross the bridge; main validates every payload again.
contextBridge.exposeInMainWorld('csm', {
  invoke: (operation: string, payload: unknown) => {
    if (!isIpcOperation(operation)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation "${operation}"` } });
    }
    return ipcRenderer.invoke('csm:invoke', operation, payload);
  },
  on: (event: string, listener: (data: unknown) => void) => {
    if (!(IPC_EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event "${event}"`);
    const wrapped = (_: IpcRendererEvent, data: unknown): void => listener(data);
    ipcRenderer.on(`csm:event:${event}`, wrapped);
    return () => ipcRenderer.removeListener(`csm:event:${event}`, wrapped);
  },
});
