import { Link, useLocation } from 'wouter';
import { useT } from '../i18n/use-t';
import { MAIN_PLACES } from '../routes/paths';
import type { MessageKey } from '../../src-shared/i18n/messages-en';

function NavLink({ path, label }: { path: string; label: MessageKey }) {
  const { t } = useT();
  const [location] = useLocation();
  // A place's own pages count as it (#/dashboards/team is under Dashboards); Today is '/' alone.
  const active = location === path || (path !== '/' && location.startsWith(`${path}/`));
  return (
    <Link href={path} className={active ? 'nav-link is-active' : 'nav-link'} aria-current={active ? 'page' : undefined}>
      {t(label)}
    </Link>
  );
}

/** The app's main places, one click (or Tab and Enter) away from anywhere. */
export function AppNav() {
  const { t } = useT();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      {MAIN_PLACES.map((place) => (
        <NavLink key={place.path} {...place} />
      ))}
    </nav>
  );
}
