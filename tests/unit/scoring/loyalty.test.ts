import { describe, expect, it } from 'vitest';
import { loyaltyFor } from '../../../src-shared/scoring/loyalty';
import { DEFAULT_SCORING_CONFIG } from '../../../src-shared/scoring/scoring-config';

const start = new Date(2024, 0, 31); // 2024-01-31, local time like the rest of the app

describe('loyaltyFor (DESIGN §4.5)', () => {
  it.each([
    [new Date(2024, 0, 31), 0, 'bronze'],
    [new Date(2024, 6, 30), 5, 'bronze'],
    [new Date(2024, 6, 31), 6, 'silver'],
    [new Date(2025, 0, 30), 11, 'silver'],
    [new Date(2025, 0, 31), 12, 'gold'],
    [new Date(2026, 0, 30), 23, 'gold'],
    [new Date(2026, 0, 31), 24, 'platinum'],
    [new Date(2030, 5, 1), 76, 'platinum'],
  ] as const)('as of %s → %d months, %s', (asOf, months, level) => {
    const l = loyaltyFor(start, asOf);
    expect(l.months).toBe(months);
    expect(l.level).toBe(level);
  });

  it('gives each level its discount, check-in and perks', () => {
    expect(loyaltyFor(start, new Date(2024, 2, 1))).toEqual({
      level: 'bronze',
      months: 1,
      discountPercent: 0,
      checkInDays: null,
      perks: ['standard_support', 'monthly_newsletter'],
    });
    expect(loyaltyFor(start, new Date(2024, 8, 1))).toMatchObject({ level: 'silver', discountPercent: 10, checkInDays: 30, perks: ['priority_support'] });
    expect(loyaltyFor(start, new Date(2025, 5, 1))).toMatchObject({ level: 'gold', discountPercent: 15, checkInDays: 14, perks: ['account_manager'] });
    expect(loyaltyFor(start, new Date(2026, 5, 1))).toMatchObject({ level: 'platinum', discountPercent: 20, checkInDays: 7, perks: ['vip_support_24_7'] });
  });

  it('counts a month complete on the last day of a shorter month (Jan 31 → Feb 28 is 1, → Jun 30 is 5)', () => {
    const start = new Date('2025-01-31T00:00:00.000Z');
    expect(loyaltyFor(start, new Date('2025-02-27T00:00:00.000Z')).months).toBe(0);
    expect(loyaltyFor(start, new Date('2025-02-28T00:00:00.000Z')).months).toBe(1);
    expect(loyaltyFor(start, new Date('2025-06-30T00:00:00.000Z')).months).toBe(5);
  });

  it('does not depend on the time of day or zone of the dates (UTC calendar days)', () => {
    const start = new Date('2024-06-15T23:30:00.000Z');
    expect(loyaltyFor(start, new Date('2024-12-15T00:10:00.000Z'))).toMatchObject({ months: 6, level: 'silver' });
    expect(loyaltyFor(start, new Date('2024-12-14T23:59:00.000Z'))).toMatchObject({ months: 5, level: 'bronze' });
  });

  it('a date before the contract start counts as 0 months', () => {
    expect(loyaltyFor(start, new Date(2023, 5, 1))).toMatchObject({ level: 'bronze', months: 0 });
  });

  it('uses config thresholds', () => {
    const config = { ...DEFAULT_SCORING_CONFIG, loyalty: { ...DEFAULT_SCORING_CONFIG.loyalty, fromMonths: { bronze: 0, silver: 3, gold: 12, platinum: 24 } } };
    expect(loyaltyFor(start, new Date(2024, 4, 1), config).level).toBe('silver');
    expect(loyaltyFor(start, new Date(2024, 4, 1)).level).toBe('bronze');
  });
});
