import { create } from 'zustand';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import type { Note } from '../../src-shared/domain/entities';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import { invoke, toIpcError } from '../api/api-client';
import { usePortfolioStore } from './portfolio-store';

export type AccountDetail = IpcResponse<'account.detail'>;
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface AccountState {
  /** The account whose panel is open, or null when closed. */
  accountId: string | null;
  status: LoadStatus;
  detail: AccountDetail | null;
  error: IpcError | null;
  notesStatus: LoadStatus;
  notes: Note[];
  notesError: IpcError | null;
  /** Unsaved note text per account: closing the panel or a failed save never loses it. */
  drafts: Record<string, string>;
  /** Touchpoint ids being marked done right now. */
  completing: string[];
  actionError: IpcError | null;
  open: (accountId: string, opener?: HTMLElement | null) => void;
  close: () => void;
  reload: () => Promise<void>;
  setDraft: (accountId: string, text: string) => void;
  /**
   * Saves a note and puts it on top; clears the draft only if it still holds the saved text.
   * On failure the draft is kept and the ApiError rethrown.
   */
  addNote: (accountId: string, body: string) => Promise<void>;
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
  notesStatus: 'idle',
  notes: [],
  notesError: null,
  drafts: {},
  completing: [],
  actionError: null,

  open: (accountId, from) => {
    opener = from ?? null;
    set({ accountId, status: 'loading', detail: null, error: null, notes: [], notesStatus: 'loading', notesError: null, actionError: null });
    void get().reload();
  },

  close: () => {
    const { accountId } = get();
    if (accountId === null) return;
    latestRequest += 1; // drop answers still in flight
    set({ accountId: null, status: 'idle', detail: null, notes: [], notesStatus: 'idle', completing: [], actionError: null });
    restoreFocus(accountId);
  },

  reload: async () => {
    const { accountId } = get();
    if (accountId === null) return;
    const request = ++latestRequest;
    const stale = () => request !== latestRequest || get().accountId !== accountId;
    const detail = invoke('account.detail', { accountId })
      .then((result) => !stale() && set({ status: 'ready', detail: result, error: null }))
      .catch((error: unknown) => !stale() && set({ status: 'error', error: toIpcError(error) }));
    const notes = invoke('notes.list', { accountId })
      .then((result) => !stale() && set({ notesStatus: 'ready', notes: sortNewestFirst(result.notes), notesError: null }))
      .catch((error: unknown) => !stale() && set({ notesStatus: 'error', notesError: toIpcError(error) }));
    await Promise.all([detail, notes]);
  },

  setDraft: (accountId, text) => set((s) => ({ drafts: { ...s.drafts, [accountId]: text } })),

  addNote: async (accountId, body) => {
    const { note } = await invoke('notes.add', { accountId, body });
    set((s) => {
      const drafts = { ...s.drafts };
      // The textarea stays editable while saving: keep anything typed after Save was pressed.
      if (drafts[accountId] === body) delete drafts[accountId];
      const notes = s.accountId === accountId ? [note, ...s.notes.filter((n) => n.id !== note.id)] : s.notes;
      return { drafts, notes };
    });
  },

  completeTouchpoint: async (touchpointId) => {
    set((s) => ({ completing: [...s.completing, touchpointId], actionError: null }));
    try {
      await invoke('touchpoints.complete', { touchpointId });
      await Promise.all([get().reload(), usePortfolioStore.getState().load()]);
    } catch (error) {
      set({ actionError: toIpcError(error) });
    } finally {
      set((s) => ({ completing: s.completing.filter((id) => id !== touchpointId) }));
    }
  },
}));

function sortNewestFirst(notes: Note[]): Note[] {
  return [...notes].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Opens the account panel; kept as a plain function so table cells need no hooks. */
export function openAccount(accountId: string, from?: HTMLElement | null): void {
  useAccountStore.getState().open(accountId, from);
}
