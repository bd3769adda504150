import { create } from 'zustand';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import type { SyncProblem, SyncStatus } from '../../src-shared/ipc/sync-status';
import { invoke, onSyncStatus, toIpcError } from '../api/api-client';

export type SyncAction = 'signIn' | 'signOut' | 'syncNow' | 'export';

export interface SyncState {
  /** What main last said about sync; null until it first answered. */
  status: SyncStatus | null;
  /** The action running now (its button shows progress; the others wait). */
  busy: SyncAction | null;
  error: IpcError | null;
  /** Set when sign-out was refused for unsynced changes: how many, for the confirmation. */
  unsynced: number | null;
  problems: SyncProblem[];
  problemsError: IpcError | null;
  load: () => Promise<void>;
  signIn: (form: { serverUrl: string; email: string; password: string }) => Promise<boolean>;
  signOut: (discardUnsynced?: boolean) => Promise<void>;
  syncNow: () => Promise<void>;
  cancelSignOut: () => void;
  loadProblems: () => Promise<void>;
  /** The problems as a CSV file, for the renderer to offer as a download; null when it failed. */
  exportProblems: () => Promise<{ fileName: string; content: string } | null>;
}

export const useSyncStore = create<SyncState>((set, get) => {
  /** Runs one action that answers with the new status, keeping `busy` and `error` right. */
  async function act(action: SyncAction, run: () => Promise<SyncStatus>): Promise<boolean> {
    if (get().busy) return false;
    set({ busy: action, error: null });
    try {
      set({ status: await run(), unsynced: null });
      return true;
    } catch (error) {
      const ipc = toIpcError(error);
      set(ipc.code === 'UNSYNCED_CHANGES' ? { unsynced: ipc.pending ?? 1 } : { error: ipc });
      // The refusal counted afresh: the facts beside the confirmation show the same number.
      if (ipc.code === 'UNSYNCED_CHANGES') void get().load();
      return false;
    } finally {
      set({ busy: null });
    }
  }
  return {
    status: null,
    busy: null,
    error: null,
    unsynced: null,
    problems: [],
    problemsError: null,
    load: async () => {
      try {
        set({ status: await invoke('sync.status', {}) });
      } catch (error) {
        set({ error: toIpcError(error) });
      }
    },
    signIn: (form) => act('signIn', () => invoke('sync.signIn', form)),
    signOut: async (discardUnsynced) => {
      await act('signOut', () => invoke('sync.signOut', discardUnsynced ? { discardUnsynced } : {}));
    },
    syncNow: async () => {
      // Syncing first is one of the answers to "changes not sent yet": the confirmation closes.
      set({ unsynced: null });
      await act('syncNow', () => invoke('sync.now', {}));
    },
    cancelSignOut: () => set({ unsynced: null }),
    loadProblems: async () => {
      try {
        set({ problems: (await invoke('sync.problems', {})).problems, problemsError: null });
      } catch (error) {
        set({ problemsError: toIpcError(error) });
      }
    },
    exportProblems: async () => {
      try {
        return await invoke('sync.exportProblems', {});
      } catch (error) {
        set({ problemsError: toIpcError(error) });
        return null;
      }
    },
  };
});

/** Keeps the store in step with main's `sync.status` pushes. */
export function followSyncStatus(): () => void {
  return onSyncStatus((status) => useSyncStore.setState({ status }));
}
