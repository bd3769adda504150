import { describe, expect, it } from 'vitest';
import { accountsBehind } from '../../../src-shared/dashboards/dashboard-model';
import type { DashboardSurvey, LabelledOutcome } from '../../../src-shared/dashboards/dashboard-sources';
import { executiveDashboard, type ExecutiveSources } from '../../../src-shared/dashboards/executive-dashboard';
import { CHURN_FEATURES, type ChurnFeatures } from '../../../src-shared/scoring/churn-model';
import { AS_OF, account, behind, expectCountsBackedByAccounts, figure, kpi, values } from './helpers';

// asOf Fri 2026-11-20 10:00Z. Renewal day counts: Dec 5 = +15, Jan 4 = +45, Feb 8 = +80, Mar 15 = +115.
const ACCOUNTS = [
  account('a1', { arr: 10_000, tier: 'critical', riskBand: 'high', renewalDate: '2026-12-05', contractStart: '2024-01-15' }),
  account('a2', { arr: 20_000, tier: 'at_risk', riskBand: 'medium', renewalDate: '2027-01-04', contractStart: '2025-06-10' }),
  account('a3', { arr: 30_000, tier: 'stable', riskBand: 'low', renewalDate: '2027-02-08', contractStart: '2025-06-20' }),
  account('a4', { arr: 40_000, tier: 'successful', riskBand: 'none', renewalDate: '2026-11-10', contractStart: '2023-03-01' }),
  account('a5', { arr: 5_000, tier: 'stable', riskBand: 'medium', renewalDate: '2027-03-15', contractStart: '2026-02-01' }),
  // Churned: c1 would renew in 11 days at high risk, but a churned account is not in the live book.
  account('c1', { arr: 7_000, status: 'churned', tier: 'critical', riskBand: 'high', renewalDate: '2026-12-01', contractStart: '2024-05-01', churnedAt: '2026-10-12T15:00:00.000Z' }),
  account('c2', { arr: 3_000, status: 'churned', tier: 'at_risk', riskBand: 'medium', contractStart: '2025-06-15', churnedAt: '2026-03-05T09:00:00.000Z' }),
  account('c3', { arr: 9_000, status: 'churned', tier: 'critical', riskBand: 'high', contractStart: '2024-02-01', churnedAt: '2025-08-20T00:00:00.000Z' }),
  // Churned this month, after the GRR period (Nov 2025 – Oct 2026) ended.
  account('c4', { arr: 1_000, status: 'churned', tier: 'stable', riskBand: 'low', contractStart: '2024-06-01', churnedAt: '2026-11-05T00:00:00.000Z' }),
];

const survey = (accountId: string, kind: DashboardSurvey['kind'], score: number, answeredAt: string): DashboardSurvey => ({ accountId, kind, score, answeredAt });

// The 90-day window starts 2026-08-22 00:00Z (Nov 20 − 30 = Oct 21, − 30 = Sep 21, − 30 = Aug 22).
const SURVEYS: DashboardSurvey[] = [
  survey('a1', 'nps', 10, '2026-11-19T09:00:00Z'), // Q4 promoter
  survey('a2', 'nps', 10, '2026-11-01T09:00:00Z'), // Q4 promoter
  survey('a3', 'nps', 9, '2026-10-15T09:00:00Z'), // Q4 promoter
  survey('a1', 'nps', 8, '2026-10-02T09:00:00Z'), // Q4 passive
  survey('a2', 'nps', 7, '2026-09-30T09:00:00Z'), // Q3 passive
  survey('a3', 'nps', 7, '2026-09-10T09:00:00Z'), // Q3 passive
  survey('a4', 'nps', 6, '2026-08-22T00:00:00Z'), // Q3 detractor, first instant of the window
  survey('a5', 'nps', 0, '2026-08-25T09:00:00Z'), // Q3 detractor
  survey('a4', 'nps', 0, '2026-08-12T09:00:00Z'), // 100 days old: Q3 detractor on the chart, not in the KPI
  survey('a5', 'nps', 0, '2026-11-20T12:00:00Z'), // after asOf: nowhere
  survey('a1', 'nps', 9, '2026-02-14T09:00:00Z'), // Q1 promoter
  survey('a2', 'nps', 3, '2025-12-01T09:00:00Z'), // 2025-Q4: older than the four quarters shown
  survey('a1', 'csat', 5, '2026-11-10T09:00:00Z'),
  survey('a2', 'csat', 4, '2026-10-01T09:00:00Z'),
  survey('a3', 'csat', 4, '2026-09-01T09:00:00Z'),
  survey('a4', 'csat', 1, '2026-08-01T09:00:00Z'), // too old
  survey('a1', 'ces', 2, '2026-11-10T09:00:00Z'),
  survey('a2', 'ces', 3, '2026-10-20T09:00:00Z'),
  survey('a3', 'ces', 5, '2026-07-01T09:00:00Z'), // too old
];

