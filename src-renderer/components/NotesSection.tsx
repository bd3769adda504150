import { useId, useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import { toIpcError } from '../api/api-client';
import { errorText } from '../i18n/error-text';
import { useAccountStore } from '../stores/account-store';
import { NoteBody } from './NoteBody';

/** Add-note form: the typed text survives a failed save (and closing the panel) until it is stored. */
function AddNoteForm({ accountId }: { accountId: string }) {
  const { t } = useT();
  const draft = useAccountStore((s) => s.drafts[accountId] ?? '');
  const setDraft = useAccountStore((s) => s.setDraft);
  const addNote = useAccountStore((s) => s.addNote);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || draft.trim() === '') return;
    setSaving(true);
    setError(null);
    try {
      await addNote(accountId, draft); // clears the draft only once the note is stored
    } catch (err) {
      setError(toIpcError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="note-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId} className="note-label">
        {t('notes.add')}
      </label>
      <textarea
        id={inputId}
        className="note-input"
        rows={3}
        value={draft}
        placeholder={t('notes.placeholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft(accountId, e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
      />
      <div className="note-actions">
        {error && (
          <p id={errorId} className="form-error" role="alert" title={error.message}>
            {t('notes.error.save', { message: errorText(error, t) })}
          </p>
        )}
        <span className="muted small note-hint">{t('notes.hint')}</span>
        <button type="submit" className="button-primary" disabled={saving || draft.trim() === ''}>
          {saving ? t('notes.saving') : t('notes.save')}
        </button>
      </div>
    </form>
  );
}

/** Call notes, newest first, with the form to add one on top. */
export function NotesSection({ accountId }: { accountId: string }) {
  const { t, fmt } = useT();
  const notes = useAccountStore((s) => s.notes);
  const status = useAccountStore((s) => s.notesStatus);
  const error = useAccountStore((s) => s.notesError);
  return (
    <section className="panel-section" aria-labelledby="panel-notes-title">
      <h3 id="panel-notes-title">{t('notes.title')}</h3>
      <AddNoteForm accountId={accountId} />
      {status === 'loading' && <p className="muted" role="status">{t('notes.loading')}</p>}
      {status === 'error' && (
        <p className="form-error" role="alert" title={error?.message}>
          {t('notes.error.load', { message: error ? errorText(error, t) : '' })}
        </p>
      )}
      {status === 'ready' && notes.length === 0 && <p className="muted">{t('notes.empty')}</p>}
      {notes.length > 0 && (
        <ol className="note-list" aria-label={t('notes.title')}>
          {notes.map((note) => (
            <li key={note.id} className="note">
              <time className="note-date" dateTime={note.createdAt}>
                {fmt.date(note.createdAt)}
              </time>
              <NoteBody markdown={note.body} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
