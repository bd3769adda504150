import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../../src-shared/domain/entities';

const invoke = vi.fn();
vi.mock('../../../src-renderer/api/api-client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src-renderer/api/api-client')>();
  return { ...actual, invoke: (...args: unknown[]) => invoke(...args) };
});

const { emptyPagedNotes, mergeNewestPage, NOTE_PAGE_SIZE, useNotesStore } = await import('../../../src-renderer/stores/notes-store');

/** Note number i of an account: higher numbers are newer. */
const note = (i: number, accountId = 'a1'): Note => {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return { id: `n${String(i).padStart(4, '0')}`, accountId, touchpointId: null, authorId: null, body: `note ${i}`, createdAt: at, updatedAt: at };
};
/** Notes from..to (inclusive), newest first. */
const range = (from: number, to: number): Note[] => Array.from({ length: to - from + 1 }, (_, k) => note(to - k));
const page = (notes: Note[], nextBefore: string | null) => ({ notes, nextBefore });

/** A promise settled from the test, to deliver answers in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const state = () => useNotesStore.getState();
const ids = (notes: Note[]) => notes.map((n) => n.id);

beforeEach(() => {
  invoke.mockReset();
  state().close();
});

/** Opens account a1 whose newest page main answers with `first`. */
async function openWith(first: ReturnType<typeof page>): Promise<void> {
  invoke.mockResolvedValueOnce(first);
  state().open('a1');
  await vi.waitFor(() => expect(state().browse.status).toBe('ready'));
}

describe('the account panel pages through every note', () => {
  it('shows the newest page, then older pages by cursor until there are none', async () => {
    await openWith(page(range(71, 120), 'c1'));
    expect(invoke).toHaveBeenLastCalledWith('notes.list', { accountId: 'a1', limit: NOTE_PAGE_SIZE });

    invoke.mockResolvedValueOnce(page(range(21, 70), 'c2'));
    await state().loadOlder();
    expect(invoke).toHaveBeenLastCalledWith('notes.list', { accountId: 'a1', limit: NOTE_PAGE_SIZE, before: 'c1' });
    invoke.mockResolvedValueOnce(page(range(1, 20), null));
    await state().loadOlder();
    expect(state().browse.notes).toHaveLength(120);
    expect(state().browse.notes.at(-1)?.id).toBe(note(1).id);
    expect(state().browse.nextBefore).toBeNull();

    await state().loadOlder(); // nothing older: no request
    expect(invoke).toHaveBeenCalledTimes(3);
  });

  it('asks for one older page at a time', async () => {
    await openWith(page(range(51, 100), 'c1'));
    const older = deferred<ReturnType<typeof page>>();
    invoke.mockReturnValueOnce(older.promise);
    const first = state().loadOlder();
    await state().loadOlder();
    older.resolve(page(range(1, 50), null));
    await first;
    expect(invoke).toHaveBeenCalledTimes(2);
    expect(state().browse.notes).toHaveLength(100);
  });

  it('drops an older page that arrives after the panel moved to another account', async () => {
    await openWith(page(range(51, 100), 'c1'));
    const older = deferred<ReturnType<typeof page>>();
    invoke.mockReturnValueOnce(older.promise);
    const loading = state().loadOlder();
    invoke.mockResolvedValueOnce(page([note(1, 'a2')], null));
    state().open('a2');
    older.resolve(page(range(1, 50), null));
    await loading;
    await vi.waitFor(() => expect(state().browse.status).toBe('ready'));
    expect(ids(state().browse.notes)).toEqual([note(1, 'a2').id]);
  });

  it('keeps an error on loading older notes apart from the notes already shown', async () => {
    await openWith(page(range(51, 100), 'c1'));
    invoke.mockRejectedValueOnce(new Error('offline'));
    await state().loadOlder();
    expect(state().browse.olderStatus).toBe('error');
    expect(state().browse.notes).toHaveLength(50);
  });
});

