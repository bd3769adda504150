import { create } from 'zustand';
import type { Note } from '../../src-shared/domain/entities';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import { invoke, toIpcError } from '../api/api-client';
/** Where one list's loading stands. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Notes per page: the panel shows the newest page and loads older ones on demand. */
export const NOTE_PAGE_SIZE = 50;

/** One list of an account's notes, newest first, as far as it has been paged. */
export interface PagedNotes {
  notes: Note[];
  /** Cursor for the next (older) page; null once the oldest note is in `notes`. */
  nextBefore: string | null;
  status: LoadStatus;
  error: IpcError | null;
  olderStatus: 'idle' | 'loading' | 'error';
  olderError: IpcError | null;
}

export interface NotesState {
  accountId: string | null;
  /** Every note of the account. */
  browse: PagedNotes;
  /** The search text applied; '' shows `browse`. */
  query: string;
  /** The account's notes matching `query`. */
  results: PagedNotes;
  /** Opens an account's notes: its newest page, no search. */
  open: (accountId: string) => void;
  close: () => void;
  /** Stored notes changed (here or elsewhere): fetch the newest page again, keep older pages loaded. */
  refresh: () => Promise<void>;
  /** Searches the account's notes; blank text goes back to all notes. */
  search: (text: string) => Promise<void>;
  /** Appends the next older page of the list on screen. */
  loadOlder: () => Promise<void>;
  /** A note was added or edited here: shown in place (a new one on top) without a reload. */
  put: (note: Note) => void;
  /** A note was deleted here. */
  remove: (noteId: string) => void;
}

export const emptyPagedNotes = (status: LoadStatus = 'idle'): PagedNotes => ({
  notes: [],
  nextBefore: null,
  status,
  error: null,
  olderStatus: 'idle',
  olderError: null,
});

/** Newest first, as main pages them; ids (UUIDv7, time-ordered) break ties. */
function newestFirst(a: Note, b: Note): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * A fresh newest page merged with what was loaded before: the page replaces the newest notes and
 * the older notes already on screen stay (with their cursor), so a refresh never throws away the
 * pages a user scrolled through. When the page does not reach the notes shown before (more new
 * notes than a page), keeping them would leave a gap: then the page starts the list afresh.
 */
export function mergeNewestPage(previous: PagedNotes, page: { notes: Note[]; nextBefore: string | null }): PagedNotes {
  const fresh = { ...previous, notes: page.notes, nextBefore: page.nextBefore, status: 'ready' as const, error: null };
  const oldest = page.notes.at(-1);
  const previousNewest = previous.notes[0];
  if (page.nextBefore === null || !oldest || !previousNewest || newestFirst(oldest, previousNewest) < 0) return fresh;
  const inPage = new Set(page.notes.map((n) => n.id));
  const olderShown = previous.notes.filter((note) => newestFirst(note, oldest) > 0 && !inPage.has(note.id));
  return olderShown.length === 0 ? fresh : { ...fresh, notes: [...page.notes, ...olderShown], nextBefore: previous.nextBefore };
}

type ListKey = 'browse' | 'results';

/**
 * Answers can arrive out of order. `identity` changes when a list is replaced (another account,
 * another search): every answer for the old list is dropped. `newest` changes with each request
 * for a list's newest page: only the latest one is applied.
 */
const identity: Record<ListKey, number> = { browse: 0, results: 0 };
const newest: Record<ListKey, number> = { browse: 0, results: 0 };

function replaceLists(...lists: ListKey[]): void {
  for (const list of lists) identity[list] += 1;
}

/** The state change that puts `value` in place of one list. */
function listPatch(list: ListKey, value: PagedNotes): Pick<NotesState, 'browse'> | Pick<NotesState, 'results'> {
  return list === 'browse' ? { browse: value } : { results: value };
}

