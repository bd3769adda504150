import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { Note } from '../../src-shared/domain/entities';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { invoke } from '../api/api-client';
import { queryClient } from './query-client';

/** Notes per page: the account page shows the newest page and loads older ones on demand. */
export const NOTE_PAGE_SIZE = 50;

type NotesPage = IpcResponse<'notes.list'>;
export type PagedNotes = InfiniteData<NotesPage, string | null>;

/**
 * One account's notes, newest first, paged by cursor; `query` narrows them to a search. Keyed like
 * every read (`[operation, account, …]`), so a `data.changed` naming the account refetches the
 * pages already loaded, each from the cursor of the one before: older pages a user scrolled
 * through stay, and a burst of new notes leaves no gap.
 */
export function accountNotesQuery(accountId: string, query: string) {
  return infiniteQueryOptions({
    queryKey: ['notes.list', accountId, { paged: true, query }],
    queryFn: ({ pageParam }) =>
      invoke('notes.list', { accountId, limit: NOTE_PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}), ...(query ? { query } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    // While a new search runs, the previous matches stay on screen.
    placeholderData: query ? keepPreviousData : undefined,
  });
}

/** The account's notes (all, or those matching `query`) for a view. */
export function useAccountNotes(accountId: string, query: string) {
  return useInfiniteQuery(accountNotesQuery(accountId, query));
}

/** Newest first, as main pages them; ids (UUIDv7, time-ordered) break ties. */
function newestFirst(a: Note, b: Note): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The pages with `note` shown: an edited note replaced where it is; a new one put in its place
 * among the loaded notes when it is a list of every note (`addNew`). Whether a new note matches a
 * search is main's call, so search results only change in place.
 */
export function withNote(data: PagedNotes, note: Note, addNew: boolean): PagedNotes {
  const shown = data.pages.some((page) => page.notes.some((n) => n.id === note.id));
  if (shown) return { ...data, pages: data.pages.map((page) => ({ ...page, notes: page.notes.map((n) => (n.id === note.id ? note : n)) })) };
  if (!addNew || data.pages.length === 0) return data;
  const [first, ...rest] = data.pages as [NotesPage, ...NotesPage[]];
  return { ...data, pages: [{ ...first, notes: [note, ...first.notes].sort(newestFirst) }, ...rest] };
}

/** The pages without the note. */
export function withoutNote(data: PagedNotes, noteId: string): PagedNotes {
  return { ...data, pages: data.pages.map((page) => ({ ...page, notes: page.notes.filter((n) => n.id !== noteId) })) };
}

/** Every paged notes list of the account in the cache, with its search text. */
function eachNotesList(accountId: string, update: (data: PagedNotes, query: string) => PagedNotes): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: ['notes.list', accountId] })) {
    const [, , payload] = query.queryKey as [string, string, { paged?: boolean; query?: string }];
    const data = query.state.data as PagedNotes | undefined;
    if (payload.paged && data) queryClient.setQueryData(query.queryKey, update(data, payload.query ?? ''));
  }
}

/** A note saved here shows at once, before main's change push refetches the lists. */
export function showSavedNote(note: Note): void {
  eachNotesList(note.accountId, (data, query) => withNote(data, note, query === ''));
}

/** A note deleted here leaves every list at once. */
export function forgetNote(accountId: string, noteId: string): void {
  eachNotesList(accountId, (data) => withoutNote(data, noteId));
}