describe('searching the account notes', () => {
  beforeEach(() => openWith(page(range(1, 3), null)));

  it('applies only the latest search when answers arrive out of order', async () => {
    const slow = deferred<ReturnType<typeof page>>();
    const fast = deferred<ReturnType<typeof page>>();
    invoke.mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise);
    const first = state().search('renew');
    const second = state().search('renewal');
    fast.resolve(page([note(2)], null));
    await second;
    slow.resolve(page([note(1), note(3)], null));
    await first;
    expect(state().query).toBe('renewal');
    expect(ids(state().results.notes)).toEqual([note(2).id]);
    expect(invoke).toHaveBeenLastCalledWith('notes.list', { accountId: 'a1', limit: NOTE_PAGE_SIZE, query: 'renewal' });
  });

  it('reports no match, and clearing the search shows every note again', async () => {
    invoke.mockResolvedValueOnce(page([], null));
    await state().search('  nothing  ');
    expect(state().query).toBe('nothing');
    expect(state().results.status).toBe('ready');
    expect(state().results.notes).toEqual([]);
    await state().search('');
    expect(state().query).toBe('');
    expect(state().browse.notes).toHaveLength(3);
  });

  it('pages through search results with the search text', async () => {
    invoke.mockResolvedValueOnce(page(range(3, 3), 'r1'));
    await state().search('note');
    invoke.mockResolvedValueOnce(page(range(1, 2), null));
    await state().loadOlder();
    expect(invoke).toHaveBeenLastCalledWith('notes.list', { accountId: 'a1', limit: NOTE_PAGE_SIZE, before: 'r1', query: 'note' });
    expect(state().results.notes).toHaveLength(3);
    expect(state().browse.notes).toHaveLength(3);
  });
});

describe('changes show up in place', () => {
  it('puts a new note on top, replaces an edited one and removes a deleted one, in both lists', () => {
    useNotesStore.setState({
      accountId: 'a1',
      browse: { ...emptyPagedNotes('ready'), notes: range(1, 3) },
      query: 'note',
      results: { ...emptyPagedNotes('ready'), notes: [note(2)] },
    });
    state().put(note(4));
    state().put({ ...note(2), body: 'edited' });
    state().remove(note(1).id);
    expect(state().browse.notes.map((n) => n.body)).toEqual(['note 4', 'note 3', 'edited']);
    expect(state().results.notes.map((n) => n.body)).toEqual(['edited']);
    state().put(note(9, 'another account'));
    expect(state().browse.notes).toHaveLength(3);
  });

  it('a refresh replaces the newest page and keeps the older pages already loaded', () => {
    const shown = { ...emptyPagedNotes('ready'), notes: range(1, 100), nextBefore: 'c-old' };
    // Note 100 was deleted elsewhere, note 101 added.
    const merged = mergeNewestPage(shown, page([note(101), ...range(52, 99)], 'c-new'));
    expect(merged.notes).toHaveLength(100);
    expect(ids(merged.notes.slice(0, 2))).toEqual([note(101).id, note(99).id]);
    expect(merged.notes.at(-1)?.id).toBe(note(1).id);
    expect(merged.nextBefore).toBe('c-old');
    // Everything shown is older than the fresh page's cursor: nothing to keep, the page's cursor continues it.
    const nothingOlder = mergeNewestPage({ ...shown, notes: range(52, 100), nextBefore: 'c1' }, page(range(52, 101), 'c2'));
    expect(ids(nothingOlder.notes)).toEqual(ids(range(52, 101)));
    expect(nothingOlder.nextBefore).toBe('c2');
  });

  it('a refresh after more new notes than a page starts the list afresh rather than leave a gap', () => {
    const shown = { ...emptyPagedNotes('ready'), notes: range(1, 100), nextBefore: 'c-old' };
    const merged = mergeNewestPage(shown, page(range(111, 160), 'c-new'));
    expect(ids(merged.notes)).toEqual(ids(range(111, 160)));
    expect(merged.nextBefore).toBe('c-new');
  });
});
