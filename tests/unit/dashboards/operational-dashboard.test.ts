import { describe, expect, it } from 'vitest';
import { accountsBehind } from '../../../src-shared/dashboards/dashboard-model';
import type { DashboardTouchpoint } from '../../../src-shared/dashboards/dashboard-sources';
import { operationalDashboard, type OperationalSources } from '../../../src-shared/dashboards/operational-dashboard';
import { AS_OF, behind, expectCountsBackedByAccounts, figure, kpi, values } from './helpers';

const tp = (accountId: string, dueAt: string, status: DashboardTouchpoint['status'], completedAt: string | null = null): DashboardTouchpoint => ({ accountId, dueAt, status, completedAt });

// asOf Fri 2026-11-20 10:00Z; this week starts Mon 11-16, so the 12 weeks run 08-31 .. 11-16.
const TOUCHPOINTS: DashboardTouchpoint[] = [
  tp('o1', '2026-11-10T00:00:00Z', 'done', '2026-11-16T09:00:00Z'), // due Tue wk 11-09, done next Mon: overdue 11-09, done 11-16
  tp('o2', '2026-11-10T00:00:00Z', 'done', '2026-11-12T15:00:00Z'), // done the same week: done 11-09 only
  tp('o1', '2026-11-11T00:00:00Z', 'planned'), // still planned: overdue 11-09
  tp('o3', '2026-11-20T09:00:00Z', 'planned'), // due today (before asOf's hour): not overdue yet
  tp('o3', '2026-11-18T00:00:00Z', 'planned'), // due Wed this week: overdue 11-16
  tp('o4', '2026-11-03T00:00:00Z', 'skipped'), // closed: not overdue
  tp('o4', '2026-11-04T00:00:00Z', 'cancelled'), // closed: not overdue
  tp('o5', '2026-11-17T00:00:00Z', 'done', '2026-11-19T08:00:00Z'), // done within this week: done 11-16
  tp('o5', '2026-08-20T00:00:00Z', 'planned'), // week of 08-17, before the chart
  tp('o6', '2026-09-01T00:00:00Z', 'planned'), // overdue in the first week shown, 08-31
  tp('o2', '2026-10-06T00:00:00Z', 'done', '2026-10-07T10:00:00Z'), // done 10-05
];

const SOURCES: OperationalSources = {
  asOf: AS_OF,
  touchpoints: TOUCHPOINTS,
  overdueAccountIds: ['o1', 'o1', 'o3'],
  // Ages from today 11-20: 0, 2, 3, 7, 8, 30, 31 days.
  openEscalations: [
    { accountId: 'o1', level: 1, openedAt: '2026-11-20T08:00:00Z' },
    { accountId: 'o2', level: 1, openedAt: '2026-11-18T23:00:00Z' },
    { accountId: 'o3', level: 2, openedAt: '2026-11-17T05:00:00Z' },
    { accountId: 'o3', level: 2, openedAt: '2026-11-13T12:00:00Z' },
    { accountId: 'o4', level: 3, openedAt: '2026-11-12T12:00:00Z' },
    { accountId: 'o5', level: 5, openedAt: '2026-10-21T12:00:00Z' },
    { accountId: 'o6', level: 5, openedAt: '2026-10-20T12:00:00Z' },
  ],
  onboarding: [
    { accountId: 'b1', checklistDone: 0 },
    { accountId: 'b2', checklistDone: 4 },
    { accountId: 'b3', checklistDone: 5 },
    { accountId: 'b4', checklistDone: 14 },
    { accountId: 'b5', checklistDone: 15 },
    { accountId: 'b6', checklistDone: 15 },
  ],
  feedback: [
    { accountId: 'o1', category: 'ux', sentiment: 'positive' },
    { accountId: 'o2', category: 'ux', sentiment: 'positive' },
    { accountId: 'o3', category: 'ux', sentiment: 'negative' },
    { accountId: 'o1', category: 'pricing', sentiment: 'negative' },
    { accountId: 'o4', category: 'Onboarding pain', sentiment: 'positive' },
    { accountId: 'o4', category: 'Onboarding pain', sentiment: 'neutral' },
    { accountId: 'o2', category: 'bug', sentiment: 'negative' },
    { accountId: 'o5', category: 'bug', sentiment: 'negative' },
    { accountId: 'o6', category: 'bug', sentiment: 'neutral' },
  ],
  contacts: [
    { accountId: 'o1', certificationLevel: 0 },
    { accountId: 'o2', certificationLevel: 0 },
    { accountId: 'o2', certificationLevel: 1 },
    { accountId: 'o3', certificationLevel: 3 },
    { accountId: 'o3', certificationLevel: 3 },
    { accountId: 'o4', certificationLevel: 3 },
  ],
  training: [
    { accountId: 'o1', sessions: null },
    { accountId: 'o2', sessions: 0 },
    { accountId: 'o3', sessions: 1 },
    { accountId: 'o4', sessions: 2 },
    { accountId: 'o5', sessions: 3 },
    { accountId: 'o6', sessions: 7 },
  ],
};

