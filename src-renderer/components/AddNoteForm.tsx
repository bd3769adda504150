import { useId, useState, type FormEvent } from 'react';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import { toIpcError } from '../api/api-client';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { saveNewNote } from '../stores/note-actions';
import { useNoteDraftsStore } from '../stores/note-drafts-store';

/**
 * Add-note form. The text and the id of an unconfirmed save live in the drafts store (kept across
 * reloads), so a failed or unanswered save loses nothing and a retry never stores a second copy.
 */
export function AddNoteForm({ accountId, announce }: { accountId: string; announce: (message: string) => void }) {
  const { t } = useT();
  const draft = useNoteDraftsStore((s) => s.drafts[accountId]);
  const setDraft = useNoteDraftsStore((s) => s.setDraft);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const inputId = useId();
  const messageId = useId();
  const text = draft?.text ?? '';
  const pending = draft?.pendingId != null && !saving;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || text.trim() === '') return;
    setSaving(true);
    setError(null);
    try {
      await saveNewNote(accountId);
      announce(t('notes.saved'));
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
        value={text}
        placeholder={t('notes.placeholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || pending ? messageId : undefined}
        onChange={(e) => setDraft(accountId, e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
      />
      <div className="note-actions">
        {error ? (
          <p id={messageId} className="form-error" role="alert" title={error.message}>
            {t('notes.error.save', { message: errorText(error, t) })}
          </p>
        ) : (
          pending && (
            <p id={messageId} className="muted small note-pending">
              {t('notes.pendingRetry')}
            </p>
          )
        )}
        <span className="muted small note-hint">{t('notes.hint')}</span>
        <button type="submit" className="button-primary" disabled={saving || text.trim() === ''}>
          {saving ? t('notes.saving') : t('notes.save')}
        </button>
      </div>
    </form>
  );
}
