import type { ReactNode } from 'react';
import type { Escalation } from '../../src-shared/domain/entities';
import { ESCALATION_LEVELS, escalationAge, type EscalationLevel } from '../../src-shared/scoring/escalation';
import { ESCALATION_ROLE_LABELS } from '../../src-shared/scoring/labels';
import type { RiskBand } from '../../src-shared/scoring/types';
import { useT, type I18n } from '../i18n/use-t';

/** "respond within 24 h", or "respond immediately" for the high band. */
export function responseText({ t }: I18n, hours: number): string {
  return hours === 0 ? t('today.respondNow') : t('today.respondWithin', { hours });
}

/** "Open 5 h" / "Open 3 days": an open escalation's age. */
export function ageText({ t, fmt }: I18n, hours: number): string {
  if (hours < 24) return t('escalations.age.hours', { n: fmt.number(hours) });
  const days = Math.floor(hours / 24);
  return t('escalations.age.days', { n: days });
}

export interface EscalationsSectionProps {
  /** Open ones are aged; resolved ones show when they were resolved. */
  escalations: Escalation[];
  /** The account's risk band: its response time decides when an escalation is late. */
  band: RiskBand;
  /** The moment main scored the account: ages are measured at it, like everything else in the panel. */
  asOf: Date;
  /** Shown under each escalation: its actions and history (the account page passes them). */
  renderExtra?: (escalation: Escalation) => ReactNode;
  /** Above the list: the form that opens a new escalation. */
  header?: ReactNode;
}

/** Escalations with their level, the role that owns it, the reason and how long an open one has been open. */
export function EscalationsSection({ escalations, band, asOf, renderExtra, header }: EscalationsSectionProps) {
  const i18n = useT();
  const { t, fmt, locale } = i18n;
  return (
    <section className="panel-section" aria-labelledby="panel-escalations-title">
      <h3 id="panel-escalations-title">{t('escalations.title')}</h3>
      {header}
      {escalations.length === 0 ? (
        <p className="muted">{t('escalation.none')}</p>
      ) : (
        <ul className="escalation-list">
          {escalations.map((e) => {
            const info = ESCALATION_LEVELS[e.level as EscalationLevel];
            const { hours, overdue: late } = escalationAge(new Date(e.openedAt), asOf, band);
            const open = e.status === 'open';
            return (
              <li key={e.id} className={open ? 'escalation' : 'escalation is-resolved'} data-escalation-id={e.id}>
                <span className="esc">{t('escalation.levelLong', { level: e.level, role: ESCALATION_ROLE_LABELS[locale][info.role] })}</span>
                <span className={`badge severity-${e.severity === 'critical' ? 'high' : e.severity}`}>{t(`escalation.severity.${e.severity}`)}</span>
                <span className="escalation-reason">{e.reason}</span>
                {open ? (
                  <span className={late ? 'escalation-age is-late' : 'escalation-age'} title={t('escalations.opened', { date: fmt.date(e.openedAt) })}>
                    {ageText(i18n, hours)}
                    {late && ` · ${t('escalations.late')}`}
                  </span>
                ) : (
                  <span className="escalation-age">{t('escalation.resolvedOn', { date: fmt.date(e.resolvedAt ?? e.openedAt) })}</span>
                )}
                {renderExtra?.(e)}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
