import { useEffect, useId, useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { fuzzyFilter } from '../../src-shared/search/fuzzy-match';
import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { invoke, toIpcError } from '../api/api-client';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { afterWrite, useAccountDetail } from '../queries/account-query';
import { usePortfolio } from '../queries/portfolio-query';
import { useOverlayStore } from '../stores/overlay-store';
import { useModalDialog } from './useModalDialog';

const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
const PICK_LIMIT = 6;

/** Types a few letters of an account's name and picks it from the best matches. */
function AccountPicker({ onPick }: { onPick: (accountId: string) => void }) {
  const { t } = useT();
  const { data } = usePortfolio();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  const matches = query.trim() ? fuzzyFilter((data?.rows ?? []).filter((r) => r.status === 'active'), query, (r) => r.name, PICK_LIMIT) : [];
  return (
    <div className="account-picker">
      <label htmlFor={inputId} className="note-label">
        {t('quickNote.account')}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={`${inputId}-list`}
        aria-activedescendant={matches[active] ? `${inputId}-${matches[active].id}` : undefined}
        value={query}
        maxLength={200}
        data-autofocus
        placeholder={t('quickNote.accountPlaceholder')}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter' && matches[active]) onPick(matches[active].id);
          else return;
          e.preventDefault();
        }}
      />
      <ul id={`${inputId}-list`} role="listbox" className="palette-list" aria-label={t('quickNote.account')}>
        {matches.map((row, index) => (
          <li key={row.id} id={`${inputId}-${row.id}`} role="option" aria-selected={index === active} className={index === active ? 'palette-item is-active' : 'palette-item'} onClick={() => onPick(row.id)}>
            {row.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The note of a call, from anywhere: account, optional touchpoint (marked done with how it went),
 * markdown body and a next step that plans a touchpoint. Saved to the local store at once.
 */
function QuickNoteForm({ accountId, onChangeAccount }: { accountId: string; onChangeAccount: () => void }) {
  const { t, locale } = useT();
  const close = useOverlayStore((s) => s.closeQuickNote);
  const { data: detail } = useAccountDetail(accountId);
  const [touchpointId, setTouchpointId] = useState('');
  const [markDone, setMarkDone] = useState(true);
  const [sentiment, setSentiment] = useState<(typeof SENTIMENTS)[number] | ''>('');
  const [body, setBody] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextDay, setNextDay] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { tp: useId(), body: useId(), next: useId(), day: useId() };
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => bodyRef.current?.focus(), []);
  // One id per note for the life of the form: a retry after a lost answer stores it once.
  const [noteId] = useState(() => uuidv7());
  const [nextId] = useState(() => uuidv7());

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await invoke('notes.add', { id: noteId, accountId, body, ...(touchpointId ? { touchpointId } : {}) });
      if (touchpointId && markDone) {
        const planned = detail?.upcomingTouchpoints.some((tp) => tp.id === touchpointId);
        if (planned) await invoke('touchpoints.complete', { touchpointId, ...(sentiment ? { sentiment } : {}) });
      }
      if (nextStep.trim() && nextDay) await invoke('touchpoints.create', { id: nextId, accountId, kind: 'call', title: nextStep, dueAt: nextDay });
      await afterWrite([accountId]);
      close();
    } catch (caught) {
      setError(errorText(toIpcError(caught), t));
    } finally {
      setSaving(false);
    }
  };
  const nextIncomplete = (nextStep.trim() === '') !== (nextDay === '');

  return (
    <form
      className="quick-note-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          if (body.trim() && !nextIncomplete && !saving) void save();
        }
      }}
    >
      <p className="quick-note-account">
        <strong>{detail?.account.name ?? '…'}</strong>{' '}
        <button type="button" className="button-link" onClick={onChangeAccount}>
          {t('quickNote.changeAccount')}
        </button>
      </p>
      <div className="form-row">
        <label htmlFor={ids.tp}>{t('quickNote.touchpoint')}</label>
        <select id={ids.tp} value={touchpointId} onChange={(e) => setTouchpointId(e.target.value)}>
          <option value="">{t('quickNote.noTouchpoint')}</option>
          {(detail?.upcomingTouchpoints ?? []).map((tp) => (
            <option key={tp.id} value={tp.id}>
              {displayTitle(tp.title, locale)} · {tp.dueAt.slice(0, 10)}
            </option>
          ))}
        </select>
        {touchpointId && (
          <label>
            <input type="checkbox" checked={markDone} onChange={(e) => setMarkDone(e.target.checked)} /> {t('quickNote.markDone')}
          </label>
        )}
      </div>
      {touchpointId && markDone && (
        <fieldset className="sentiment-choice">
          <legend>{t('touchpoints.sentiment')}</legend>
          {SENTIMENTS.map((s) => (
            <label key={s}>
              <input type="radio" name="quick-note-sentiment" value={s} checked={sentiment === s} onChange={() => setSentiment(s)} />
              {t(`sentiment.${s}`)}
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={ids.body} className="note-label">
        {t('quickNote.body')}
      </label>
      <textarea ref={bodyRef} id={ids.body} rows={6} maxLength={100_000} value={body} onChange={(e) => setBody(e.target.value)} data-autofocus placeholder={t('notes.placeholder')} />
      <div className="form-row">
        <label htmlFor={ids.next}>{t('quickNote.nextStep')}</label>
        <input id={ids.next} type="text" maxLength={500} value={nextStep} onChange={(e) => setNextStep(e.target.value)} placeholder={t('quickNote.nextStepPlaceholder')} />
        <label htmlFor={ids.day}>{t('touchpoints.due')}</label>
        <input id={ids.day} type="date" value={nextDay} onChange={(e) => setNextDay(e.target.value)} />
      </div>
      {nextIncomplete && <p className="muted small">{t('quickNote.nextStepBoth')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {t('quickNote.notSaved', { message: error })}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={saving || body.trim() === '' || nextIncomplete}>
          {saving ? t('touchpoints.marking') : t('quickNote.save')}
        </button>
        <button type="button" className="button-secondary" onClick={close}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The quick-note dialog (the N key or the command palette, from any screen). */
export function QuickNoteDialog({ initialAccountId }: { initialAccountId: string | null }) {
  const { t } = useT();
  const ref = useModalDialog();
  const close = useOverlayStore((s) => s.closeQuickNote);
  const [accountId, setAccountId] = useState(initialAccountId);
  return (
    <dialog
      ref={ref}
      className="quick-note"
      aria-labelledby="quick-note-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id="quick-note-title" className="quick-note-title">
        {t('quickNote.title')}
      </h2>
      {accountId ? <QuickNoteForm key={accountId} accountId={accountId} onChangeAccount={() => setAccountId(null)} /> : <AccountPicker onPick={setAccountId} />}
    </dialog>
  );
}
