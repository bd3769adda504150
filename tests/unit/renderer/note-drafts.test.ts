import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../../src-shared/domain/entities';

/** localStorage under Node: a map, optionally failing every write (a full or disabled storage). */
class MemoryStorage {
  items = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException('quota exceeded', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
const storage = new MemoryStorage();
vi.stubGlobal('localStorage', storage);

const invoke = vi.fn();
vi.mock('../../../src-renderer/api/api-client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src-renderer/api/api-client')>();
  return { ...actual, invoke: (...args: unknown[]) => invoke(...args) };
});

const { ApiError } = await import('../../../src-renderer/api/api-client');
const { NOTE_DRAFTS_STORAGE_KEY, sanitizePersistedDrafts, useNoteDraftsStore } = await import('../../../src-renderer/stores/note-drafts-store');
const { saveNewNote, saveNoteEdit, deleteNote } = await import('../../../src-renderer/stores/note-actions');
const { accountNotesQuery } = await import('../../../src-renderer/queries/notes-query');
const { queryClient } = await import('../../../src-renderer/queries/query-client');
const notesKey = accountNotesQuery('a1', '').queryKey;
/** The account's notes as its list shows them. */
const listed = (): Note[] => queryClient.getQueryData(notesKey)?.pages.flatMap((page) => page.notes) ?? [];

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const note = (id: string, body: string, createdAt = '2026-02-01T00:00:00Z'): Note => ({
  id, accountId: 'a1', touchpointId: null, authorId: null, body, createdAt, updatedAt: createdAt,
});
const drafts = () => useNoteDraftsStore.getState().drafts;
const lostAnswer = () => new ApiError({ code: 'INTERNAL', message: 'The local service did not answer' });

beforeEach(() => {
  invoke.mockReset();
  storage.items.clear();
  storage.failWrites = false;
  useNoteDraftsStore.setState({ drafts: {}, edits: {} });
  queryClient.setQueryData(notesKey, { pages: [{ notes: [note('n0', 'old', '2026-01-01T00:00:00Z')], nextBefore: null }], pageParams: [null] });
});

describe('saving a new note is idempotent', () => {
  it('saves under a client-made UUIDv7, puts the note on top and clears the draft', async () => {
    useNoteDraftsStore.getState().setDraft('a1', 'Call went well');
    invoke.mockImplementationOnce((_op: string, payload: { id: string }) => Promise.resolve({ note: note(payload.id, 'Call went well') }));
    const saved = await saveNewNote('a1');
    expect(saved.id).toMatch(UUID_V7);
    expect(invoke).toHaveBeenCalledWith('notes.add', { id: saved.id, accountId: 'a1', body: 'Call went well' });
    expect(listed().map((n) => n.id)).toEqual([saved.id, 'n0']);
    expect(drafts().a1).toBeUndefined();
  });

  it('retries a save whose answer was lost with the same id, and uses a fresh id after success', async () => {
    useNoteDraftsStore.getState().setDraft('a1', 'Call went well');
    invoke.mockRejectedValueOnce(lostAnswer());
    await expect(saveNewNote('a1')).rejects.toThrow('did not answer');
    const firstId = (invoke.mock.calls[0]![1] as { id: string }).id;
    expect(drafts().a1).toEqual({ text: 'Call went well', pendingId: firstId });

    invoke.mockResolvedValueOnce({ note: note(firstId, 'Call went well') });
    await saveNewNote('a1');
    expect((invoke.mock.calls[1]![1] as { id: string }).id).toBe(firstId);

    useNoteDraftsStore.getState().setDraft('a1', 'A second note');
    invoke.mockImplementationOnce((_op: string, payload: { id: string }) => Promise.resolve({ note: note(payload.id, 'A second note') }));
    await saveNewNote('a1');
    expect((invoke.mock.calls[2]![1] as { id: string }).id).not.toBe(firstId);
  });

  it('brings the note up to date when the lost first try was stored with older text', async () => {
    useNoteDraftsStore.getState().setDraft('a1', 'Call went well');
    invoke.mockRejectedValueOnce(lostAnswer());
    await expect(saveNewNote('a1')).rejects.toThrow();
    const id = drafts().a1!.pendingId!;
    useNoteDraftsStore.getState().setDraft('a1', 'Call went well. Renewal in May');
    // Main returns the note stored by the first try, then the update.
    invoke.mockResolvedValueOnce({ note: note(id, 'Call went well') });
    invoke.mockResolvedValueOnce({ note: { ...note(id, 'Call went well. Renewal in May'), updatedAt: '2026-02-01T00:01:00Z' } });
    await saveNewNote('a1');
    expect(invoke).toHaveBeenLastCalledWith('notes.update', { id, body: 'Call went well. Renewal in May' });
    expect(listed()[0]!.body).toBe('Call went well. Renewal in May');
    expect(drafts().a1).toBeUndefined();
  });

  it('saves under a fresh id when the pending one belongs to a note deleted since (CONFLICT)', async () => {
    useNoteDraftsStore.getState().setDraft('a1', 'Saved, deleted, saved again');
    const spent = useNoteDraftsStore.getState().pendingIdFor('a1');
    invoke.mockRejectedValueOnce(new ApiError({ code: 'CONFLICT', message: 'was saved and has since been deleted', field: 'id' }));
    invoke.mockImplementationOnce((_op: string, payload: { id: string }) => Promise.resolve({ note: note(payload.id, 'Saved, deleted, saved again') }));
    const saved = await saveNewNote('a1');
    expect(saved.id).not.toBe(spent);
    expect(saved.id).toMatch(UUID_V7);
    expect(drafts().a1).toBeUndefined();
  });

  it('keeps text typed while the save is in flight, without the used id', async () => {
    useNoteDraftsStore.getState().setDraft('a1', 'Call went well');
    let answer!: (value: { note: Note }) => void;
    invoke.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const saving = saveNewNote('a1');
    const id = drafts().a1!.pendingId!;
    useNoteDraftsStore.getState().setDraft('a1', 'Call went well. Follow up on Friday');
    answer({ note: note(id, 'Call went well') });
    await saving;
    expect(drafts().a1).toEqual({ text: 'Call went well. Follow up on Friday', pendingId: null });
  });
});

