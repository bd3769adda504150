import { InfiniteQueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../../src-shared/domain/entities';

// No main process in a unit test: `invoke` answers notes.list from an in-memory list the way main
// pages it (newest first, an opaque cursor naming the last note sent). Named as a stand-in here.
const invoke = vi.fn();
vi.mock('../../../src-renderer/api/api-client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src-renderer/api/api-client')>();
  return { ...actual, invoke: (...args: unknown[]) => invoke(...args) };
});

const { accountNotesQuery, forgetNote, NOTE_PAGE_SIZE, showSavedNote } = await import('../../../src-renderer/queries/notes-query');
const { queryClient, invalidateForChange } = await import('../../../src-renderer/queries/query-client');

/** Note number i of an account: higher numbers are newer. */
const note = (i: number, accountId = 'a1', body = `note ${i}`): Note => {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return { id: `n${String(i).padStart(4, '0')}-${accountId}`, accountId, touchpointId: null, authorId: null, body, createdAt: at, updatedAt: at };
};
const range = (from: number, to: number, accountId = 'a1'): Note[] => Array.from({ length: to - from + 1 }, (_, k) => note(from + k, accountId));
const cursorOf = (n: Note) => `${n.createdAt}|${n.id}`;

let stored: Note[] = [];
function stubMainNotesList(operation: string, request: { accountId: string; limit: number; before?: string; query?: string }) {
  if (operation !== 'notes.list') throw new Error(`unexpected ${operation}`);
  const matching = stored
    .filter((n) => n.accountId === request.accountId && (!request.query || n.body.includes(request.query)))
    .sort((a, b) => (cursorOf(a) < cursorOf(b) ? 1 : -1))
    .filter((n) => !request.before || cursorOf(n) < request.before);
  const notes = matching.slice(0, request.limit);
  return Promise.resolve({ notes, nextBefore: matching.length > request.limit ? cursorOf(notes.at(-1)!) : null });
}

const observers: Array<() => void> = [];
/** A view showing the account's notes (an active query, as the account page is). */
function view(accountId: string, query = '') {
  const observer = new InfiniteQueryObserver(queryClient, accountNotesQuery(accountId, query));
  observers.push(observer.subscribe(() => undefined));
  return observer;
}
const shown = (observer: ReturnType<typeof view>) => observer.getCurrentResult().data?.pages.flatMap((p) => p.notes.map((n) => n.body)) ?? [];
const settled = (observer: ReturnType<typeof view>) => vi.waitFor(() => expect(observer.getCurrentResult().isFetching).toBe(false));

beforeEach(() => {
  invoke.mockReset();
  invoke.mockImplementation(stubMainNotesList);
  stored = [...range(1, 120), ...range(1, 3, 'a2')];
});
afterEach(() => {
  observers.splice(0).forEach((unsubscribe) => unsubscribe());
  queryClient.clear();
});

describe("an account's notes, paged", () => {
  it('shows the newest page, then older pages by cursor until there are none', async () => {
    const notes = view('a1');
    await settled(notes);
    expect(shown(notes)).toEqual(range(71, 120).reverse().map((n) => n.body));
    expect(invoke).toHaveBeenLastCalledWith('notes.list', { accountId: 'a1', limit: NOTE_PAGE_SIZE });
    await notes.fetchNextPage();
    expect(invoke).toHaveBeenLastCalledWith('notes.list', { accountId: 'a1', limit: NOTE_PAGE_SIZE, before: cursorOf(note(71)) });
    await notes.fetchNextPage();
    expect(shown(notes)).toHaveLength(120);
    expect(shown(notes).at(-1)).toBe('note 1');
    expect(notes.getCurrentResult().hasNextPage).toBe(false);
    expect(invoke).toHaveBeenCalledTimes(3);
  });

  it('a change on the account refetches the pages already loaded, with no gap and no copy, however many notes came in', async () => {
    const notes = view('a1');
    await settled(notes);
    await notes.fetchNextPage(); // notes 120 … 21 on screen
    stored = stored.filter((n) => n.body !== 'note 100');
    stored.push(...range(121, 190)); // more new notes than a page
    await invalidateForChange(['a1'], true);
    await settled(notes);
    const expected = [...range(21, 190)].filter((n) => n.body !== 'note 100').reverse().slice(0, 100).map((n) => n.body);
    expect(shown(notes)).toEqual(expected);
    expect(new Set(shown(notes)).size).toBe(100);
    // Another account's change leaves these pages alone.
    invoke.mockClear();
    await invalidateForChange(['a2'], true);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('keeps an error loading older notes apart from the notes already shown', async () => {
    const notes = view('a1');
    await settled(notes);
    invoke.mockRejectedValueOnce(new Error('offline'));
    const result = await notes.fetchNextPage();
    expect(result.isFetchNextPageError).toBe(true);
    expect(shown(notes)).toHaveLength(50);
  });

  it('pages through search results with the search text, apart from the list of every note', async () => {
    stored = [...range(1, 60).map((n) => ({ ...n, body: `renewal ${n.body}` })), ...range(61, 70)];
    const all = view('a1');
    const found = view('a1', 'renewal');
    await Promise.all([settled(all), settled(found)]);
    expect(shown(found)).toHaveLength(50);
    await found.fetchNextPage();
    expect(invoke).toHaveBeenLastCalledWith('notes.list', expect.objectContaining({ query: 'renewal', before: expect.any(String) }));
    expect(shown(found)).toHaveLength(60);
    expect(shown(found).every((body) => body.startsWith('renewal'))).toBe(true);
    expect(shown(all)).toHaveLength(50);
  });
});

describe('a note saved or deleted here shows at once', () => {
  it('puts a new note on top of every note, replaces an edited one in place, removes a deleted one, and leaves other accounts alone', async () => {
    stored = range(1, 3);
    const all = view('a1');
    const found = view('a1', 'note 2');
    await Promise.all([settled(all), settled(found)]);
    invoke.mockClear();
    showSavedNote(note(4));
    showSavedNote({ ...note(2), body: 'note 2 edited' });
    forgetNote('a1', note(1).id);
    showSavedNote(note(9, 'a2'));
    expect(shown(all)).toEqual(['note 4', 'note 3', 'note 2 edited']);
    // Whether a new note matches a search is main's call: results change only in place.
    expect(shown(found)).toEqual(['note 2 edited']);
    expect(invoke).not.toHaveBeenCalled();
  });
});
