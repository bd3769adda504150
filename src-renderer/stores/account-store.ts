import { create } from 'zustand';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import { invoke, toIpcError } from '../api/api-client';
import { useNotesStore } from './notes-store';
import { usePortfolioStore } from './portfolio-store';

export type AccountDetail = IpcResponse<'account.detail'>;
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface AccountState {
  /** The account whose panel is open, or null when closed. */
  accountId: string | null;
  status: LoadStatus;
  detail: AccountDetail | null;
  error: IpcError | null;
  /** Touchpoint ids being marked done right now. */
  completing: string[];
  actionError: IpcError | null;
  open: (accountId: string, opener?: HTMLElement | null) => void;
  close: () => void;
  /** Fetches the account's detail again (its notes have their own store: notes-store). */
  reload: () => Promise<void>;
  completeTouchpoint: (touchpointId: string) => Promise<void>;
}

/** The element focus returns to when the panel closes (the account name that opened it). */
let opener: HTMLElement | null = null;
let latestRequest = 0;

function restoreFocus(accountId: string): void {
  const target =
    opener?.isConnected === true
      ? opener
      : document.querySelector<HTMLElement>(`[data-account-id="${CSS.escape(accountId)}"]`);
  opener = null;
  // After React has removed the dialog, so the browser does not move focus again.
  requestAnimationFrame(() => target?.focus());
}

export const useAccountStore = create<AccountState>((set, get) => ({
  accountId: null,
  status: 'idle',
  detail: null,
  error: null,
  completing: [],
  actionError: null,

  open: (accountId, from) => {
    opener = from ?? null;
    set({ accountId, status: 'loading', detail: null, error: null, actionError: null });
    useNotesStore.getState().open(accountId);
    void get().reload();
  },

  close: () => {
    const { accountId } = get();
    if (accountId === null) return;
    latestRequest += 1; // drop answers still in flight
    set({ accountId: null, status: 'idle', detail: null, completing: [], actionError: null });
    useNotesStore.getState().close();
    restoreFocus(accountId);
  },

  reload: async () => {
    const { accountId } = get();
    if (accountId === null) return;
    const request = ++latestRequest;
    const stale = () => request !== latestRequest || get().accountId !== accountId;
    try {
      const detail = await invoke('account.detail', { accountId });
      if (!stale()) set({ status: 'ready', detail, error: null });
    } catch (error) {
      if (!stale()) set({ status: 'error', error: toIpcError(error) });
    }
  },

  completeTouchpoint: async (touchpointId) => {
    set((s) => ({ completing: [...s.completing, touchpointId], actionError: null }));
    try {
      const { touchpoint } = await invoke('touchpoints.complete', { touchpointId });
      await Promise.all([get().reload(), usePortfolioStore.getState().refreshRows([touchpoint.accountId])]);
    } catch (error) {
      set({ actionError: toIpcError(error) });
    } finally {
      set((s) => ({ completing: s.completing.filter((id) => id !== touchpointId) }));
    }
  },
}));

/** Opens the account panel; kept as a plain function so table cells need no hooks. */
export function openAccount(accountId: string, from?: HTMLElement | null): void {
  useAccountStore.getState().open(accountId, from);
}
