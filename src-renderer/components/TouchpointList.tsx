import { useId, useState, type ReactNode } from 'react';
import type { Touchpoint } from '../../src-shared/domain/entities';
import { touchpointKindSchema } from '../../src-shared/domain/entities';
import { isOverdue } from '../../src-shared/schedule/work-queue';
import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { useT } from '../i18n/use-t';
import { useAccountDetail } from '../queries/account-query';
import { useTouchpointWrite, type TouchpointWrite } from '../queries/touchpoint-mutations';
import { useMayChange } from '../stores/use-may-change';
import { InlineForm } from './InlineForm';
import { TouchpointTitle } from './TouchpointTitle';

type Action = 'complete' | 'skip' | 'reschedule';
const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

/** Overdue = due before today and not done (DESIGN §4.4): the engine's rule, as in the table. */
function overdue(tp: Touchpoint, today: Date): boolean {
  return isOverdue({ dueAt: new Date(tp.dueAt), status: tp.status }, today);
}

/** An inline form for one touchpoint action; Escape or Cancel closes it without a change. */
function ActionForm({ submitLabel, onSubmit, onDone, children, disabled }: { submitLabel: string; onSubmit: () => TouchpointWrite; onDone: () => void; children: ReactNode; disabled?: boolean }) {
  const { t } = useT();
  const write = useTouchpointWrite();
  return (
    <InlineForm
      submitLabel={submitLabel}
      onSubmit={() => write.mutate(onSubmit(), { onSuccess: onDone })}
      onCancel={onDone}
      pending={write.isPending}
      disabled={disabled}
      error={write.error}
      describeError={(message) => t('touchpoints.error', { message })}
    >
      {children}
    </InlineForm>
  );
}

