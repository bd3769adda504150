import { useMemo } from 'react';
import type { Locale } from '../../src-shared/scoring/labels';
import { formatters, type Formatters } from '../../src-shared/i18n/format';
import { useLocaleStore } from './locale-store';
import { translator, type Translate } from '../../src-shared/i18n/translate';

export interface I18n {
  locale: Locale;
  t: Translate;
  fmt: Formatters;
}

/** The current locale's translate function and formatters; re-renders when the locale changes. */
export function useT(): I18n {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(() => ({ locale, t: translator(locale), fmt: formatters(locale) }), [locale]);
}
