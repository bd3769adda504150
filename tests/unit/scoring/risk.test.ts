import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRisk, responseFor, riskBandFor, RISK_SIGNAL_KEYS } from '../../../src-shared/scoring/risk';
import { DEFAULT_SCORING_CONFIG } from '../../../src-shared/scoring/scoring-config';
import type { RiskInputs, RiskSignalKey } from '../../../src-shared/scoring/types';

const fired = (inputs: RiskInputs): RiskSignalKey[] => computeRisk(inputs).signals.map((s) => s.key);

// [signal, inputs that fire it (at the threshold where inclusive), inputs just on the quiet side]
const CASES: Array<[RiskSignalKey, RiskInputs, RiskInputs]> = [
  ['low_sessions', { login_frequency: 1.99 }, { login_frequency: 2 }],
  ['low_time', { hours_per_user_week: 0.99 }, { hours_per_user_week: 1 }],
  ['few_features', { features_used_30d: 2 }, { features_used_30d: 3 }],
  ['no_login_7d', { days_since_last_login: 7 }, { days_since_last_login: 6 }],
  ['no_email_response', { unanswered_emails: 3 }, { unanswered_emails: 2 }],
  ['no_support_contact', { days_since_support_contact: 90 }, { days_since_support_contact: 89 }],
  ['low_nps', { latest_nps: 6 }, { latest_nps: 7 }],
  ['low_csat', { latest_csat: 2.9 }, { latest_csat: 3 }],
  ['high_ces', { latest_ces: 3.1 }, { latest_ces: 3 }],
  ['no_webinars', { webinars_90d: 0 }, { webinars_90d: 1 }],
  ['no_downloads', { downloads_90d: 0 }, { downloads_90d: 1 }],
  ['no_community', { community_90d: 0 }, { community_90d: 1 }],
  ['usage_decline', { sessions_30d: 75, sessions_prev_30d: 100 }, { sessions_30d: 76, sessions_prev_30d: 100 }],
  ['support_spike', { tickets_30d: 3, tickets_prev_30d: 1 }, { tickets_30d: 3, tickets_prev_30d: 2 }],
  ['payment_overdue', { payment_overdue_days: 16 }, { payment_overdue_days: 15 }],
  ['champion_left', { days_since_champion_left: 90 }, { days_since_champion_left: 91 }],
  ['competitor_evaluation', { competitor_evaluation: true }, { competitor_evaluation: false }],
];

const SEVERITY: Record<RiskSignalKey, 'high' | 'medium' | 'low'> = {
  low_sessions: 'high',
  low_time: 'medium',
  few_features: 'high',
  no_login_7d: 'high',
  no_email_response: 'medium',
  no_support_contact: 'high',
  low_nps: 'high',
  low_csat: 'high',
  high_ces: 'medium',
  no_webinars: 'medium',
  no_downloads: 'medium',
  no_community: 'low',
  usage_decline: 'high',
  support_spike: 'medium',
  payment_overdue: 'high',
  champion_left: 'high',
  competitor_evaluation: 'high',
};
const POINTS = { high: 25, medium: 15, low: 5 };

describe('risk signals (DESIGN §4.3)', () => {
  it('covers all 17 signals', () => {
    expect(new Set(CASES.map(([k]) => k)).size).toBe(17);
    expect(RISK_SIGNAL_KEYS).toHaveLength(17);
  });

  it.each(CASES)('%s fires at its threshold with the right severity and points', (key, on) => {
    const r = computeRisk(on);
    expect(r.signals.map((s) => s.key)).toEqual([key]);
    expect(r.signals[0]?.severity).toBe(SEVERITY[key]);
    expect(r.points).toBe(POINTS[SEVERITY[key]]);
  });

  it.each(CASES)('%s stays quiet just past its threshold', (_key, _on, off) => {
    expect(fired(off)).toEqual([]);
  });

  it('nothing fires when every input is unknown', () => {
    const r = computeRisk({});
    expect(r).toEqual({ points: 0, band: 'none', signals: [], response: responseFor('none') });
  });

  it('two-input signals need both inputs', () => {
    expect(fired({ sessions_30d: 0 })).toEqual([]);
    expect(fired({ sessions_prev_30d: 100 })).toEqual([]);
    expect(fired({ tickets_30d: 10 })).toEqual([]);
    expect(fired({ tickets_prev_30d: 0 })).toEqual([]);
  });

  it('usage_decline needs previous sessions and reports the ratio', () => {
    expect(fired({ sessions_30d: 0, sessions_prev_30d: 0 })).toEqual([]);
    const r = computeRisk({ sessions_30d: 30, sessions_prev_30d: 50 });
    expect(r.signals[0]?.evidence).toEqual({ value: 0.6, threshold: 0.75 });
  });

  it('support_spike needs ≥ 3 tickets and ≥ 2× previous', () => {
    expect(fired({ tickets_30d: 2, tickets_prev_30d: 0 })).toEqual([]);
    expect(fired({ tickets_30d: 4, tickets_prev_30d: 2 })).toEqual(['support_spike']);
    expect(fired({ tickets_30d: 5, tickets_prev_30d: 3 })).toEqual([]);
    expect(computeRisk({ tickets_30d: 3, tickets_prev_30d: 0 }).signals[0]?.evidence).toEqual({ value: 3, threshold: 3 });
  });

  it('champion_left fires from day 0 to day 90 only', () => {
    expect(fired({ days_since_champion_left: 0 })).toEqual(['champion_left']);
    expect(fired({ days_since_champion_left: -1 })).toEqual([]);
  });

  it('records evidence of a numeric signal and of a flag', () => {
    const r = computeRisk({ latest_nps: 4, competitor_evaluation: true });
    expect(r.signals).toEqual([
      { key: 'competitor_evaluation', severity: 'high', points: 25, evidence: { value: true, threshold: null } },
      { key: 'low_nps', severity: 'high', points: 25, evidence: { value: 4, threshold: 7 } },
    ]);
  });

  it('sorts by severity, then key', () => {
    const r = computeRisk({ community_90d: 0, webinars_90d: 0, latest_ces: 5, payment_overdue_days: 30, latest_nps: 0 });
    expect(r.signals.map((s) => s.key)).toEqual(['low_nps', 'payment_overdue', 'high_ces', 'no_webinars', 'no_community']);
  });

  it('uses thresholds from config', () => {
    const config = {
      ...DEFAULT_SCORING_CONFIG,
      risk: { ...DEFAULT_SCORING_CONFIG.risk, thresholds: { ...DEFAULT_SCORING_CONFIG.risk.thresholds, lowNps: 9 } },
    };
    expect(computeRisk({ latest_nps: 8 }, config).signals.map((s) => s.key)).toEqual(['low_nps']);
    expect(fired({ latest_nps: 8 })).toEqual([]);
  });
});

