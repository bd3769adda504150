import type { Locale } from '../../src-shared/scoring/labels';
import { MESSAGES_EN, type Catalog, type MessageKey } from './messages-en';
import { MESSAGES_ES } from './messages-es';

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en: MESSAGES_EN, es: MESSAGES_ES };

export type MessageVars = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** Fills "{name}" placeholders; an unknown placeholder is left visible so it gets noticed. */
export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, vars) => interpolate(catalog[key], vars);
}

/** "{n} accounts" with the locale's plural rule; n is formatted for the locale. */
export function accountCount(locale: Locale, n: number): string {
  const form = new Intl.PluralRules(locale).select(n) === 'one' ? 'portfolio.accounts.one' : 'portfolio.accounts.other';
  return interpolate(CATALOGS[locale][form], { n: new Intl.NumberFormat(locale).format(n) });
}
