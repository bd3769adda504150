import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../scoring/labels';
import { MESSAGES_EN, type Catalog, type MessageKey } from './messages-en';
import { MESSAGES_ES } from './messages-es';

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en: MESSAGES_EN, es: MESSAGES_ES };

export type MessageVars = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

const compiled = new Map<string, IntlMessageFormat>();

/** The compiled ICU message of a key in a locale, parsed once (rendering a table formats thousands). */
function messageFormat(locale: Locale, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(CATALOGS[locale][key], locale);
    compiled.set(cacheKey, format);
  }
  return format;
}

/**
 * The translate function of a locale: ICU MessageFormat, so counts take the locale's plural forms
 * and numbers its digits (`{n, plural, one {# account} other {# accounts}}`). A message missing a
 * value shows its own text rather than breaking the screen (the catalog test keeps that from shipping).
 */
export function translator(locale: Locale): Translate {
  return (key, vars) => {
    try {
      return String(messageFormat(locale, key).format(vars));
    } catch {
      return CATALOGS[locale][key];
    }
  };
}
