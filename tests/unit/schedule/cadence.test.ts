import { describe, expect, it } from 'vitest';
import { checkInIntervalDays, nextCheckIn, UNSCORED_CHECK_IN_DAYS } from '../../../src-shared/schedule/cadence';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../../../src-shared/scoring/scoring-config';
import type { LoyaltyLevel, Tier } from '../../../src-shared/scoring/types';
import { d } from './helpers';

describe('checkInIntervalDays', () => {
  // Rows: tier; columns: bronze, silver, gold, platinum. Shorter of tier and loyalty interval.
  const table: Array<[Tier, [number, number, number, number]]> = [
    ['critical', [7, 7, 7, 7]],
    ['at_risk', [14, 14, 14, 7]],
    ['stable', [30, 30, 14, 7]],
    ['successful', [91, 30, 14, 7]],
    ['unscored', [30, 30, 14, 7]],
  ];
  const levels: LoyaltyLevel[] = ['bronze', 'silver', 'gold', 'platinum'];
  for (const [tier, row] of table) {
    levels.forEach((loyalty, i) => {
      it(`${tier} × ${loyalty} → ${row[i]} days`, () => {
        expect(checkInIntervalDays(tier, loyalty, DEFAULT_SCORING_CONFIG)).toBe(row[i]);
      });
    });
  }

  it('uses the unscored fallback only for unscored bronze', () => {
    expect(UNSCORED_CHECK_IN_DAYS).toBe(30);
    expect(checkInIntervalDays('unscored', 'bronze')).toBe(UNSCORED_CHECK_IN_DAYS);
  });

  it('reads intervals from the config', () => {
    const config: ScoringConfig = {
      ...DEFAULT_SCORING_CONFIG,
      tiers: { ...DEFAULT_SCORING_CONFIG.tiers, cadenceDays: { critical: 3, at_risk: 10, stable: 20, successful: 60 } },
      loyalty: { ...DEFAULT_SCORING_CONFIG.loyalty, checkInDays: { bronze: 45, silver: 21, gold: 12, platinum: 5 } },
    };
    expect(checkInIntervalDays('successful', 'bronze', config)).toBe(45);
    expect(checkInIntervalDays('stable', 'silver', config)).toBe(20);
    expect(checkInIntervalDays('critical', 'platinum', config)).toBe(3);
    expect(checkInIntervalDays('unscored', 'gold', config)).toBe(12);
  });
});

describe('nextCheckIn', () => {
  it('is due now when no check-in was ever completed', () => {
    const asOf = d('2025-05-10T13:45:00.000Z');
    const r = nextCheckIn({ lastCompletedCheckIn: null, tier: 'successful', loyalty: 'bronze', asOf });
    expect(r).toEqual({ dueAt: asOf, intervalDays: 91, overdue: false });
  });

  it('adds the shorter interval to the UTC day of the last completed check-in', () => {
    const r = nextCheckIn({
      lastCompletedCheckIn: d('2025-03-03T15:00:00.000Z'),
      tier: 'stable',
      loyalty: 'gold',
      asOf: d('2025-03-10'),
    });
    expect(r.intervalDays).toBe(14);
    expect(r.dueAt.toISOString()).toBe('2025-03-17T00:00:00.000Z');
    expect(r.overdue).toBe(false);
  });

  it('is overdue only from the day after the due day', () => {
    const base = { lastCompletedCheckIn: d('2025-12-25'), tier: 'critical' as const, loyalty: 'bronze' as const };
    expect(nextCheckIn({ ...base, asOf: d('2026-01-01T23:59:59.999Z') }).overdue).toBe(false);
    expect(nextCheckIn({ ...base, asOf: d('2026-01-02T00:00:00.000Z') }).overdue).toBe(true);
    expect(nextCheckIn({ ...base, asOf: d('2026-01-02') }).dueAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('crosses a leap day', () => {
    const r = nextCheckIn({ lastCompletedCheckIn: d('2024-02-20'), tier: 'at_risk', loyalty: 'silver', asOf: d('2024-02-21') });
    expect(r.dueAt.toISOString()).toBe('2024-03-05T00:00:00.000Z');
  });
});
