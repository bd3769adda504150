import { MS_PER_DAY, addUtcDays, utcDaysBetween } from '../schedule/utc-date';

/**
 * The demo counts days as whole UTC days since the Unix epoch: plain integers are cheap to step and
 * compare while a book's history is drawn week by week. These convert to and from engine dates.
 */

const EPOCH = new Date(0);

/** The day number of `date`'s UTC calendar day. */
export function dayOf(date: Date): number {
  return utcDaysBetween(EPOCH, date);
}

/** 00:00Z of a day number. */
export function dateOf(day: number): Date {
  return addUtcDays(EPOCH, day);
}

/** YYYY-MM-DD of a day number. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO timestamp `minutes` into a day number. */
export function isoAt(day: number, minutes = 0): string {
  return new Date(day * MS_PER_DAY + minutes * 60_000).toISOString();
}
