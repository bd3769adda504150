import { describe, expect, it } from 'vitest';
import { interpolate } from '../../../src-shared/scoring/curve';
import { DEFAULT_SCORING_CONFIG } from '../../../src-shared/scoring/scoring-config';
import type { HealthMetricKey } from '../../../src-shared/scoring/types';

const curves = DEFAULT_SCORING_CONFIG.health.curves;

// [input, expected score] per DESIGN §4.1: every point, a value between points, and both ends.
const CASES: Record<HealthMetricKey, Array<[number, number]>> = {
  login_frequency: [[-1, 0], [0, 0], [1, 20], [2, 40], [2.5, 55], [3, 70], [4, 85], [5, 100], [9, 100]],
  feature_adoption: [[-5, 0], [0, 0], [20, 25], [40, 50], [60, 70], [80, 90], [85, 95], [90, 100], [100, 100]],
  data_volume: [[-1, 0], [0, 0], [15, 25], [30, 50], [50, 70], [70, 90], [80, 95], [90, 100], [150, 100]],
  api_calls: [[-1, 0], [0, 0], [0.25, 20], [0.5, 40], [0.7, 60], [0.9, 80], [0.95, 85], [1, 90], [1.1, 95], [1.2, 100], [3, 100]],
  support_tickets: [[-1, 60], [0, 60], [0.5, 80], [1, 100], [2, 100], [3, 100], [4.5, 80], [6, 60], [8, 40], [10, 20], [40, 20]],
  training_sessions: [[-1, 0], [0, 0], [0.5, 30], [1, 60], [1.5, 72.5], [2, 85], [2.5, 92.5], [3, 100], [12, 100]],
  feedback_participation: [[-1, 0], [0, 0], [25, 40], [50, 80], [75, 90], [100, 100], [120, 100]],
  community_engagement: [[-1, 20], [0, 20], [0.5, 40], [1, 60], [2, 80], [3, 100], [30, 100]],
  roi_achievement: [[-10, 0], [0, 0], [37, 37], [100, 100], [180, 100]],
  goal_completion: [[-10, 0], [0, 0], [62.5, 62.5], [100, 100], [101, 100]],
  revenue_impact: [[-10, 0], [0, 0], [12, 12], [100, 100], [250, 100]],
  cost_savings: [[-10, 0], [0, 0], [99, 99], [100, 100], [1000, 100]],
};

describe('interpolate on the DESIGN §4.1 curves', () => {
  for (const [key, cases] of Object.entries(CASES) as Array<[HealthMetricKey, Array<[number, number]>]>) {
    it.each(cases)(`${key}(%d) = %d`, (x, expected) => {
      expect(interpolate(curves[key], x)).toBeCloseTo(expected, 9);
    });
  }
});

describe('interpolate mechanics', () => {
  it('clamps to the first and last value', () => {
    const c = [[10, 5], [20, 15]] as const;
    expect(interpolate(c, 0)).toBe(5);
    expect(interpolate(c, 30)).toBe(15);
    expect(interpolate(c, 12.5)).toBe(7.5);
  });
  it('handles a single point and a vertical step', () => {
    expect(interpolate([[3, 42]], -1)).toBe(42);
    expect(interpolate([[3, 42]], 99)).toBe(42);
    expect(interpolate([[0, 0], [1, 10], [1, 50], [2, 60]], 1)).toBe(50);
  });
  it('rejects an empty curve', () => {
    expect(() => interpolate([], 1)).toThrow(/empty/);
  });
});
