import { Link, useRoute } from 'wouter';
import { useT } from '../i18n/use-t';
import { PATHS } from '../routes/paths';
import type { MessageKey } from '../../src-shared/i18n/messages-en';

const PLACES: ReadonlyArray<{ path: string; label: MessageKey }> = [
  { path: PATHS.today, label: 'nav.today' },
  { path: PATHS.portfolio, label: 'nav.portfolio' },
  { path: PATHS.agenda, label: 'nav.agenda' },
  { path: PATHS.escalations, label: 'nav.escalations' },
  { path: PATHS.search, label: 'nav.search' },
];

function NavLink({ path, label }: { path: string; label: MessageKey }) {
  const { t } = useT();
  const [active] = useRoute(path);
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
      {PLACES.map((place) => (
        <NavLink key={place.path} {...place} />
      ))}
    </nav>
  );
}