function CompleteForm({ touchpoint, onDone }: { touchpoint: Touchpoint; onDone: () => void }) {
  const { t } = useT();
  const [outcome, setOutcome] = useState('');
  const [sentiment, setSentiment] = useState<(typeof SENTIMENTS)[number] | ''>('');
  const outcomeId = useId();
  return (
    <ActionForm
      submitLabel={t('touchpoints.markDone')}
      onDone={onDone}
      onSubmit={() => ({
        kind: 'complete',
        request: { touchpointId: touchpoint.id, ...(outcome.trim() ? { outcome: outcome.trim() } : {}), ...(sentiment ? { sentiment } : {}) },
      })}
    >
      <label htmlFor={outcomeId} className="note-label">
        {t('touchpoints.outcome')}
      </label>
      <textarea id={outcomeId} rows={2} maxLength={2000} value={outcome} onChange={(e) => setOutcome(e.target.value)} autoFocus />
      <fieldset className="sentiment-choice">
        <legend>{t('touchpoints.sentiment')}</legend>
        {SENTIMENTS.map((s) => (
          <label key={s}>
            <input type="radio" name={`sentiment-${touchpoint.id}`} value={s} checked={sentiment === s} onChange={() => setSentiment(s)} />
            {t(`sentiment.${s}`)}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}

function SkipForm({ touchpoint, onDone }: { touchpoint: Touchpoint; onDone: () => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  return (
    <ActionForm submitLabel={t('touchpoints.skip')} onDone={onDone} disabled={reason.trim() === ''} onSubmit={() => ({ kind: 'skip', request: { touchpointId: touchpoint.id, reason } })}>
      <label htmlFor={reasonId} className="note-label">
        {t('touchpoints.skipReason')}
      </label>
      <input id={reasonId} type="text" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required />
    </ActionForm>
  );
}

function RescheduleForm({ touchpoint, onDone }: { touchpoint: Touchpoint; onDone: () => void }) {
  const { t } = useT();
  const [day, setDay] = useState(touchpoint.dueAt.slice(0, 10));
  const dayId = useId();
  return (
    <ActionForm submitLabel={t('touchpoints.reschedule')} onDone={onDone} disabled={!day} onSubmit={() => ({ kind: 'reschedule', request: { touchpointId: touchpoint.id, dueAt: day } })}>
      <label htmlFor={dayId} className="note-label">
        {t('touchpoints.newDate')}
      </label>
      <input id={dayId} type="date" value={day} onChange={(e) => setDay(e.target.value)} autoFocus required />
    </ActionForm>
  );
}

/** Plans a touchpoint by hand: kind, title, day and, when the CSM names one, the contact it is with. */
function PlanTouchpointForm({ accountId, onDone }: { accountId: string; onDone: () => void }) {
  const { t } = useT();
  const [kind, setKind] = useState<Touchpoint['kind']>('call');
  const [title, setTitle] = useState('');
  const [day, setDay] = useState('');
  const [contactId, setContactId] = useState('');
  const contacts = (useAccountDetail(accountId).data?.contacts ?? []).filter((c) => c.departedAt === null);
  const ids = { kind: useId(), title: useId(), day: useId(), contact: useId() };
  return (
    <ActionForm
      submitLabel={t('touchpoints.plan')}
      onDone={onDone}
      disabled={title.trim() === '' || !day}
      onSubmit={() => ({ kind: 'create', request: { accountId, kind, title, dueAt: day, contactId: contactId || null } })}
    >
      <div className="form-row">
        <label htmlFor={ids.kind}>{t('touchpoints.kind')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as Touchpoint['kind'])}>
          {touchpointKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {t(`touchpointKind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.day}>{t('touchpoints.due')}</label>
        <input id={ids.day} type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
        <label htmlFor={ids.contact}>{t('touchpoints.contact')}</label>
        <select id={ids.contact} value={contactId} onChange={(e) => setContactId(e.target.value)}>
          <option value="">{t('touchpoints.noContact')}</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.role ? `${c.name} (${c.role})` : c.name}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={ids.title} className="note-label">
        {t('touchpoints.titleField')}
      </label>
      <input id={ids.title} type="text" maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus required />
    </ActionForm>
  );
}

function TouchpointRow({ tp, today, mayChange }: { tp: Touchpoint; today: Date; mayChange: boolean }) {
  const { t, fmt, locale } = useT();
  const contact = useAccountDetail(tp.accountId).data?.contacts.find((c) => c.id === tp.contactId);
  const [action, setAction] = useState<Action | null>(null);
  const late = overdue(tp, today);
  const close = () => setAction(null);
  return (
    <li className="touchpoint" data-touchpoint-id={tp.id}>
      <div className="touchpoint-line">
        <span className="tp-kind">{t(`touchpointKind.${tp.kind}`)}</span>
        <TouchpointTitle className="tp-title" title={tp.title} />
        {contact && <span className="tp-contact">{t('touchpoints.with', { name: contact.name })}</span>}
        {tp.origin === 'upsell' && <span className="badge badge-held">{t('touchpoints.upsell')}</span>}
        <span className={late ? 'tp-due is-overdue' : 'tp-due'}>{fmt.date(tp.dueAt)}</span>
        {late && <span className="badge badge-overdue">{t('touchpoint.overdue')}</span>}
        {mayChange && action === null && (
          <span className="form-buttons">
            <button type="button" className="button-secondary button-small" aria-label={t('touchpoints.markDoneLabel', { title: displayTitle(tp.title, locale) })} onClick={() => setAction('complete')}>
              {t('touchpoints.markDone')}
            </button>
            <button type="button" className="button-link" onClick={() => setAction('skip')}>
              {t('touchpoints.skip')}
            </button>
            <button type="button" className="button-link" onClick={() => setAction('reschedule')}>
              {t('touchpoints.reschedule')}
            </button>
          </span>
        )}
      </div>
      {action === 'complete' && <CompleteForm touchpoint={tp} onDone={close} />}
      {action === 'skip' && <SkipForm touchpoint={tp} onDone={close} />}
      {action === 'reschedule' && <RescheduleForm touchpoint={tp} onDone={close} />}
    </li>
  );
}

/** The account's planned touchpoints, soonest first, each completed, skipped or moved in place. */
export function TouchpointList({ touchpoints, asOf, accountId }: { touchpoints: Touchpoint[]; asOf: Date; accountId: string }) {
  const { t } = useT();
  // A manager reads a report's touchpoints: they are the CSM's to complete.
  const mayChange = useMayChange(accountId, null);
  const [planning, setPlanning] = useState(false);
  return (
    <section className="panel-section" aria-labelledby="panel-touchpoints-title">
      <h3 id="panel-touchpoints-title">{t('touchpoints.title')}</h3>
      {mayChange &&
        (planning ? (
          <PlanTouchpointForm accountId={accountId} onDone={() => setPlanning(false)} />
        ) : (
          <button type="button" className="button-secondary button-small section-action" onClick={() => setPlanning(true)}>
            {t('touchpoints.planButton')}
          </button>
        ))}
      {touchpoints.length === 0 ? (
        <p className="muted">{t('touchpoint.none')}</p>
      ) : (
        <ul className="touchpoint-list" aria-label={t('touchpoints.title')}>
          {touchpoints.map((tp) => (
            <TouchpointRow key={tp.id} tp={tp} today={asOf} mayChange={mayChange} />
          ))}
        </ul>
      )}
    </section>
  );
}
