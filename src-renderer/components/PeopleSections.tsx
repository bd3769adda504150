import type { Contact, Escalation } from '../../src-shared/domain/entities';
import { ESCALATION_LEVELS, escalationAge, type EscalationLevel } from '../../src-shared/scoring/escalation';
import { ESCALATION_ROLE_LABELS } from '../../src-shared/scoring/labels';
import type { RiskBand } from '../../src-shared/scoring/types';
import { useT, type I18n } from '../i18n/use-t';

/** Contacts: champions first-class, departed people kept but muted. */
export function ContactsSection({ contacts }: { contacts: Contact[] }) {
  const { t, fmt } = useT();
  return (
    <section className="panel-section" aria-labelledby="panel-contacts-title">
      <h3 id="panel-contacts-title">{t('contacts.title')}</h3>
      {contacts.length === 0 ? (
        <p className="muted">{t('contacts.empty')}</p>
      ) : (
        <ul className="contact-list">
          {contacts.map((c) => (
            <li key={c.id} className={c.departedAt ? 'contact is-departed' : 'contact'}>
              <span className="contact-name">{c.name}</span>
              {c.isChampion && <span className="badge badge-champion">{t('contacts.champion')}</span>}
              {c.role && <span className="contact-role">{c.role}</span>}
              {c.email && <span className="contact-email">{c.email}</span>}
              {c.departedAt && <span className="contact-departed">{t('contacts.departed', { date: fmt.date(c.departedAt) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Open 5 h" / "Open 3 days": an open escalation's age. */
export function ageText({ t, fmt }: I18n, hours: number): string {
  if (hours < 24) return t('escalations.age.hours', { n: fmt.number(hours) });
  const days = Math.floor(hours / 24);
  return t('escalations.age.days', { n: days });
}

export interface EscalationsSectionProps {
  escalations: Escalation[];
  /** The account's risk band: its response time decides when an escalation is late. */
  band: RiskBand;
  /** The moment main scored the account: ages are measured at it, like everything else in the panel. */
  asOf: Date;
}

/** Open escalations with their level, the role that owns it, the reason and how long it has been open. */
export function EscalationsSection({ escalations, band, asOf }: EscalationsSectionProps) {
  const i18n = useT();
  const { t, fmt, locale } = i18n;
  return (
    <section className="panel-section" aria-labelledby="panel-escalations-title">
      <h3 id="panel-escalations-title">{t('escalations.title')}</h3>
      {escalations.length === 0 ? (
        <p className="muted">{t('escalation.none')}</p>
      ) : (
        <ul className="escalation-list">
          {escalations.map((e) => {
            const info = ESCALATION_LEVELS[e.level as EscalationLevel];
            const { hours, overdue: late } = escalationAge(new Date(e.openedAt), asOf, band);
            return (
              <li key={e.id} className="escalation">
                <span className="esc">{t('escalation.levelLong', { level: e.level, role: ESCALATION_ROLE_LABELS[locale][info.role] })}</span>
                <span className="escalation-reason">{e.reason}</span>
                <span className={late ? 'escalation-age is-late' : 'escalation-age'} title={t('escalations.opened', { date: fmt.date(e.openedAt) })}>
                  {ageText(i18n, hours)}
                  {late && ` · ${t('escalations.late')}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
