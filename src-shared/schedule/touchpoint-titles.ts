import { FOCUS_LABELS, SUBJECT_LABELS, UPSELL_OFFER_LABELS, type CheckInFocusKey, type OnboardingSubjectKey, type ScheduleLocale, type UpsellOffer } from './labels';

/**
 * A touchpoint the engine plans is stored with a title reference, not English text ("@checkIn:7"),
 * so each device shows it in its user's language; a title a CSM typed is stored as typed.
 */
export type TitleRef =
  | { key: 'checkIn'; days: number }
  | { key: 'qbr'; quarter: string }
  | { key: 'renewalPrep' }
  | { key: 'renewalCall' }
  | { key: 'onboardingEmail'; subject: OnboardingSubjectKey }
  | { key: 'setupSession'; minutes: number | null }
  | { key: 'onboardingCheckIn'; focus: CheckInFocusKey }
  | { key: 'upsell'; offer: UpsellOffer };

/** The stored form of a generated title: '@' + key, then its value after ':' when it has one. */
export function storedTitle(ref: TitleRef): string {
  switch (ref.key) {
    case 'checkIn':
      return `@checkIn:${ref.days}`;
    case 'qbr':
      return `@qbr:${ref.quarter}`;
    case 'renewalPrep':
    case 'renewalCall':
      return `@${ref.key}`;
    case 'onboardingEmail':
      return `@onboardingEmail:${ref.subject}`;
    case 'setupSession':
      return ref.minutes === null ? '@setupSession' : `@setupSession:${ref.minutes}`;
    case 'onboardingCheckIn':
      return `@onboardingCheckIn:${ref.focus}`;
    case 'upsell':
      return `@upsell:${ref.offer}`;
  }
}

const has = <T extends string>(table: Readonly<Record<T, unknown>>, key: string): key is T => Object.hasOwn(table, key);

/** The reference a stored title holds, or null for a title a person typed (or one this version does not know). */
export function parseStoredTitle(title: string): TitleRef | null {
  const match = /^@([a-zA-Z]+)(?::(.+))?$/.exec(title);
  if (!match) return null;
  const [, key, value = ''] = match;
  switch (key) {
    case 'checkIn': {
      const days = Number(value);
      return Number.isInteger(days) && days > 0 && days < 10_000 ? { key, days } : null;
    }
    case 'qbr':
      return /^\d{4}-Q[1-4]$/.test(value) ? { key, quarter: value } : null;
    case 'renewalPrep':
    case 'renewalCall':
      return value === '' ? { key } : null;
    case 'onboardingEmail':
      return has(SUBJECT_LABELS, value) ? { key, subject: value } : null;
    case 'setupSession': {
      if (value === '') return { key, minutes: null };
      const minutes = Number(value);
      return Number.isInteger(minutes) && minutes > 0 && minutes < 1_000 ? { key, minutes } : null;
    }
    case 'onboardingCheckIn':
      return has(FOCUS_LABELS, value) ? { key, focus: value } : null;
    case 'upsell':
      return has(UPSELL_OFFER_LABELS, value) ? { key, offer: value } : null;
    default:
      return null;
  }
}

const CHECK_IN_NAMES: Readonly<Record<ScheduleLocale, Readonly<Record<number, string>>>> = {
  en: { 7: 'Weekly check-in', 14: 'Biweekly check-in', 30: 'Monthly check-in', 91: 'Quarterly check-in' },
  es: { 7: 'Seguimiento semanal', 14: 'Seguimiento quincenal', 30: 'Seguimiento mensual', 91: 'Seguimiento trimestral' },
};

const TEXT: Readonly<Record<ScheduleLocale, { everyDays: (d: number) => string; qbr: (q: string, y: string) => string; renewalPrep: string; renewalCall: string; setup: (m: number | null) => string; onboardingCheckIn: (f: string) => string; upsell: (o: string) => string }>> = {
  en: {
    everyDays: (d) => `Check-in (every ${d} days)`,
    qbr: (q, y) => `${q} ${y} business review`,
    renewalPrep: 'Renewal prep',
    renewalCall: 'Renewal call',
    setup: (m) => (m === null ? 'Setup session' : `Setup session (${m} min)`),
    onboardingCheckIn: (f) => `Onboarding check-in: ${f}`,
    upsell: (o) => `Upsell review: ${o}`,
  },
  es: {
    everyDays: (d) => `Seguimiento (cada ${d} días)`,
    qbr: (q, y) => `Revisión de negocio ${q} ${y}`,
    renewalPrep: 'Preparación de la renovación',
    renewalCall: 'Llamada de renovación',
    setup: (m) => (m === null ? 'Sesión de configuración' : `Sesión de configuración (${m} min)`),
    onboardingCheckIn: (f) => `Seguimiento de incorporación: ${f}`,
    upsell: (o) => `Revisión de ampliación: ${o}`,
  },
};

/** A generated title in a language. */
export function titleText(ref: TitleRef, locale: ScheduleLocale): string {
  const text = TEXT[locale];
  switch (ref.key) {
    case 'checkIn':
      return CHECK_IN_NAMES[locale][ref.days] ?? text.everyDays(ref.days);
    case 'qbr': {
      const [year = '', quarter = ''] = ref.quarter.split('-');
      return text.qbr(quarter, year);
    }
    case 'renewalPrep':
      return text.renewalPrep;
    case 'renewalCall':
      return text.renewalCall;
    case 'onboardingEmail':
      return SUBJECT_LABELS[ref.subject][locale];
    case 'setupSession':
      return text.setup(ref.minutes);
    case 'onboardingCheckIn':
      return text.onboardingCheckIn(FOCUS_LABELS[ref.focus][locale]);
    case 'upsell':
      return text.upsell(UPSELL_OFFER_LABELS[ref.offer][locale]);
  }
}

/** What to show for a stored title: a generated one in the user's language, a typed one as typed. */
export function displayTitle(title: string, locale: ScheduleLocale): string {
  const ref = parseStoredTitle(title);
  return ref ? titleText(ref, locale) : title;
}
