import { describe, expect, it } from 'vitest';
import { expansionSignals, isAdvocate, isExpansionCandidate } from '../../../src-shared/scoring/expansion';

const keys = (x: Parameters<typeof expansionSignals>[0]) => expansionSignals(x).map((s) => s.key);

describe('expansionSignals (DESIGN §4.5)', () => {
  it('fires strictly above each threshold', () => {
    expect(keys({ seats: 100, seatsUsed: 81 })).toEqual(['seats']);
    expect(keys({ seats: 100, seatsUsed: 80 })).toEqual([]);
    expect(keys({ planFeatureCount: 10, featuresUsed: 8 })).toEqual(['features']);
    expect(keys({ planFeatureCount: 10, featuresUsed: 7 })).toEqual([]);
    expect(keys({ volumeLimit: 1000, volumeUsed: 901 })).toEqual(['volume']);
    expect(keys({ volumeLimit: 1000, volumeUsed: 900 })).toEqual([]);
    expect(keys({ latestNps: 9 })).toEqual(['nps']);
    expect(keys({ latestNps: 8 })).toEqual([]);
  });

  it('reports value and threshold', () => {
    expect(expansionSignals({ seats: 10, seatsUsed: 9, latestNps: 10 })).toEqual([
      { key: 'seats', value: 0.9, threshold: 0.8 },
      { key: 'nps', value: 10, threshold: 8 },
    ]);
  });

  it('unknown or zero denominators never fire', () => {
    expect(keys({})).toEqual([]);
    expect(keys({ seatsUsed: 50 })).toEqual([]);
    expect(keys({ seats: 0, seatsUsed: 5 })).toEqual([]);
    expect(keys({ seats: null, seatsUsed: 5, latestNps: null })).toEqual([]);
    expect(keys({ volumeLimit: 100 })).toEqual([]);
  });
});

describe('isExpansionCandidate', () => {
  const two = expansionSignals({ seats: 10, seatsUsed: 10, latestNps: 10 });
  const one = expansionSignals({ latestNps: 10 });
  it('needs two signals in tier 3 or 4', () => {
    expect(two).toHaveLength(2);
    expect(isExpansionCandidate(two, 'stable')).toBe(true);
    expect(isExpansionCandidate(two, 'successful')).toBe(true);
    expect(isExpansionCandidate(two, 'at_risk')).toBe(false);
    expect(isExpansionCandidate(two, 'critical')).toBe(false);
    expect(isExpansionCandidate(two, 'unscored')).toBe(false);
    expect(isExpansionCandidate(one, 'successful')).toBe(false);
  });
});

describe('isAdvocate', () => {
  const ok = { tenureMonths: 13, latestNps: 10, featureUsagePercent: 81, renewalsCount: 2 };
  it('accepts just past every boundary', () => {
    expect(isAdvocate(ok)).toBe(true);
  });
  it.each([
    ['tenureMonths', 12],
    ['latestNps', 9],
    ['featureUsagePercent', 80],
    ['renewalsCount', 1],
    ['tenureMonths', null],
    ['latestNps', null],
  ] as const)('rejects %s = %s', (field, value) => {
    expect(isAdvocate({ ...ok, [field]: value })).toBe(false);
  });
});
