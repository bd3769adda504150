import { memo, useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Note } from '../../src-shared/domain/entities';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import { toIpcError } from '../api/api-client';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { deleteNote, saveNoteEdit } from '../stores/note-actions';
import { useMayChange } from '../stores/use-may-change';
import { useNoteDraftsStore } from '../stores/note-drafts-store';
import { ErrorBoundary } from './ErrorBoundary';
import { NoteBody } from './NoteBody';

interface NoteItemProps {
  note: Note;
  announce: (message: string) => void;
  /** Called once the note is deleted with the note shown next to it, so focus can move there. */
  onDeleted: (neighbour: HTMLElement | null) => void;
}

interface NoteEditorProps {
  note: Note;
  label: string;
  /** Focus the text box when it appears: when the user pressed Edit, not when an edit comes back after a reload. */
  focusOnOpen: boolean;
  onDone: () => void;
  announce: (message: string) => void;
}

/** Inline editor: the text is a persisted draft, so a reload or a failed save keeps it. */
function NoteEditor({ note, label, focusOnOpen, onDone, announce }: NoteEditorProps) {
  const { t } = useT();
  const text = useNoteDraftsStore((s) => s.edits[note.id] ?? note.body);
  const setEdit = useNoteDraftsStore((s) => s.setEdit);
  const endEdit = useNoteDraftsStore((s) => s.endEdit);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();

  useEffect(() => {
    if (focusOnOpen) inputRef.current?.focus();
  }, [focusOnOpen]);

  const cancel = () => {
    endEdit(note.id);
    onDone();
  };
  const save = async () => {
    if (saving || text.trim() === '') return;
    if (text === note.body) return cancel(); // nothing changed: no write
    setSaving(true);
    setError(null);
    try {
      await saveNoteEdit(note.id);
      announce(t('notes.updated'));
      onDone();
    } catch (err) {
      setError(toIpcError(err));
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault(); // Escape cancels the edit, not the whole panel (the dialog's cancel)
      event.stopPropagation();
      cancel();
    }
  };

  return (
    <div className="note-editor">
      <textarea
        ref={inputRef}
        className="note-input"
        rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
        value={text}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        readOnly={saving}
        onChange={(e) => setEdit(note.id, e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="note-actions">
        {error && (
          <p id={errorId} className="form-error" role="alert" title={error.message}>
            {t('notes.error.update', { message: errorText(error, t) })}
          </p>
        )}
        <span className="muted small note-hint">{t('notes.editHint')}</span>
        <button type="button" className="button-secondary" onClick={cancel} disabled={saving}>
          {t('notes.cancel')}
        </button>
        <button type="button" className="button-primary" onClick={() => void save()} disabled={saving || text.trim() === ''}>
          {saving ? t('notes.saving') : t('notes.save')}
        </button>
      </div>
    </div>
  );
}

/** Inline "delete this note?" with the choice to keep it (no window.confirm). */
function DeleteConfirmation({ onKeep, onConfirm }: { onKeep: () => void; onConfirm: () => Promise<void> }) {
  const { t } = useT();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => keepRef.current?.focus(), []); // the safe choice gets focus

  const confirm = async () => {
    setDeleting(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(toIpcError(err));
      setDeleting(false);
    }
  };

  return (
    <div className="note-confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="note-confirm-question">
        {t('notes.confirmDelete')}
      </p>
      {error && (
        <p className="form-error" role="alert" title={error.message}>
          {t('notes.error.delete', { message: errorText(error, t) })}
        </p>
      )}
      <div className="note-actions">
        <button ref={keepRef} type="button" className="button-secondary" onClick={onKeep} disabled={deleting}>
          {t('notes.keep')}
        </button>
        <button type="button" className="button-danger" onClick={() => void confirm()} disabled={deleting}>
          {deleting ? t('notes.deleting') : t('notes.confirmDeleteYes')}
        </button>
      </div>
    </div>
  );
}

type Mode = 'view' | 'confirmDelete';

/** The inside of a note's list item: date, its text (formatted when safe), Edit and Delete. */
function NoteContent({ note, announce, onDeleted, itemRef }: NoteItemProps & { itemRef: RefObject<HTMLLIElement | null> }) {
  const { t, fmt } = useT();
  const editing = useNoteDraftsStore((s) => note.id in s.edits);
  const setEdit = useNoteDraftsStore((s) => s.setEdit);
  const [mode, setMode] = useState<Mode>('view');
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  /** Back from the editor or the confirmation, focus returns to the button that opened it. */
  const [focusBack, setFocusBack] = useState<'edit' | 'delete' | null>(null);
  const [editOpenedHere, setEditOpenedHere] = useState(false);
  const date = fmt.dateTime(note.createdAt);
  const mayChange = useMayChange(note.accountId, note.authorId);

  useEffect(() => {
    if (editing || mode !== 'view' || focusBack === null) return;
    (focusBack === 'edit' ? editRef : deleteRef).current?.focus();
    setFocusBack(null);
  }, [editing, mode, focusBack]);

  return (
    <>
      <div className="note-meta">
        <time className="note-date" dateTime={note.createdAt}>
          {date}
        </time>
        {note.updatedAt !== note.createdAt && <span className="note-edited">{t('notes.edited')}</span>}
        {!editing && mode === 'view' && mayChange && (
          <span className="note-tools">
            <button
              ref={editRef}
              type="button"
              className="button-link"
              aria-label={t('notes.editLabel', { date })}
              onClick={() => {
                setEditOpenedHere(true);
                setEdit(note.id, note.body);
              }}
            >
              {t('notes.edit')}
            </button>
            <button ref={deleteRef} type="button" className="button-link" aria-label={t('notes.deleteLabel', { date })} onClick={() => setMode('confirmDelete')}>
              {t('notes.delete')}
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <NoteEditor
          note={note}
          label={t('notes.editBox', { date })}
          focusOnOpen={editOpenedHere}
          announce={announce}
          onDone={() => setFocusBack('edit')}
        />
      ) : (
        <ErrorBoundary raw={note.body} resetKey={note.body}>
          <NoteBody markdown={note.body} />
        </ErrorBoundary>
      )}
      {!editing && mode === 'confirmDelete' && (
        <DeleteConfirmation
          onKeep={() => {
            setFocusBack('delete');
            setMode('view');
          }}
          onConfirm={async () => {
            // Found before the item leaves the list: the note below it, else the one above.
            const item = itemRef.current;
            const neighbour = (item?.nextElementSibling ?? item?.previousElementSibling ?? null) as HTMLElement | null;
            await deleteNote(note);
            announce(t('notes.deleted'));
            onDeleted(neighbour);
          }}
        />
      )}
    </>
  );
}

/** One note in the list; anything failing to render inside it stays inside it, with the raw text shown. */
export const NoteItem = memo(function NoteItem(props: NoteItemProps) {
  const itemRef = useRef<HTMLLIElement>(null);
  return (
    <li ref={itemRef} className="note" data-note-id={props.note.id} tabIndex={-1}>
      <ErrorBoundary raw={props.note.body} resetKey={props.note}>
        <NoteContent {...props} itemRef={itemRef} />
      </ErrorBoundary>
    </li>
  );
});
