import { create } from 'zustand';
import type { AppStatus, BackupInfo } from '../../src-shared/ipc/app-status';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import { invoke, onAppStatus, toIpcError } from '../api/api-client';

export interface AppStatusState {
  /** Which book is open, or what is wrong with the store; null until main first answered. */
  status: AppStatus | null;
  error: IpcError | null;
  /** An action on the workspace (open the demo, restore, back up) is running. */
  busy: boolean;
  backups: BackupInfo[];
  backupsError: IpcError | null;
  load: () => Promise<void>;
  openDemo: () => Promise<void>;
  reopen: () => Promise<void>;
  loadBackups: () => Promise<void>;
  createBackup: () => Promise<void>;
  restore: (name: string) => Promise<void>;
}

/** Runs one workspace action that answers with the new status, keeping `busy` and `error` right. */
async function statusAction(set: (partial: Partial<AppStatusState>) => void, run: () => Promise<AppStatus>): Promise<void> {
  set({ busy: true, error: null });
  try {
    set({ status: await run() });
  } catch (error) {
    set({ error: toIpcError(error) });
  } finally {
    set({ busy: false });
  }
}

export const useAppStatusStore = create<AppStatusState>((set, get) => ({
  status: null,
  error: null,
  busy: false,
  backups: [],
  backupsError: null,
  load: () => statusAction(set, () => invoke('app.status', {})),
  openDemo: () => statusAction(set, () => invoke('app.openDemo', {})),
  reopen: () => statusAction(set, () => invoke('app.reopen', {})),
  loadBackups: async () => {
    try {
      set({ backups: (await invoke('backups.list', {})).backups, backupsError: null });
    } catch (error) {
      set({ backupsError: toIpcError(error) });
    }
  },
  createBackup: async () => {
    set({ busy: true, backupsError: null });
    try {
      await invoke('backups.create', {});
      await get().loadBackups();
    } catch (error) {
      set({ backupsError: toIpcError(error) });
    } finally {
      set({ busy: false });
    }
  },
  restore: async (name) => {
    await statusAction(set, () => invoke('backups.restore', { name }));
    await get().loadBackups();
  },
}));

/** Keeps the store in step with main's pushes (another window restored a backup, damage found). */
export function followAppStatus(): () => void {
  return onAppStatus((status) => useAppStatusStore.setState({ status }));
}
