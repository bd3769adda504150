import { describe, expect, it } from 'vitest';
import { MESSAGES_EN } from '../../../src-shared/i18n/messages-en';
import { MESSAGES_ES } from '../../../src-shared/i18n/messages-es';
import { IntlMessageFormat } from 'intl-messageformat';
import { translator } from '../../../src-shared/i18n/translate';
import { localeFromLanguageTag } from '../../../src-renderer/i18n/locale-store';
import { formatters } from '../../../src-shared/i18n/format';

/** The ICU arguments a message takes: `{name}` and `{n, plural, …}` alike. */
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1] ?? ''))].sort();

describe('message catalogs', () => {
  it('en and es have exactly the same keys', () => {
    expect(Object.keys(MESSAGES_ES).sort()).toEqual(Object.keys(MESSAGES_EN).sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(MESSAGES_EN) as (keyof typeof MESSAGES_EN)[]) {
      expect(MESSAGES_EN[key].trim(), key).not.toBe('');
      expect(MESSAGES_ES[key].trim(), key).not.toBe('');
      expect(placeholders(MESSAGES_ES[key]), key).toEqual(placeholders(MESSAGES_EN[key]));
    }
  });
});

describe('translate', () => {
  it('every message is valid ICU in both languages and formats with its arguments filled', () => {
    for (const [locale, catalog] of [['en', MESSAGES_EN], ['es', MESSAGES_ES]] as const) {
      const t = translator(locale);
      for (const key of Object.keys(catalog) as (keyof typeof MESSAGES_EN)[]) {
        expect(() => new IntlMessageFormat(catalog[key], locale), `${locale} ${key}`).not.toThrow();
        const vars = Object.fromEntries(placeholders(catalog[key]).map((name) => [name, 2]));
        expect(t(key, vars), `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('fills placeholders; a missing value shows the message rather than breaking the screen', () => {
    expect(translator('es')('column.health')).toBe('Salud');
    expect(translator('en')('sort.hint', { column: 'Health' })).toBe('Sort by Health');
    expect(translator('en')('sort.hint')).toBe('Sort by {column}');
  });

  it('pluralises counts per locale, with the locale\'s digits', () => {
    const en = translator('en');
    const es = translator('es');
    expect(en('portfolio.accounts', { n: 1 })).toBe('1 account');
    expect(en('portfolio.accounts', { n: 5000 })).toBe('5,000 accounts');
    expect(es('portfolio.accounts', { n: 1 })).toBe('1 cuenta');
    expect(es('portfolio.accounts', { n: 150 })).toBe('150 cuentas');
    expect(en('escalations.age.days', { n: 1 })).toBe('Open 1 day');
    expect(es('escalations.age.days', { n: 12 })).toBe('Abierta hace 12 días');
    expect(en('team.unsynced', { n: 1 })).toBe('1 change has not reached the team server yet.');
    expect(es('team.unsynced', { n: 3 })).toBe('3 cambios aún no han llegado al servidor del equipo.');
  });
});

describe('locale detection', () => {
  it.each([
    ['es', 'es'],
    ['es-MX', 'es'],
    ['ES_es', 'es'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['est', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (tag, expected) => {
    expect(localeFromLanguageTag(tag)).toBe(expected);
  });
});

describe('formatters', () => {
  it('shows ARR as whole US dollars', () => {
    expect(formatters('en').currency(254_200.4)).toBe('$254,200');
    expect(formatters('es').currency(254_200)).toMatch(/^254\.200\s?US\$$/);
  });

  it('shows a bare calendar day as that day regardless of time zone', () => {
    expect(formatters('en').date('2027-06-03')).toBe('Jun 3, 2027');
    expect(formatters('es').date('2027-06-03')).toBe('3 jun 2027');
  });

  it('returns unparseable dates unchanged', () => {
    expect(formatters('en').date('soon')).toBe('soon');
    expect(formatters('en').dateTime('soon')).toBe('soon');
  });

  it('shows a moment with its local time of day (several notes can share a day)', () => {
    expect(formatters('en').dateTime('2027-06-03T12:00:00Z')).toMatch(/^Jun \d, 2027, \d{1,2}:\d{2}\s?[AP]M$/);
    expect(formatters('es').dateTime('2027-06-03T12:00:00Z')).toMatch(/^\d jun 2027, \d{1,2}:\d{2}$/);
  });
});
