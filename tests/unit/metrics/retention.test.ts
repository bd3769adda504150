import { describe, expect, it } from 'vitest';
import {
  churnRate,
  cohortRetention,
  monthlyChurnRate,
  renewalRate,
  revenueRetention,
  revenueRetentionFromAccounts,
} from '../../../src-shared/metrics/retention';

const d = (iso: string): Date => new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);

describe('churnRate', () => {
  it('divides churned by active at the start', () => {
    expect(churnRate({ activeAtStart: 100, churnedInMonth: 4 })).toBe(0.04);
    expect(churnRate({ activeAtStart: 8, churnedInMonth: 0 })).toBe(0);
  });
  it('is null with no active accounts', () => {
    expect(churnRate({ activeAtStart: 0, churnedInMonth: 0 })).toBeNull();
  });
  it('rejects negative or fractional counts', () => {
    expect(() => churnRate({ activeAtStart: -1, churnedInMonth: 0 })).toThrow(RangeError);
    expect(() => churnRate({ activeAtStart: 10, churnedInMonth: 1.5 })).toThrow(/churnedInMonth 1.5/);
  });
});

describe('monthlyChurnRate', () => {
  const accounts = [
    { startedAt: d('2024-01-10'), churnedAt: null }, // active
    { startedAt: d('2025-03-01T18:00:00.000Z'), churnedAt: null }, // started on the 1st: active
    { startedAt: d('2025-03-02'), churnedAt: null }, // started later: not counted
    { startedAt: d('2024-06-01'), churnedAt: d('2025-03-01T05:00:00.000Z') }, // active, churned
    { startedAt: d('2024-06-01'), churnedAt: d('2025-02-28T23:00:00.000Z') }, // gone before March
    { startedAt: d('2024-06-01'), churnedAt: d('2025-03-31T23:59:59.999Z') }, // active, churned
    { startedAt: d('2024-06-01'), churnedAt: d('2025-04-01') }, // active, churned in April
  ];
  it('counts by UTC calendar day (worked example: 2 of 5)', () => {
    expect(monthlyChurnRate(accounts, '2025-03')).toBe(0.4);
  });
  it('counts February separately', () => {
    // active at Feb 1: the 2024 accounts (5); churned in Feb: one.
    expect(monthlyChurnRate(accounts, '2025-02')).toBe(0.2);
  });
  it('is null when nobody was active', () => {
    expect(monthlyChurnRate(accounts, '2023-12')).toBeNull();
    expect(monthlyChurnRate([], '2025-03')).toBeNull();
  });
  it('rejects a malformed month', () => {
    expect(() => monthlyChurnRate(accounts, '2025-13')).toThrow(RangeError);
    expect(() => monthlyChurnRate(accounts, '2025-3')).toThrow(RangeError);
  });
});

describe('revenueRetention', () => {
  it('computes GRR and NRR (worked example)', () => {
    const r = revenueRetention({ startArr: 1000, expansionArr: 200, contractionArr: 50, churnedArr: 100 });
    expect(r.grr).toBeCloseTo(0.85, 10);
    expect(r.nrr).toBeCloseTo(1.05, 10);
  });
  it('keeps GRR at most 1 however large the expansion', () => {
    const r = revenueRetention({ startArr: 1000, expansionArr: 5000, contractionArr: 0, churnedArr: 0 });
    expect(r.grr).toBe(1);
    expect(r.nrr).toBe(6);
  });
  it('is null with no starting ARR', () => {
    expect(revenueRetention({ startArr: 0, expansionArr: 0, contractionArr: 0, churnedArr: 0 })).toEqual({
      grr: null,
      nrr: null,
    });
  });
  it('rejects losses larger than the start and negative amounts', () => {
    expect(() => revenueRetention({ startArr: 100, expansionArr: 0, contractionArr: 60, churnedArr: 50 })).toThrow(
      RangeError,
    );
    expect(() => revenueRetention({ startArr: 100, expansionArr: -1, contractionArr: 0, churnedArr: 0 })).toThrow(
      /expansionArr -1/,
    );
  });
  it('derives the movements from per-account ARR, leaving out new logos', () => {
    const r = revenueRetentionFromAccounts([
      { startArr: 1000, endArr: 1200 }, // +200 expansion
      { startArr: 500, endArr: 400 }, // −100 contraction
      { startArr: 300, endArr: 0 }, // −300 churn
      { startArr: 0, endArr: 700 }, // new logo: ignored
      { startArr: 250, endArr: 250 }, // flat
    ]);
    expect(r.grr).toBeCloseTo(1650 / 2050, 10);
    expect(r.nrr).toBeCloseTo(1850 / 2050, 10);
  });
});

describe('cohortRetention', () => {
  const asOf = d('2025-07-15T10:00:00.000Z');
  const accounts = [
    { startedAt: d('2025-01-05'), churnedAt: null },
    { startedAt: d('2025-01-20'), churnedAt: d('2025-02-10') }, // lost before month 1
    { startedAt: d('2025-01-31'), churnedAt: d('2025-05-01') }, // m1 = Feb 28, m3 = Apr 30: retained both
    { startedAt: d('2025-01-10'), churnedAt: d('2025-04-10') }, // churned on its m3 anniversary
    { startedAt: d('2025-06-10'), churnedAt: null },
    { startedAt: d('2025-08-01'), churnedAt: null }, // after asOf: left out
    { startedAt: d('2024-05-15'), churnedAt: d('2025-03-01') },
    { startedAt: d('2024-05-01'), churnedAt: null },
  ];
  it('reports per cohort the share active at months 1, 3, 6, 12 (worked example)', () => {
    expect(cohortRetention(accounts, asOf)).toEqual([
      { cohort: '2024-05', size: 2, m1: 1, m3: 1, m6: 1, m12: 0.5 },
      { cohort: '2025-01', size: 4, m1: 0.75, m3: 0.5, m6: null, m12: null },
      { cohort: '2025-06', size: 1, m1: 1, m3: null, m6: null, m12: null },
    ]);
  });
  it('reaches a month only once every member reached its anniversary', () => {
    const row = cohortRetention(accounts, d('2025-07-20'))[1]!;
    expect(row.m6).toBeNull(); // 2025-01-31 + 6 months = 2025-07-31
    expect(cohortRetention(accounts, d('2025-07-31'))[1]!.m6).toBe(0.25);
    expect(cohortRetention(accounts, d('2025-06-09'))).toHaveLength(2);
  });
  it('is empty with no accounts', () => {
    expect(cohortRetention([], asOf)).toEqual([]);
  });
});

describe('renewalRate', () => {
  it('divides renewed by due', () => {
    expect(renewalRate({ renewalsDue: 20, renewed: 17 })).toBe(0.85);
    expect(renewalRate({ renewalsDue: 3, renewed: 3 })).toBe(1);
  });
  it('is null with nothing due', () => {
    expect(renewalRate({ renewalsDue: 0, renewed: 0 })).toBeNull();
  });
  it('rejects more renewals than were due', () => {
    expect(() => renewalRate({ renewalsDue: 2, renewed: 3 })).toThrow(RangeError);
  });
});
