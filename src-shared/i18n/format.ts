import type { Locale } from '../scoring/labels';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface Formatters {
  number: (value: number) => string;
  /** Exactly one decimal ("6.0", "1.7"; "6,0" in Spanish): shares such as health points. */
  decimal1: (value: number) => string;
  /** A fraction as a percentage with at most one decimal (0.834 → "83.4%"; "83,4 %" in Spanish). */
  percent: (fraction: number) => string;
  /** ARR and other amounts: USD, whole dollars. */
  currency: (value: number) => string;
  /** Medium date; a bare calendar day ("2025-03-01") is shown as that day in every time zone. */
  date: (iso: string) => string;
  /** Short month and year of a calendar day ("Mar 26"), for chart axes. */
  month: (isoDay: string) => string;
  /** Day and short month of a calendar day ("Sep 7", "7 sept"), for week axes. */
  dayMonth: (isoDay: string) => string;
  /** Medium date and short local time, for moments several of which can fall on one day (notes). */
  dateTime: (iso: string) => string;
}

const cache = new Map<Locale, Formatters>();

/** Intl formatters for a locale, built once (constructing Intl objects per cell is slow). */
export function formatters(locale: Locale): Formatters {
  const cached = cache.get(locale);
  if (cached) return cached;
  const number = new Intl.NumberFormat(locale);
  const decimal1 = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const currency = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
  const localDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const calendarDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const localDateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const made: Formatters = {
    number: (value) => number.format(value),
    decimal1: (value) => decimal1.format(value),
    percent: (fraction) => percent.format(fraction),
    currency: (value) => currency.format(value),
    date: (iso) => {
      const dateOnly = DATE_ONLY.test(iso);
      const parsed = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
      if (Number.isNaN(parsed.getTime())) return iso;
      return (dateOnly ? calendarDay : localDate).format(parsed);
    },
    month: (isoDay) => {
      const parsed = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? isoDay : monthYear.format(parsed);
    },
    dayMonth: (isoDay) => {
      const parsed = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? isoDay : dayMonth.format(parsed);
    },
    dateTime: (iso) => {
      const parsed = new Date(iso);
      return Number.isNaN(parsed.getTime()) ? iso : localDateTime.format(parsed);
    },
  };
  cache.set(locale, made);
  return made;
}
