/**
 * UTC calendar-date arithmetic for the schedule and metrics engines.
 *
 * Why not date-fns `addDays`/`addMonths`/`getDay`: they read and write *local* time fields, so on
 * a machine in a DST zone a UTC-midnight date drifts by an hour across a DST change and lands on
 * the wrong UTC calendar day. Every schedule date here is a UTC calendar date (00:00:00.000Z),
 * built and read only through UTC fields, so results are identical on every machine's TZ.
 */

/** Milliseconds in a UTC calendar day (no leap seconds in JavaScript time). */
export const MS_PER_DAY = 86_400_000;

/** Builds a UTC date from possibly overflowing fields; setUTCFullYear avoids Date.UTC's 0-99 → 19xx quirk. */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

// UTC has no daylight saving, so a UTC day is always MS_PER_DAY long: whole-day steps are plain
// arithmetic on the time value (the engine takes these steps for every account on every recompute).

/** The UTC calendar day containing `date`, at 00:00Z. */
export function utcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / MS_PER_DAY) * MS_PER_DAY);
}

/** The UTC calendar day `days` after the day containing `date`. */
export function addUtcDays(date: Date, days: number): Date {
  if (!Number.isInteger(days)) throw new RangeError(`addUtcDays takes whole days, got ${days}`);
  return new Date((Math.floor(date.getTime() / MS_PER_DAY) + days) * MS_PER_DAY);
}

/** The UTC calendar day `months` later, clamped to the last day of a shorter month (Jan 31 + 1 → Feb 28/29). */
export function addUtcMonths(date: Date, months: number): Date {
  const target = utcDate(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  const lastDay = utcDate(target.getUTCFullYear(), target.getUTCMonth() + 1, 0).getUTCDate();
  return utcDate(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay));
}

/** 0 = Sunday … 6 = Saturday, of the UTC calendar day. */
export function utcWeekday(date: Date): number {
  return date.getUTCDay();
}

/** The UTC calendar day of `date` as 'YYYY-MM-DD'. */
export function utcIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Monday (UTC) of the week holding `date`: weeks in the agenda and the dashboards start on Monday. */
export function utcMondayOf(date: Date): Date {
  const day = utcDay(date);
  return addUtcDays(day, -((day.getUTCDay() + 6) % 7));
}

/** The first UTC day on or after the day of `date` whose weekday is `weekday` (0 = Sunday). */
export function nextUtcWeekdayOnOrAfter(date: Date, weekday: number): Date {
  const day = utcDay(date);
  return addUtcDays(day, (weekday - utcWeekday(day) + 7) % 7);
}

/** Whole UTC calendar days from a to b (b − a), ignoring time of day. */
export function utcDaysBetween(a: Date, b: Date): number {
  return Math.round((utcDay(b).getTime() - utcDay(a).getTime()) / MS_PER_DAY);
}

/** 'YYYY-MM' of the UTC calendar day. */
export function utcMonthKey(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first day (00:00Z) of a 'YYYY-MM' month; throws RangeError on a malformed key. */
export function monthKeyStart(month: string): Date {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError(`Invalid month "${month}": expected YYYY-MM`);
  return utcDate(Number(m[1]), Number(m[2]) - 1, 1);
}

/** Calendar quarter of the UTC day: its 'YYYY-Qn' key, first day and last day (both 00:00Z). */
export function utcQuarter(date: Date): { key: string; start: Date; lastDay: Date } {
  const year = date.getUTCFullYear();
  const q = Math.floor(date.getUTCMonth() / 3);
  return {
    key: `${String(year).padStart(4, '0')}-Q${q + 1}`,
    start: utcDate(year, q * 3, 1),
    lastDay: utcDate(year, q * 3 + 3, 0),
  };
}

const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

/** True for a quarter key like '2026-Q4'. */
export function isQuarterKey(value: string): boolean {
  return QUARTER_KEY.test(value);
}

/** The quarter named by 'YYYY-Qn' (first and last day, 00:00Z); throws RangeError naming a malformed key. */
export function quarterOfKey(key: string): { key: string; start: Date; lastDay: Date } {
  const match = QUARTER_KEY.exec(key);
  if (!match) throw new RangeError(`Invalid quarter "${key}": expected YYYY-Qn, like 2026-Q4`);
  return utcQuarter(utcDate(Number(match[1]), (Number(match[2]) - 1) * 3, 1));
}

/** The quarter before `key` ('2026-Q1' → '2025-Q4'). */
export function previousQuarterKey(key: string): string {
  return utcQuarter(addUtcDays(quarterOfKey(key).start, -1)).key;
}

/**
 * Whole months completed from `start` to `end` on UTC calendar days; a month is complete on the
 * same day of month, or on the month's last day when it is shorter (Jan 31 → Feb 28 is 1 month).
 * Negative spans give 0.
 */
export function utcWholeMonthsBetween(start: Date, end: Date): number {
  // Plain arithmetic on UTC fields: the engine calls this for every account on every recompute.
  const endYear = end.getUTCFullYear();
  const endMonth = end.getUTCMonth();
  let months = (endYear - start.getUTCFullYear()) * 12 + (endMonth - start.getUTCMonth());
  const daysInEndMonth = new Date(Date.UTC(endYear, endMonth + 1, 0)).getUTCDate();
  if (end.getUTCDate() < Math.min(start.getUTCDate(), daysInEndMonth)) months -= 1;
  return Math.max(0, months);
}
