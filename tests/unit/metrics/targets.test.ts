import { describe, expect, it } from 'vitest';
import { SEED_TARGETS, compareToTarget, type TargetMetric } from '../../../src-shared/metrics/targets';

describe('compareToTarget', () => {
  const cases: Array<[TargetMetric, number, 'meets' | 'below' | 'above']> = [
    ['nps', 69, 'below'],
    ['nps', 70, 'meets'],
    ['nps', 80, 'meets'],
    ['nps', 81, 'above'],
    ['csat', 4.49, 'below'],
    ['csat', 4.5, 'meets'],
    ['csat', 5, 'meets'],
    ['ces', 1.99, 'meets'],
    ['ces', 2, 'above'],
    ['monthly_churn', 0.049, 'meets'],
    ['monthly_churn', 0.05, 'above'],
    ['renewal_rate', 0.84, 'below'],
    ['renewal_rate', 17 / 20, 'meets'],
    ['renewal_rate', 0.9, 'meets'],
    ['renewal_rate', 0.95, 'above'],
    ['cohort_m1', 0.89, 'below'],
    ['cohort_m1', 0.92, 'meets'],
    ['cohort_m3', 0.86, 'above'],
    ['cohort_m6', 0.7, 'meets'],
    ['cohort_m12', 0.59, 'below'],
    ['cohort_m12', 0.65, 'meets'],
  ];
  it.each(cases)('%s %d → %s', (metric, value, expected) => {
    expect(compareToTarget(metric, value)).toBe(expected);
  });

  it('says which direction is better', () => {
    expect(SEED_TARGETS.ces.better).toBe('lower');
    expect(SEED_TARGETS.monthly_churn.better).toBe('lower');
    expect(SEED_TARGETS.nps.better).toBe('higher');
  });

  it('rejects NaN', () => {
    expect(() => compareToTarget('nps', Number.NaN)).toThrow(RangeError);
  });
});
