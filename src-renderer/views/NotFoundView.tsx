import { Link } from 'wouter';
import { useT } from '../i18n/use-t';
import { PATHS } from '../routes/paths';

/** A link that names no place of the app (an old bookmark, a typo). */
export function NotFoundView() {
  const { t } = useT();
  return (
    <div className="state state-empty">
      <p>{t('route.notFound')}</p>
      <Link href={PATHS.today}>{t('route.home')}</Link>
    </div>
  );
}