export const useNotesStore = create<NotesState>((set, get) => {
  const request = (accountId: string, list: ListKey, before?: string) => ({
    accountId,
    limit: NOTE_PAGE_SIZE,
    ...(before ? { before } : {}),
    ...(list === 'results' ? { query: get().query } : {}),
  });

  const loadNewest = async (list: ListKey, merge: boolean): Promise<void> => {
    const { accountId } = get();
    if (accountId === null) return;
    const listIdentity = identity[list];
    const ticket = ++newest[list];
    const current = () => listIdentity === identity[list] && ticket === newest[list];
    try {
      const page = await invoke('notes.list', request(accountId, list));
      if (!current()) return;
      set((s) => listPatch(list, merge ? mergeNewestPage(s[list], page) : { ...emptyPagedNotes('ready'), ...page }));
    } catch (error) {
      if (current()) set((s) => listPatch(list, { ...s[list], status: 'error', error: toIpcError(error) }));
    }
  };

  return {
    accountId: null,
    browse: emptyPagedNotes(),
    query: '',
    results: emptyPagedNotes(),

    open: (accountId) => {
      replaceLists('browse', 'results');
      set({ accountId, browse: emptyPagedNotes('loading'), query: '', results: emptyPagedNotes() });
      void loadNewest('browse', false);
    },

    close: () => {
      replaceLists('browse', 'results');
      set({ accountId: null, browse: emptyPagedNotes(), query: '', results: emptyPagedNotes() });
    },

    refresh: async () => {
      if (get().accountId === null) return;
      await Promise.all([loadNewest('browse', true), get().query ? loadNewest('results', true) : undefined]);
    },

    search: async (text) => {
      const query = text.trim();
      if (query === get().query) return;
      replaceLists('results');
      if (query === '') {
        set({ query: '', results: emptyPagedNotes() });
        return;
      }
      // The previous matches stay on screen until the new ones arrive.
      set((s) => ({ query, results: { ...emptyPagedNotes('loading'), notes: s.results.notes } }));
      await loadNewest('results', false);
    },

    loadOlder: async () => {
      const { accountId, query } = get();
      const list: ListKey = query ? 'results' : 'browse';
      const cursor = get()[list].nextBefore;
      if (accountId === null || cursor === null || get()[list].olderStatus === 'loading') return;
      const listIdentity = identity[list];
      set((s) => listPatch(list, { ...s[list], olderStatus: 'loading', olderError: null }));
      try {
        const page = await invoke('notes.list', request(accountId, list, cursor));
        if (listIdentity !== identity[list]) return;
        set((s) => {
          // A refresh may have moved the cursor meanwhile: then this page no longer follows the list.
          if (s[list].nextBefore !== cursor) return listPatch(list, { ...s[list], olderStatus: 'idle' });
          const shown = new Set(s[list].notes.map((n) => n.id));
          const notes = [...s[list].notes, ...page.notes.filter((n) => !shown.has(n.id))];
          return listPatch(list, { ...s[list], notes, nextBefore: page.nextBefore, olderStatus: 'idle' });
        });
      } catch (error) {
        if (listIdentity === identity[list]) {
          set((s) => listPatch(list, { ...s[list], olderStatus: 'error', olderError: toIpcError(error) }));
        }
      }
    },

    put: (note) =>
      set((s) => {
        if (note.accountId !== s.accountId) return {};
        const shown = s.browse.notes.some((n) => n.id === note.id);
        const browseNotes = shown
          ? s.browse.notes.map((n) => (n.id === note.id ? note : n))
          : [note, ...s.browse.notes].sort(newestFirst);
        // Search results change only in place: whether a new note matches is main's call (next refresh).
        const resultNotes = s.results.notes.map((n) => (n.id === note.id ? note : n));
        return { browse: { ...s.browse, notes: browseNotes }, results: { ...s.results, notes: resultNotes } };
      }),

    remove: (noteId) =>
      set((s) => ({
        browse: { ...s.browse, notes: s.browse.notes.filter((n) => n.id !== noteId) },
        results: { ...s.results, notes: s.results.notes.filter((n) => n.id !== noteId) },
      })),
  };
});
