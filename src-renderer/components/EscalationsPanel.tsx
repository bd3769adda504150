import { useId, useState } from 'react';
import type { Escalation } from '../../src-shared/domain/entities';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../src-shared/scoring/escalation';
import { ESCALATION_ROLE_LABELS } from '../../src-shared/scoring/labels';
import type { RiskBand } from '../../src-shared/scoring/types';
import { useT } from '../i18n/use-t';
import { useEscalationWrite, type EscalationWrite } from '../queries/escalation-mutations';
import { useOperation } from '../queries/query-client';
import { useMayChange } from '../stores/use-may-change';
import { EscalationsSection } from './EscalationsSection';
import { InlineForm } from './InlineForm';

const LEVELS = [1, 2, 3, 4, 5] as const;
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
type Action = 'raise' | 'lower' | 'resolve';

/** The form that asks why (DESIGN §4.6 keeps the why of every change) before a change is made. */
function WhyForm({ label, submit, onDone, children }: { label: string; submit: (why: string) => EscalationWrite; onDone: () => void; children?: React.ReactNode }) {
  const { t } = useT();
  const write = useEscalationWrite();
  const [why, setWhy] = useState('');
  const whyId = useId();
  return (
    <InlineForm
      submitLabel={label}
      onSubmit={() => write.mutate(submit(why), { onSuccess: onDone })}
      onCancel={onDone}
      pending={write.isPending}
      disabled={why.trim() === ''}
      error={write.error}
    >
      {children}
      <label htmlFor={whyId} className="note-label">
        {t('escalation.why')}
      </label>
      <textarea id={whyId} rows={2} value={why} maxLength={2000} onChange={(e) => setWhy(e.target.value)} autoFocus required />
    </InlineForm>
  );
}

function OpenForm({ accountId, onDone }: { accountId: string; onDone: () => void }) {
  const { t, locale } = useT();
  const [level, setLevel] = useState<EscalationLevel>(1);
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('medium');
  const levelId = useId();
  const severityId = useId();
  return (
    <WhyForm label={t('escalation.open')} onDone={onDone} submit={(why) => ({ kind: 'open', request: { accountId, level, severity, reason: why } })}>
      <div className="form-row">
        <label htmlFor={levelId}>{t('escalation.levelField')}</label>
        <select id={levelId} value={level} onChange={(e) => setLevel(Number(e.target.value) as EscalationLevel)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t('escalation.levelLong', { level: l, role: ESCALATION_ROLE_LABELS[locale][ESCALATION_LEVELS[l].role] })}
            </option>
          ))}
        </select>
        <label htmlFor={severityId}>{t('escalation.severityField')}</label>
        <select id={severityId} value={severity} onChange={(e) => setSeverity(e.target.value as (typeof SEVERITIES)[number])}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`escalation.severity.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </WhyForm>
  );
}

/** An open escalation's actions, and its history of level changes. */
function EscalationExtra({ escalation, events, mayChange }: { escalation: Escalation; events: History['events']; mayChange: boolean }) {
  const { t, fmt } = useT();
  const [action, setAction] = useState<Action | null>(null);
  const mine = events.filter((e) => e.escalationId === escalation.id);
  const target = action === 'raise' ? escalation.level + 1 : escalation.level - 1;
  return (
    <div className="escalation-extra">
      {escalation.status === 'open' && mayChange && action === null && (
        <div className="form-buttons">
          <button type="button" className="button-secondary button-small" disabled={escalation.level >= 5} onClick={() => setAction('raise')}>
            {t('escalation.raise')}
          </button>
          <button type="button" className="button-secondary button-small" disabled={escalation.level <= 1} onClick={() => setAction('lower')}>
            {t('escalation.lower')}
          </button>
          <button type="button" className="button-secondary button-small" onClick={() => setAction('resolve')}>
            {t('escalation.resolve')}
          </button>
        </div>
      )}
      {action !== null && (
        <WhyForm
          label={action === 'resolve' ? t('escalation.resolve') : t('escalation.moveTo', { level: target })}
          onDone={() => setAction(null)}
          submit={(why) =>
            action === 'resolve'
              ? { kind: 'resolve', request: { escalationId: escalation.id, why } }
              : { kind: 'change', request: { escalationId: escalation.id, toLevel: target, why } }
          }
        />
      )}
      {mine.length > 0 && (
        <details className="escalation-history">
          <summary>{t('escalation.history', { n: mine.length })}</summary>
          <ol>
            {mine.map((e) => (
              <li key={e.id}>
                <span className="muted">{fmt.dateTime(e.at)}</span>{' '}
                {e.fromLevel === null
                  ? t('escalation.event.opened', { to: e.toLevel })
                  : e.fromLevel === e.toLevel
                    ? t('escalation.event.resolved')
                    : t('escalation.event.moved', { from: e.fromLevel, to: e.toLevel })}
                {e.actorName && <span className="muted"> · {e.actorName}</span>} — {e.why}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

type History = { escalations: Escalation[]; events: Array<{ id: string; escalationId: string; at: string; fromLevel: number | null; toLevel: number; why: string; actorName: string | null }> };

/** The account's escalations with their history, and the actions to open, raise, lower and resolve them. */
export function EscalationsPanel({ accountId, band, asOf, fallback }: { accountId: string; band: RiskBand; asOf: Date; fallback: Escalation[] }) {
  const { t } = useT();
  const { data } = useOperation('escalations.ofAccount', { accountId }, accountId);
  const mayChange = useMayChange(accountId, null);
  const [opening, setOpening] = useState(false);
  const header = opening ? (
    <OpenForm accountId={accountId} onDone={() => setOpening(false)} />
  ) : (
    <button type="button" className="button-secondary button-small section-action" onClick={() => setOpening(true)}>
      {t('escalation.openButton')}
    </button>
  );
  return (
    <EscalationsSection
      escalations={data?.escalations ?? fallback}
      band={band}
      asOf={asOf}
      header={header}
      renderExtra={(escalation) => <EscalationExtra escalation={escalation} events={data?.events ?? []} mayChange={mayChange} />}
    />
  );
}
