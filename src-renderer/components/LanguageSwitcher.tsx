import { LOCALES, useLocaleStore } from '../i18n/locale-store';
import { useT } from '../i18n/use-t';

/** Two toggle buttons, each language named in itself (English / Español). */
export function LanguageSwitcher() {
  const { t, locale } = useT();
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <div className="lang-switcher" role="group" aria-label={t('language.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          className={option === locale ? 'lang-button is-active' : 'lang-button'}
          onClick={() => setLocale(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}
