import type { Contact } from '../../src-shared/domain/entities';
import { useT } from '../i18n/use-t';

/** Contacts: champions first-class, certification level, departed people kept but muted. */
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
              {c.certificationLevel > 0 && <span className="badge badge-cert">{t('contacts.certified', { level: c.certificationLevel })}</span>}
              {c.departedAt && <span className="contact-departed">{t('contacts.departed', { date: fmt.date(c.departedAt) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
