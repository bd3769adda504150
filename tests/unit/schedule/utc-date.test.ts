import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addUtcDays, utcDay } from '../../../src-shared/schedule/utc-date';

// Reference: the calendar-field way (Date's own UTC field arithmetic), slower but obviously right.
function referenceDay(date: Date, plusDays = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + plusDays);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

const anyInstant = fc.integer({ min: -8.64e15 + 400 * 86_400_000, max: 8.64e15 - 400 * 86_400_000 }).map((t) => new Date(t));

describe('UTC day arithmetic', () => {
  it('utcDay and addUtcDays agree with calendar-field arithmetic for any instant, before 1970 too', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: -366, max: 366 }), (date, days) => {
        expect(utcDay(date).getTime()).toBe(referenceDay(date));
        expect(addUtcDays(date, days).getTime()).toBe(referenceDay(date, days));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the day of an instant just before midnight and refuses fractional days', () => {
    expect(utcDay(new Date('1969-12-31T23:59:59.999Z')).toISOString()).toBe('1969-12-31T00:00:00.000Z');
    expect(addUtcDays(new Date('2026-03-29T23:30:00Z'), 1).toISOString()).toBe('2026-03-30T00:00:00.000Z');
    expect(() => addUtcDays(new Date('2026-03-29'), 1.5)).toThrow(RangeError);
  });
});