describe('risk bands and response', () => {
  it.each([
    [0, 'none'],
    [19, 'none'],
    [20, 'low'],
    [49, 'low'],
    [50, 'medium'],
    [79, 'medium'],
    [80, 'high'],
    [100, 'high'],
  ] as const)('riskBandFor(%d) = %s', (points, band) => {
    expect(riskBandFor(points, DEFAULT_SCORING_CONFIG)).toBe(band);
  });

  it('sums signal points into bands', () => {
    expect(computeRisk({ community_90d: 0, webinars_90d: 0 })).toMatchObject({ points: 20, band: 'low' }); // 5 + 15
    expect(computeRisk({ community_90d: 0 })).toMatchObject({ points: 5, band: 'none' });
    expect(computeRisk({ latest_nps: 1, latest_csat: 1 })).toMatchObject({ points: 50, band: 'medium' });
    expect(computeRisk({ latest_nps: 1, latest_csat: 1, webinars_90d: 0, downloads_90d: 0 })).toMatchObject({
      points: 80,
      band: 'high',
    });
    expect(computeRisk({ latest_nps: 1, latest_csat: 1, login_frequency: 0 })).toMatchObject({ points: 75, band: 'medium' });
  });

  it('caps at 100 with every signal firing', () => {
    const r = computeRisk({
      login_frequency: 0,
      hours_per_user_week: 0,
      features_used_30d: 0,
      days_since_last_login: 30,
      unanswered_emails: 5,
      days_since_support_contact: 200,
      latest_nps: 0,
      latest_csat: 1,
      latest_ces: 5,
      webinars_90d: 0,
      downloads_90d: 0,
      community_90d: 0,
      sessions_30d: 0,
      sessions_prev_30d: 10,
      tickets_30d: 9,
      tickets_prev_30d: 0,
      payment_overdue_days: 60,
      days_since_champion_left: 10,
      competitor_evaluation: true,
    });
    expect(r.signals).toHaveLength(17);
    expect(r.signals.reduce((s, x) => s + x.points, 0)).toBe(10 * 25 + 6 * 15 + 5);
    expect(r.points).toBe(100);
    expect(r.band).toBe('high');
  });

  it('responds per band', () => {
    expect(responseFor('high')).toEqual({
      withinHours: 0,
      channels: ['phone', 'email'],
      message: 'how_can_we_help',
      goal: 'solve_critical_problems',
    });
    expect(responseFor('medium')).toEqual({
      withinHours: 24,
      channels: ['email', 'linkedin'],
      message: 'additional_value',
      goal: 're_engagement',
    });
    expect(responseFor('low')).toEqual({
      withinHours: 48,
      channels: ['email'],
      message: 'resources_best_practices',
      goal: 'prevent_escalation',
    });
    expect(responseFor('none')).toEqual({ withinHours: null, channels: [], message: null, goal: null });
    expect(computeRisk({ latest_nps: 1, latest_csat: 1 }).response.withinHours).toBe(24);
  });

  it('a returned response cannot corrupt the next one', () => {
    responseFor('high').channels.push('linkedin');
    expect(responseFor('high').channels).toEqual(['phone', 'email']);
  });
});

describe('risk properties', () => {
  const n = fc.option(fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true }), { nil: undefined });
  const arb = fc.record({
    login_frequency: n,
    hours_per_user_week: n,
    features_used_30d: n,
    days_since_last_login: n,
    unanswered_emails: n,
    days_since_support_contact: n,
    latest_nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    latest_csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    latest_ces: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    webinars_90d: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    downloads_90d: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    community_90d: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    sessions_30d: n,
    sessions_prev_30d: n,
    tickets_30d: n,
    tickets_prev_30d: n,
    payment_overdue_days: n,
    days_since_champion_left: n,
    competitor_evaluation: fc.option(fc.boolean(), { nil: undefined }),
  });

  it('points stay within 0..100 and match the band', () => {
    fc.assert(
      fc.property(arb, (inputs) => {
        const r = computeRisk(inputs);
        const raw = r.signals.reduce((s, x) => s + x.points, 0);
        return r.points >= 0 && r.points <= 100 && r.points === Math.min(100, raw) && r.band === riskBandFor(r.points);
      }),
    );
  });
});
