import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeHealth, healthTrend, roundHalfUp } from '../../../src-shared/scoring/health';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../../../src-shared/scoring/scoring-config';
import { HEALTH_METRICS, type HealthInputs, type HealthMetricKey, type HealthResult } from '../../../src-shared/scoring/types';

const ALL_KEYS = Object.values(HEALTH_METRICS).flat() as HealthMetricKey[];

const sumPoints = (h: HealthResult): number =>
  Object.values(h.categories).flatMap((c) => c.metrics).reduce((s, m) => s + m.points, 0);

const metric = (h: HealthResult, key: HealthMetricKey) => {
  const found = Object.values(h.categories).flatMap((c) => c.metrics).find((m) => m.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};

const TOP: HealthInputs = {
  login_frequency: 5,
  feature_adoption: 90,
  data_volume: 90,
  api_calls: 1.2,
  support_tickets: 2,
  training_sessions: 3,
  feedback_participation: 100,
  community_engagement: 3,
  roi_achievement: 100,
  goal_completion: 100,
  revenue_impact: 100,
  cost_savings: 100,
};

describe('computeHealth (DESIGN §4.1)', () => {
  it('every metric at the top of its curve → 100, successful, equal weights', () => {
    const h = computeHealth(TOP);
    expect(h.score).toBe(100);
    expect(h.tier).toBe('successful');
    expect(h.categories.usage.weight).toBeCloseTo(0.4, 12);
    expect(h.categories.engagement.weight).toBeCloseTo(0.3, 12);
    expect(h.categories.business.weight).toBeCloseTo(0.3, 12);
    for (const m of h.categories.usage.metrics) expect(m.weight).toBeCloseTo(0.25, 12);
    expect(metric(h, 'login_frequency').points).toBeCloseTo(0.25 * 0.4 * 100, 9);
    expect(sumPoints(h)).toBeCloseTo(100, 9);
  });

  it('combines categories 0.4 / 0.3 / 0.3', () => {
    // usage: login 2 → 40, feature 40 → 50, data 30 → 50, api 0.5 → 40 → 45
    // engagement: tickets 0 → 60, training 1 → 60, feedback 50 → 80, community 1 → 60 → 65
    // business: 20, 40, 60, 80 → 50
    const h = computeHealth({
      login_frequency: 2,
      feature_adoption: 40,
      data_volume: 30,
      api_calls: 0.5,
      support_tickets: 0,
      training_sessions: 1,
      feedback_participation: 50,
      community_engagement: 1,
      roi_achievement: 20,
      goal_completion: 40,
      revenue_impact: 60,
      cost_savings: 80,
    });
    expect(h.categories.usage.score).toBeCloseTo(45, 9);
    expect(h.categories.engagement.score).toBeCloseTo(65, 9);
    expect(h.categories.business.score).toBeCloseTo(50, 9);
    // 0.4·45 + 0.3·65 + 0.3·50 = 18 + 19.5 + 15 = 52.5 → 53
    expect(sumPoints(h)).toBeCloseTo(52.5, 9);
    expect(h.score).toBe(53);
    expect(h.tier).toBe('critical');
  });

  it('rounds half up despite float noise (79.4999… → 80)', () => {
    const h = computeHealth({ feature_adoption: 78.5, feedback_participation: 90, roi_achievement: 51 });
    expect(h.categories.usage.score).toBeCloseTo(88.5, 9);
    expect(h.categories.engagement.score).toBeCloseTo(96, 9);
    expect(h.categories.business.score).toBeCloseTo(51, 9);
    expect(h.score).toBe(80);
    expect(h.tier).toBe('stable');
    expect(roundHalfUp(79.49999999999999)).toBe(80);
    expect(roundHalfUp(79.4999)).toBe(79);
    expect(roundHalfUp(0.5)).toBe(1);
  });

  it('shares a missing metric weight among the present ones of its category', () => {
    // login 3 → 70, feature 40 → 50; data_volume and api_calls missing.
    const h = computeHealth({ login_frequency: 3, feature_adoption: 40 });
    const usage = h.categories.usage;
    expect(usage.score).toBeCloseTo(60, 9);
    expect(usage.weight).toBe(1);
    expect(metric(h, 'login_frequency').weight).toBeCloseTo(0.5, 12);
    expect(metric(h, 'data_volume')).toEqual({ key: 'data_volume', input: null, score: null, weight: 0, points: 0 });
    expect(metric(h, 'api_calls')).toEqual({ key: 'api_calls', input: null, score: null, weight: 0, points: 0 });
    expect(metric(h, 'login_frequency').points).toBeCloseTo(35, 9);
    expect(metric(h, 'feature_adoption').points).toBeCloseTo(25, 9);
    expect(h.score).toBe(60);
  });

  it('treats an undefined value like an absent key', () => {
    expect(computeHealth({ login_frequency: 3, data_volume: undefined })).toEqual(computeHealth({ login_frequency: 3 }));
  });

  it('shares a missing category weight among the present categories', () => {
    // usage 100 (weight 0.4/0.7), business 50 (0.3/0.7) → 57.142857 + 21.428571 = 78.57 → 79
    const h = computeHealth({
      login_frequency: 5,
      feature_adoption: 90,
      data_volume: 90,
      api_calls: 1.2,
      roi_achievement: 50,
    });
    expect(h.categories.engagement.score).toBeNull();
    expect(h.categories.engagement.weight).toBe(0);
    expect(h.categories.engagement.metrics).toHaveLength(4);
    expect(h.categories.usage.weight).toBeCloseTo(4 / 7, 12);
    expect(h.categories.business.weight).toBeCloseTo(3 / 7, 12);
    expect(metric(h, 'roi_achievement').weight).toBe(1);
    expect(metric(h, 'roi_achievement').points).toBeCloseTo((3 / 7) * 50, 9);
    expect(sumPoints(h)).toBeCloseTo(78.5714285714, 8);
    expect(h.score).toBe(79);
    expect(h.tier).toBe('at_risk');
  });

  it('nothing at all → unscored, all categories listed with zero weight', () => {
    const h = computeHealth({});
    expect(h.score).toBeNull();
    expect(h.tier).toBe('unscored');
    for (const category of ['usage', 'engagement', 'business'] as const) {
      expect(h.categories[category].score).toBeNull();
      expect(h.categories[category].weight).toBe(0);
      expect(h.categories[category].metrics.map((m) => m.key)).toEqual([...HEALTH_METRICS[category]]);
      for (const m of h.categories[category].metrics) expect(m).toMatchObject({ input: null, score: null, weight: 0, points: 0 });
    }
  });

  it('honours configured metric and category weights', () => {
    const base = DEFAULT_SCORING_CONFIG.health;
    const config: ScoringConfig = {
      ...DEFAULT_SCORING_CONFIG,
      health: {
        ...base,
        metricWeights: { ...base.metricWeights, login_frequency: 3 },
        categoryWeights: { usage: 0.5, engagement: 0.5, business: 0 },
      },
    };
    // usage: 0.75·70 + 0.25·50 = 65; engagement: community 3 → 100; business weight 0.
    const h = computeHealth({ login_frequency: 3, feature_adoption: 40, community_engagement: 3, roi_achievement: 10 }, config);
    expect(metric(h, 'login_frequency').weight).toBeCloseTo(0.75, 12);
    expect(h.categories.usage.score).toBeCloseTo(65, 9);
    expect(h.categories.business.score).toBeCloseTo(10, 9);
    expect(h.categories.business.weight).toBe(0);
    expect(metric(h, 'roi_achievement').points).toBe(0);
    expect(h.score).toBe(83); // 0.5·65 + 0.5·100 = 82.5 → 83
  });
});

describe('healthTrend', () => {
  it.each([
    [70, 75, 'declining'],
    [70, 74, 'steady'],
    [70, 66, 'steady'],
    [70, 65, 'improving'],
    [null, 65, 'unknown'],
    [70, null, 'unknown'],
  ] as const)('%s vs %s → %s', (now, before, trend) => {
    expect(healthTrend(now, before, DEFAULT_SCORING_CONFIG)).toBe(trend);
  });
});

const metricValue = fc.double({ min: 0, max: 200, noNaN: true, noDefaultInfinity: true });
const inputsArb = fc.record(
  Object.fromEntries(ALL_KEYS.map((k) => [k, metricValue])) as Record<HealthMetricKey, fc.Arbitrary<number>>,
  { requiredKeys: [] },
);

describe('health properties', () => {
  it('is an integer in 0..100, or null exactly when there is no input', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const h = computeHealth(inputs);
        const any = Object.values(inputs).some((v) => v !== undefined);
        if (!any) return h.score === null && h.tier === 'unscored';
        return h.score !== null && Number.isInteger(h.score) && h.score >= 0 && h.score <= 100 && Math.abs(sumPoints(h) - h.score) <= 0.5 + 1e-9;
      }),
    );
  });

  it('never decreases when one metric input rises (except support_tickets)', () => {
    const monotone = ALL_KEYS.filter((k) => k !== 'support_tickets');
    fc.assert(
      fc.property(inputsArb, fc.constantFrom(...monotone), fc.double({ min: 0, max: 50, noNaN: true }), (inputs, key, delta) => {
        const base = { ...inputs, [key]: inputs[key] ?? 0 };
        const raised = { ...base, [key]: (base[key] ?? 0) + delta };
        const a = computeHealth(base);
        const b = computeHealth(raised);
        return (b.score ?? 0) >= (a.score ?? 0) && sumPoints(b) >= sumPoints(a) - 1e-9;
      }),
    );
  });
});