function build(over: Partial<ExecutiveSources> = {}) {
  return executiveDashboard({ asOf: AS_OF, accounts: ACCOUNTS, surveys: SURVEYS, outcomes: [], minLabelled: 30, ...over });
}

describe('executiveDashboard: the live book', () => {
  const built = build();

  it('counts active accounts and their ARR only', () => {
    // a1..a5: 10k + 20k + 30k + 40k + 5k = 105k; the four churned accounts are left out.
    expect(kpi(built, 'activeAccounts')).toMatchObject({ value: 5, n: 5 });
    expect(kpi(built, 'arr')).toMatchObject({ value: 105_000, n: 5 });
  });

  it('splits active accounts and ARR by health tier', () => {
    // critical a1 (c1, c3 churned); at_risk a2 (c2 churned); stable a3 + a5 (c4 churned); successful a4.
    expect(values(built, 'healthByTier', 'accounts')).toEqual({ critical: 1, at_risk: 1, stable: 2, successful: 1, unscored: 0 });
    // stable: 30k + 5k = 35k.
    expect(values(built, 'arrByTier', 'arr')).toEqual({ critical: 10_000, at_risk: 20_000, stable: 35_000, successful: 40_000, unscored: 0 });
    expect(behind(built, 'healthByTier', 'accounts', 'stable')).toEqual(['a3', 'a5']);
  });

  it('splits active accounts and ARR by risk band', () => {
    // medium: a2 + a5 = 20k + 5k = 25k.
    expect(values(built, 'riskBands', 'accounts')).toEqual({ high: 1, medium: 2, low: 1, none: 1 });
    expect(values(built, 'riskBands', 'arr')).toEqual({ high: 10_000, medium: 25_000, low: 30_000, none: 40_000 });
  });

  it('counts renewals in cumulative 30/60/90-day windows, ARR at risk when the band is high or medium', () => {
    // a1 +15 days (high, 10k): d30 d60 d90 at risk. a2 +45 (medium, 20k): d60 d90 at risk.
    // a3 +80 (low, 30k): d90 safe. a4 renewed 10 days ago and a5 at +115: in none. c1 churned.
    expect(values(built, 'renewals', 'renewals')).toEqual({ d30: 1, d60: 2, d90: 3 });
    expect(values(built, 'renewals', 'arrAtRisk')).toEqual({ d30: 10_000, d60: 30_000, d90: 30_000 });
    expect(values(built, 'renewals', 'arrSafe')).toEqual({ d30: 0, d60: 0, d90: 30_000 });
    expect(behind(built, 'renewals', 'renewals', 'd60')).toEqual(['a1', 'a2']);
    expect(behind(built, 'renewals', 'arrSafe', 'd90')).toEqual(['a3']);
    // KPI: the at-risk ARR of the 90-day window, over a1 and a2.
    expect(kpi(built, 'arrAtRisk90')).toMatchObject({ value: 30_000, n: 2 });
    expect([...(accountsBehind(built, { kind: 'kpi', id: 'arrAtRisk90' }) ?? [])].sort()).toEqual(['a1', 'a2']);
  });

  it('scores NPS, CSAT and CES over the last 90 days only', () => {
    // NPS: 8 answers in the window, promoters 3 (10, 10, 9), detractors 2 (6, 0):
    // 100 × (3 − 2) / 8 = 12.5 → 13 (half away from zero). With the 100-day-old 0 it would be 0.
    expect(kpi(built, 'nps')).toMatchObject({ value: 13, n: 8, target: 'nps' });
    expect([...(accountsBehind(built, { kind: 'kpi', id: 'nps' }) ?? [])].sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    // CSAT: (5 + 4 + 4) / 3 = 4.333 → 4.33 (the old 1 would make it 3.5).
    expect(kpi(built, 'csat')).toMatchObject({ value: 4.33, n: 3 });
    // CES: (2 + 3) / 2 = 2.5 (the old 5 would make it 3.33).
    expect(kpi(built, 'ces')).toMatchObject({ value: 2.5, n: 2 });
  });

  it('buckets NPS answers by quarter: promoters 9–10, passives 7–8, detractors 0–6', () => {
    expect(figure(built, 'npsByQuarter').categories.map((c) => c.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    // Q1: the 9 of Feb 14. Q3: passives 7, 7; detractors 6, 0 and the 100-day-old 0. Q4: 10, 10, 9 and 8.
    expect(values(built, 'npsByQuarter', 'promoters')).toEqual({ '2026-Q1': 1, '2026-Q2': 0, '2026-Q3': 0, '2026-Q4': 3 });
    expect(values(built, 'npsByQuarter', 'passives')).toEqual({ '2026-Q1': 0, '2026-Q2': 0, '2026-Q3': 2, '2026-Q4': 1 });
    expect(values(built, 'npsByQuarter', 'detractors')).toEqual({ '2026-Q1': 0, '2026-Q2': 0, '2026-Q3': 3, '2026-Q4': 0 });
    // Three Q3 detractor answers from two accounts (a4 twice).
    expect(behind(built, 'npsByQuarter', 'detractors', '2026-Q3')).toEqual(['a4', 'a5']);
  });

  it('shows monthly churn = churned in the month ÷ active at its start, for the 12 complete months', () => {
    const churn = values(built, 'monthlyChurn', 'churnRate');
    expect(Object.keys(churn)).toHaveLength(12);
    expect(Object.keys(churn)[0]).toBe('2025-11');
    expect(Object.keys(churn)[11]).toBe('2026-10');
    // Nov 2025: a1 a2 a3 a4 c1 c2 c4 active on the 1st (a5 starts Feb 2026, c3 left Aug 2025); none churned.
    expect(churn['2025-11']).toBe(0);
    // Mar 2026: those 7 plus a5 = 8 active on Mar 1; c2 churned Mar 5 → 1/8.
    expect(churn['2026-03']).toBeCloseTo(1 / 8, 12);
    expect(behind(built, 'monthlyChurn', 'churnRate', '2026-03')).toEqual(['c2']);
    // Oct 2026: a1..a5, c1, c4 = 7 active on Oct 1; c1 churned Oct 12 → 1/7.
    expect(churn['2026-10']).toBeCloseTo(1 / 7, 12);
    expect(values(built, 'monthlyChurn', 'churned')).toMatchObject({ '2025-11': 0, '2026-03': 1, '2026-10': 1 });
    // c4 churned in November, the month still running: not on the chart.
    expect(Object.values(values(built, 'monthlyChurn', 'churned')).reduce((s, v) => (s ?? 0) + (v ?? 0), 0)).toBe(2);
    // The KPI is the last complete month.
    const last = kpi(built, 'monthlyChurn');
    expect(last.value).toBeCloseTo(1 / 7, 12);
    expect(last.n).toBe(1);
    expect(accountsBehind(built, { kind: 'kpi', id: 'monthlyChurn' })).toEqual(['c1']);
  });

  it('computes GRR and NRR over accounts live at the start of the 12-month period', () => {
    // Period 2025-11-01 .. 2026-11-01. Base: a1 10k, a2 20k, a3 30k, a4 40k, c1 7k, c2 3k, c4 1k = 111k
    // (a5 started inside it, c3 churned before it). Lost inside it: c1 + c2 = 10k; c4 churned after it.
    // GRR = (111k − 10k) / 111k = 101/111; NRR is the same (no ARR history).
    expect(kpi(built, 'grr').value).toBeCloseTo(101 / 111, 12);
    expect(kpi(built, 'grr').n).toBe(7);
    expect(kpi(built, 'nrr').value).toBeCloseTo(101 / 111, 12);
    expect([...(accountsBehind(built, { kind: 'kpi', id: 'grr' }) ?? [])].sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'c1', 'c2', 'c4']);
  });

  it('lists cohort retention by start month with the cohort members behind each value', () => {
    expect(figure(built, 'cohortRetention').categories.map((c) => c.key)).toEqual(['2023-03', '2024-01', '2024-02', '2024-05', '2024-06', '2025-06', '2026-02']);
    // 2025-06: a2 (06-10), c2 (06-15), a3 (06-20). c2 churned 2026-03-05: still there at month 6
    // (its anniversary 2025-12-15) but gone by month 12 (2026-06-15) → 2/3.
    expect(values(built, 'cohortRetention', 'size')['2025-06']).toBe(3);
    expect(values(built, 'cohortRetention', 'm6')['2025-06']).toBe(1);
    expect(values(built, 'cohortRetention', 'm12')['2025-06']).toBeCloseTo(2 / 3, 12);
    expect(behind(built, 'cohortRetention', 'm12', '2025-06')).toEqual(['a2', 'a3', 'c2']);
    // 2026-02 (a5): month 12 falls on 2027-02-01, after asOf → not yet measured.
    expect(values(built, 'cohortRetention', 'm12')['2026-02']).toBeNull();
  });

  it('backs every count with its accounts, and answers null for values it does not have', () => {
    expectCountsBackedByAccounts(built);
    expect(accountsBehind(built, { kind: 'kpi', id: 'nope' })).toBeNull();
    expect(accountsBehind(built, { kind: 'figure', id: 'nope', series: 'accounts', category: 'stable' })).toBeNull();
    expect(accountsBehind(built, { kind: 'figure', id: 'healthByTier', series: 'nope', category: 'stable' })).toBeNull();
    expect(accountsBehind(built, { kind: 'figure', id: 'healthByTier', series: 'accounts', category: 'nope' })).toBeNull();
  });
});

const FLAT: ChurnFeatures = { usage_frequency: 10, feature_adoption: 0.5, support_tickets: 2, payment_delays: 0, engagement_score: 60, roi_achievement: 1 };

describe('executiveDashboard: the churn model', () => {
  it('is unavailable below the labelled minimum, counting only outcomes with features', () => {
    const outcomes: LabelledOutcome[] = [
      ...['o1', 'o2', 'o3', 'o4', 'o5'].map((id, i) => ({ accountId: id, churned: i < 2, features: FLAT })),
      { accountId: 'o6', churned: true, features: null }, // unknown input: not usable
    ];
    const built = build({ outcomes, minLabelled: 30 });
    const model = figure(built, 'churnModel');
    expect(model.unavailable).toEqual({ key: 'dash.churnModel.too_few_labelled', params: { n: 5, min: 30 } });
    expect(model.series[0]?.values).toEqual(CHURN_FEATURES.map(() => null));
    expect(kpi(built, 'churnModelAuc')).toMatchObject({ value: null, n: 5 });
  });

  it('is unavailable when every outcome is alike', () => {
    const outcomes = Array.from({ length: 6 }, (_, i) => ({ accountId: `r${i}`, churned: false, features: FLAT }));
    const model = figure(build({ outcomes, minLabelled: 4 }), 'churnModel');
    expect(model.unavailable).toEqual({ key: 'dash.churnModel.single_class', params: { n: 6, min: 4 } });
  });

  it('fits when enough outcomes exist: payment delays, which separate churned from renewed, push churn up', () => {
    // 20 churned accounts with 4–6 payment delays, 20 renewed with 0–1; every other input is drawn the
    // same way in both groups, so payment delays alone tell them apart.
    const row = (i: number, churned: boolean): LabelledOutcome => ({
      accountId: `${churned ? 'x' : 'k'}${i}`,
      churned,
      features: {
        usage_frequency: 10 + (i % 4) * 5,
        feature_adoption: (i % 5) / 5,
        support_tickets: i % 3,
        payment_delays: churned ? 4 + (i % 3) : i % 2,
        engagement_score: 40 + (i % 6) * 10,
        roi_achievement: (i % 2) + 0.5,
      },
    });
    const outcomes = [...Array.from({ length: 20 }, (_, i) => row(i, true)), ...Array.from({ length: 20 }, (_, i) => row(i, false))];
    const built = build({ outcomes, minLabelled: 30 });
    const model = figure(built, 'churnModel');
    expect(model.unavailable).toBeUndefined();
    const coef = values(built, 'churnModel', 'coefficient');
    expect(coef.payment_delays).toBeGreaterThan(0);
    for (const f of CHURN_FEATURES) if (f !== 'payment_delays') expect(Math.abs(coef[f] ?? 0)).toBeLessThan(coef.payment_delays ?? 0);
    const auc = kpi(built, 'churnModelAuc');
    expect(auc.n).toBe(40);
    expect(auc.value).not.toBeNull();
    // Held-out rows are ranked by a model that reads delays the right way round: better than chance.
    expect(auc.value).toBeGreaterThan(0.5);
    expect(auc.value).toBeLessThanOrEqual(1);
    expect(behind(built, 'churnModel', 'coefficient', 'payment_delays')).toHaveLength(40);
  });
});

describe('executiveDashboard on odd data', () => {
  it('leaves a renewal date that does not parse out of every window', () => {
    const built = executiveDashboard({ asOf: AS_OF, accounts: [account('x1', { renewalDate: 'soon' }), account('x2', { renewalDate: '2026-12-01' })], surveys: [], outcomes: [], minLabelled: 30 });
    // x2 renews in 11 days: in every window; x1 in none.
    expect(values(built, 'renewals', 'renewals')).toEqual({ d30: 1, d60: 1, d90: 1 });
    expect(behind(built, 'renewals', 'renewals', 'd90')).toEqual(['x2']);
  });

  it('lists as a cohort\'s members only the accounts it counted (none starting after today)', () => {
    // Read on the 20th: y1 started on the 2nd, y2 starts on the 25th of the same month.
    const built = executiveDashboard({ asOf: AS_OF, accounts: [account('y1', { contractStart: '2026-11-02' }), account('y2', { contractStart: '2026-11-25' })], surveys: [], outcomes: [], minLabelled: 30 });
    expect(values(built, 'cohortRetention', 'size')['2026-11']).toBe(1);
    expect(behind(built, 'cohortRetention', 'size', '2026-11')).toEqual(['y1']);
  });
});
