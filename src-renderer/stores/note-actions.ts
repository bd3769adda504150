import type { Note } from '../../src-shared/domain/entities';
import { ApiError, invoke } from '../api/api-client';
import { useNoteDraftsStore } from './note-drafts-store';
import { forgetNote, showSavedNote } from '../queries/notes-query';

/**
 * Saves the account's add-note draft under its pending id and shows the note on top. A retry after
 * a lost answer sends the same id, so main stores the note once; if that first try was stored with
 * older text, the note is brought up to the text saved now. On failure the draft and its id stay
 * and the ApiError is rethrown.
 */
export async function saveNewNote(accountId: string): Promise<Note> {
  const body = useNoteDraftsStore.getState().drafts[accountId]?.text ?? '';
  let id = useNoteDraftsStore.getState().pendingIdFor(accountId);
  let note: Note;
  try {
    ({ note } = await invoke('notes.add', { id, accountId, body }));
  } catch (error) {
    // CONFLICT: the id is spent (its note was stored, then deleted): the text in the box is a new note.
    if (!(error instanceof ApiError && error.error.code === 'CONFLICT')) throw error;
    useNoteDraftsStore.getState().dropPendingId(accountId, id);
    id = useNoteDraftsStore.getState().pendingIdFor(accountId);
    ({ note } = await invoke('notes.add', { id, accountId, body }));
  }
  if (note.body !== body) ({ note } = await invoke('notes.update', { id: note.id, body }));
  useNoteDraftsStore.getState().settleDraft(accountId, id, body);
  showSavedNote(note);
  return note;
}

/** Saves the edit in progress of a note and shows the result in place; the edit stays on failure. */
export async function saveNoteEdit(noteId: string): Promise<Note> {
  const body = useNoteDraftsStore.getState().edits[noteId];
  if (body === undefined) throw new Error(`no edit in progress for note ${noteId}`);
  const { note } = await invoke('notes.update', { id: noteId, body });
  useNoteDraftsStore.getState().endEdit(noteId);
  showSavedNote(note);
  return note;
}

/** Deletes a note (main keeps a tombstone) and takes it off the lists. */
export async function deleteNote(note: Pick<Note, 'id' | 'accountId'>): Promise<void> {
  await invoke('notes.delete', { id: note.id });
  useNoteDraftsStore.getState().endEdit(note.id);
  forgetNote(note.accountId, note.id);
}