describe('drafts survive a reload', () => {
  it('writes the draft text, its pending id and edits in progress to localStorage', async () => {
    useNoteDraftsStore.getState().setDraft('a1', 'Half-written');
    const id = useNoteDraftsStore.getState().pendingIdFor('a1');
    useNoteDraftsStore.getState().setEdit('n0', 'old, fixed');
    const stored = JSON.parse(storage.getItem(NOTE_DRAFTS_STORAGE_KEY)!) as { state: unknown };
    expect(stored.state).toEqual({ drafts: { a1: { text: 'Half-written', pendingId: id } }, edits: { n0: 'old, fixed' } });

    useNoteDraftsStore.setState({ drafts: {}, edits: {} }, false);
    storage.setItem(NOTE_DRAFTS_STORAGE_KEY, JSON.stringify({ state: stored.state, version: 1 }));
    await useNoteDraftsStore.persist.rehydrate();
    expect(drafts().a1).toEqual({ text: 'Half-written', pendingId: id });
    expect(useNoteDraftsStore.getState().edits.n0).toBe('old, fixed');
  });

  it.each([
    ['not JSON', '{"state": {"drafts": '],
    ['JSON of the wrong shape', JSON.stringify({ state: { drafts: 5, edits: ['x'] }, version: 1 })],
    ['another version', JSON.stringify({ state: 'whatever', version: 99 })],
  ])('starts empty when storage holds %s', async (_what, garbage) => {
    storage.items.set(NOTE_DRAFTS_STORAGE_KEY, garbage);
    await useNoteDraftsStore.persist.rehydrate();
    expect(drafts()).toEqual({});
    expect(useNoteDraftsStore.getState().edits).toEqual({});
    useNoteDraftsStore.getState().setDraft('a1', 'still works');
    expect(drafts().a1?.text).toBe('still works');
  });

  it('keeps well-formed entries and drops malformed ones, including a pending id main would refuse', () => {
    const id = '01936b2e-8f3c-7a5b-9c1d-2e3f4a5b6c7d';
    expect(
      sanitizePersistedDrafts({
        drafts: { a1: { text: 'ok', pendingId: id }, a2: { text: 'bad id', pendingId: 'DROP TABLE' }, a3: { text: 7 }, a4: null },
        edits: { n1: 'edit', n2: { text: 'an object' }, n3: 7 },
      }),
    ).toEqual({
      drafts: { a1: { text: 'ok', pendingId: id }, a2: { text: 'bad id', pendingId: null } },
      edits: { n1: 'edit' },
    });
  });

  it('keeps working in memory when storage refuses writes', () => {
    storage.failWrites = true;
    expect(() => useNoteDraftsStore.getState().setDraft('a1', 'typed')).not.toThrow();
    expect(drafts().a1?.text).toBe('typed');
  });
});

describe('editing and deleting a note', () => {
  it('saves an edit in place and ends it; a failed save keeps the edit', async () => {
    useNoteDraftsStore.getState().setEdit('n0', 'fixed');
    invoke.mockRejectedValueOnce(lostAnswer());
    await expect(saveNoteEdit('n0')).rejects.toThrow();
    expect(useNoteDraftsStore.getState().edits.n0).toBe('fixed');

    invoke.mockResolvedValueOnce({ note: { ...note('n0', 'fixed', '2026-01-01T00:00:00Z'), updatedAt: '2026-03-01T00:00:00Z' } });
    await saveNoteEdit('n0');
    expect(invoke).toHaveBeenLastCalledWith('notes.update', { id: 'n0', body: 'fixed' });
    expect(listed().map((n) => n.body)).toEqual(['fixed']);
    expect(useNoteDraftsStore.getState().edits.n0).toBeUndefined();
  });

  it('takes a deleted note off the list and drops its edit', async () => {
    useNoteDraftsStore.getState().setEdit('n0', 'never mind');
    invoke.mockResolvedValueOnce({ note: note('n0', 'old') });
    await deleteNote({ id: 'n0', accountId: 'a1' });
    expect(invoke).toHaveBeenCalledWith('notes.delete', { id: 'n0' });
    expect(listed()).toEqual([]);
    expect(useNoteDraftsStore.getState().edits).toEqual({});
  });
});