describe('operationalDashboard', () => {
  const built = operationalDashboard(SOURCES);

  it('counts overdue touchpoints, open escalations and onboarding accounts as KPIs', () => {
    // 3 overdue touchpoints at 2 accounts; 7 escalations at o1..o6; 6 onboarding.
    expect(kpi(built, 'overdueNow')).toMatchObject({ value: 3, n: 2 });
    expect([...(accountsBehind(built, { kind: 'kpi', id: 'overdueNow' }) ?? [])].sort()).toEqual(['o1', 'o3']);
    expect(kpi(built, 'openEscalations')).toMatchObject({ value: 7, n: 6 });
    expect(kpi(built, 'onboarding')).toMatchObject({ value: 6, n: 6 });
  });

  it('shows 12 Monday-start weeks, this week last', () => {
    const weeks = figure(built, 'touchpointsByWeek').categories.map((c) => c.key);
    expect(weeks).toHaveLength(12);
    // 11-16 − 11 weeks (77 days): − 16 → Oct 31, − 31 → Sep 30, − 30 → Aug 31.
    expect(weeks[0]).toBe('2026-08-31');
    expect(weeks[11]).toBe('2026-11-16');
  });

  it('counts a touchpoint done in the week it was completed', () => {
    const done = values(built, 'touchpointsByWeek', 'done');
    // 11-16: o1's (completed Mon 11-16) and o5's (11-19). 11-09: o2's (11-12). 10-05: o2's (10-07).
    expect(done['2026-11-16']).toBe(2);
    expect(done['2026-11-09']).toBe(1);
    expect(done['2026-10-05']).toBe(1);
    expect(Object.values(done).reduce((s, v) => (s ?? 0) + (v ?? 0), 0)).toBe(4);
    expect(behind(built, 'touchpointsByWeek', 'done', '2026-11-16')).toEqual(['o1', 'o5']);
  });

  it('counts overdue in the week due: before today, open, and not done within that week', () => {
    const overdue = values(built, 'touchpointsByWeek', 'overdue');
    // 11-09: o1's done-next-Monday one and o1's still-planned one (o2's done the same week is not).
    expect(overdue['2026-11-09']).toBe(2);
    expect(behind(built, 'touchpointsByWeek', 'overdue', '2026-11-09')).toEqual(['o1']);
    // 11-16: o3's due Wednesday; o3's due today and o5's done within the week are not.
    expect(overdue['2026-11-16']).toBe(1);
    expect(behind(built, 'touchpointsByWeek', 'overdue', '2026-11-16')).toEqual(['o3']);
    // 11-02: only skipped and cancelled ones.
    expect(overdue['2026-11-02']).toBe(0);
    expect(overdue['2026-08-31']).toBe(1);
    // 2 + 1 + 1; o5's from the week of 08-17 is off the chart.
    expect(Object.values(overdue).reduce((s, v) => (s ?? 0) + (v ?? 0), 0)).toBe(4);
  });

  it('buckets open escalations by level and days since opened (0–2, 3–7, 8–30, 31+)', () => {
    // Ages: o1 0 and o2 2 (level 1); o3 3 and 7 (level 2); o4 8 (level 3); o5 30 and o6 31 (level 5).
    expect(values(built, 'escalationsByLevel', 'age0to2')).toEqual({ level1: 2, level2: 0, level3: 0, level4: 0, level5: 0 });
    expect(values(built, 'escalationsByLevel', 'age3to7')).toEqual({ level1: 0, level2: 2, level3: 0, level4: 0, level5: 0 });
    expect(values(built, 'escalationsByLevel', 'age8to30')).toEqual({ level1: 0, level2: 0, level3: 1, level4: 0, level5: 1 });
    expect(values(built, 'escalationsByLevel', 'age31plus')).toEqual({ level1: 0, level2: 0, level3: 0, level4: 0, level5: 1 });
    expect(behind(built, 'escalationsByLevel', 'age3to7', 'level2')).toEqual(['o3']);
    expect(behind(built, 'escalationsByLevel', 'age31plus', 'level5')).toEqual(['o6']);
  });

  it('buckets onboarding accounts by checklist items done (0–4, 5–9, 10–14, all 15)', () => {
    // 0, 4 | 5 | 14 | 15, 15
    expect(values(built, 'onboardingProgress', 'accounts')).toEqual({ items0to4: 2, items5to9: 1, items10to14: 1, itemsAll: 2 });
    expect(behind(built, 'onboardingProgress', 'accounts', 'itemsAll')).toEqual(['b5', 'b6']);
  });

  it('orders feedback categories by frequency, splits them by sentiment and shows unknown ones as written', () => {
    const f = figure(built, 'feedbackByCategory');
    // bug 3 and ux 3 (tie broken by name), 'Onboarding pain' 2, pricing 1.
    expect(f.categories.map((c) => c.key)).toEqual(['bug', 'ux', 'Onboarding pain', 'pricing']);
    expect(f.categories.map((c) => c.label)).toEqual([
      { key: 'dash.feedback.bug' },
      { key: 'dash.feedback.ux' },
      { text: 'Onboarding pain' },
      { key: 'dash.feedback.pricing' },
    ]);
    expect(values(built, 'feedbackByCategory', 'positive')).toEqual({ bug: 0, ux: 2, 'Onboarding pain': 1, pricing: 0 });
    expect(values(built, 'feedbackByCategory', 'neutral')).toEqual({ bug: 1, ux: 0, 'Onboarding pain': 1, pricing: 0 });
    expect(values(built, 'feedbackByCategory', 'negative')).toEqual({ bug: 2, ux: 1, 'Onboarding pain': 0, pricing: 1 });
    expect(behind(built, 'feedbackByCategory', 'negative', 'bug')).toEqual(['o2', 'o5']);
  });

  it('counts contacts by certification level and accounts by training sessions', () => {
    // Levels 0, 0, 1, 3, 3, 3.
    expect(values(built, 'certification', 'contacts')).toEqual({ cert0: 2, cert1: 1, cert2: 0, cert3: 3 });
    // Two contacts at o3 are level 3: the value counts contacts, the drill-down lists accounts.
    expect(behind(built, 'certification', 'contacts', 'cert3')).toEqual(['o3', 'o4']);
    // Sessions: unknown (skipped), 0, 1, 2, 3 and 7 (both 3 or more).
    expect(values(built, 'training', 'accounts')).toEqual({ sessions0: 1, sessions1: 1, sessions2: 1, sessions3plus: 2 });
    expect(behind(built, 'training', 'accounts', 'sessions3plus')).toEqual(['o5', 'o6']);
  });

  it('backs every count with its accounts, and answers null for values it does not have', () => {
    expectCountsBackedByAccounts(built);
    expect(accountsBehind(built, { kind: 'figure', id: 'touchpointsByWeek', series: 'overdue', category: '2026-08-17' })).toBeNull();
    expect(accountsBehind(built, { kind: 'figure', id: 'touchpointsByWeek', series: 'late', category: '2026-11-16' })).toBeNull();
    expect(accountsBehind(built, { kind: 'kpi', id: 'csms' })).toBeNull();
  });

  it('does not count as overdue a touchpoint of this week done earlier today', () => {
    // Due Monday 16th, done Friday 20th at 08:00, the figures read at 10:00: done within its week.
    const today = operationalDashboard({ asOf: AS_OF, overdueAccountIds: [], openEscalations: [], onboarding: [], feedback: [], contacts: [], training: [], touchpoints: [{ accountId: 't1', dueAt: '2026-11-16T09:00:00.000Z', completedAt: '2026-11-20T08:00:00.000Z', status: 'done' }] });
    expect(values(today, 'touchpointsByWeek', 'done')['2026-11-16']).toBe(1);
    expect(values(today, 'touchpointsByWeek', 'overdue')['2026-11-16']).toBe(0);
  });
});
