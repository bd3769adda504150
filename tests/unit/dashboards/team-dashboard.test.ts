import { describe, expect, it } from 'vitest';
import { accountsBehind } from '../../../src-shared/dashboards/dashboard-model';
import { teamDashboard, UNOWNED, type TeamSources } from '../../../src-shared/dashboards/team-dashboard';
import { AS_OF, account, behind, expectCountsBackedByAccounts, figure, kpi, values } from './helpers';

const carla = { ownerId: 'u1', ownerName: 'Carla Diaz' };
const ben = { ownerId: 'u2', ownerName: 'Ben Ortiz' };
// A lower-case name: sorted by the collator ('ana' < 'Ben'), not by code unit ('B' < 'a').
const ana = { ownerId: 'u3', ownerName: 'ana Silva' };

const SOURCES: TeamSources = {
  asOf: AS_OF,
  accounts: [
    account('A1', { ...carla, arr: 10_000, tier: 'stable' }),
    account('A2', { ...carla, arr: 15_000, tier: 'at_risk' }),
    account('A3', { ...ben, arr: 20_000, tier: 'critical' }),
    account('A4', { ...ana, arr: 5_000, tier: 'successful' }),
    account('A5', { ...ana, arr: 50_000, tier: 'critical', status: 'churned', churnedAt: '2026-06-01T00:00:00Z' }),
    account('A6', { ownerId: null, ownerName: null, arr: 8_000, tier: 'unscored' }),
    // Dan owns only a churned account: no row for him.
    account('A7', { ownerId: 'u4', ownerName: 'Dan Fox', arr: 9_000, status: 'churned', churnedAt: '2026-05-01T00:00:00Z' }),
  ],
  overdueAccountIds: ['A1', 'A1', 'A2', 'A3', 'A5', 'ghost'],
  openEscalationAccountIds: ['A3', 'A3', 'A6', 'A5'],
  activity: [
    { accountId: 'A1', touchpointsDone: 2, notes: 3 },
    { accountId: 'A2', touchpointsDone: 0, notes: 0 },
    { accountId: 'A4', touchpointsDone: 1, notes: 0 },
    { accountId: 'A5', touchpointsDone: 10, notes: 10 },
    { accountId: 'A6', touchpointsDone: 0, notes: 2 },
  ],
  goals: [
    { accountId: 'A1', status: 'in_progress', progress: 40 },
    { accountId: 'A1', status: 'done', progress: 70 }, // done counts 100, whatever its progress says
    { accountId: 'A2', status: 'not_started', progress: 0 },
    { accountId: 'A3', status: 'missed', progress: 30 },
    { accountId: 'A4', status: 'in_progress', progress: 80 },
    { accountId: 'A5', status: 'done', progress: 100 }, // churned account: left out
  ],
};

describe('teamDashboard', () => {
  const built = teamDashboard(SOURCES);
  const table = (series: string) => values(built, 'teamTable', series);

  it('has one row per owner of active accounts, sorted by name, plus one for the unowned', () => {
    const keys = figure(built, 'teamTable').categories.map((c) => c.key);
    // By name, and the accounts nobody owns last; they are not a CSM.
    expect(keys).toEqual(['u3', 'u2', 'u1', UNOWNED]);
    expect(kpi(built, 'csms').value).toBe(3);
    expect(keys).not.toContain('u4');
    const labels = Object.fromEntries(figure(built, 'teamTable').categories.map((c) => [c.key, c.label]));
    expect(labels).toEqual({ u1: { text: 'Carla Diaz' }, u2: { text: 'Ben Ortiz' }, u3: { text: 'ana Silva' }, [UNOWNED]: { key: 'owner.none' } });
    expect(figure(built, 'teamHealthMix').categories).toEqual(figure(built, 'teamTable').categories);
  });

  it('counts active accounts and their ARR per owner', () => {
    // Carla A1 + A2 = 25k; Ben A3 20k; ana A4 5k (A5 churned); nobody A6 8k.
    expect(table('accounts')).toEqual({ u1: 2, u2: 1, u3: 1, [UNOWNED]: 1 });
    expect(table('arr')).toEqual({ u1: 25_000, u2: 20_000, u3: 5_000, [UNOWNED]: 8_000 });
    expect(kpi(built, 'csms').n).toBe(5);
  });

  it('counts overdue touchpoints and open escalations at the owner’s active accounts', () => {
    // Overdue: A1 twice + A2 → Carla 3; A3 → Ben 1; A5 is churned and 'ghost' unknown.
    expect(table('overdue')).toEqual({ u1: 3, u2: 1, u3: 0, [UNOWNED]: 0 });
    // Escalations: A3 twice → Ben 2; A6 → unowned 1; A5 churned.
    expect(table('escalations')).toEqual({ u1: 0, u2: 2, u3: 0, [UNOWNED]: 1 });
  });

  it('drills from a value to the accounts behind it', () => {
    expect(accountsBehind(built, { kind: 'figure', id: 'teamTable', series: 'overdue', category: 'u1' })?.slice().sort()).toEqual(['A1', 'A2']);
    expect(accountsBehind(built, { kind: 'figure', id: 'teamTable', series: 'escalations', category: UNOWNED })).toEqual(['A6']);
    expect(accountsBehind(built, { kind: 'figure', id: 'teamTable', series: 'overdue', category: 'u3' })).toEqual([]);
    // Dan has no row; 'u9' never existed; 'late' is not a column.
    expect(accountsBehind(built, { kind: 'figure', id: 'teamTable', series: 'overdue', category: 'u4' })).toBeNull();
    expect(accountsBehind(built, { kind: 'figure', id: 'teamTable', series: 'overdue', category: 'u9' })).toBeNull();
    expect(accountsBehind(built, { kind: 'figure', id: 'teamTable', series: 'late', category: 'u1' })).toBeNull();
  });

  it('sums activity as touchpoints done plus notes', () => {
    // Carla: A1 2 + 3 = 5 (A2 had none); ana A4 1 + 0 = 1; unowned A6 0 + 2 = 2; A5's 20 is churned.
    expect(table('activity')).toEqual({ u1: 5, u2: 0, u3: 1, [UNOWNED]: 2 });
    expect(behind(built, 'teamTable', 'activity', 'u1')).toEqual(['A1']);
  });

  it('averages goal progress as a fraction, a done goal counting 100', () => {
    const progress = table('goalProgress');
    // Carla: (40 + 100 + 0) / 3 / 100 = 0.4667. Ben: 30 / 100 = 0.3.
    expect(progress.u1).toBeCloseTo(140 / 300, 12);
    expect(progress.u2).toBeCloseTo(0.3, 12);
    // ana: A4's 80 only (A5's done goal is at a churned account) → 0.8, not (80 + 100) / 2.
    expect(progress.u3).toBeCloseTo(0.8, 12);
    // No goals at A6: nothing to measure.
    expect(progress[UNOWNED]).toBeNull();
    expect(behind(built, 'teamTable', 'goalProgress', 'u1')).toEqual(['A1', 'A2']);
  });

  it('splits each owner’s active accounts by health tier', () => {
    expect(values(built, 'teamHealthMix', 'stable')).toEqual({ u1: 1, u2: 0, u3: 0, [UNOWNED]: 0 });
    expect(values(built, 'teamHealthMix', 'at_risk')).toEqual({ u1: 1, u2: 0, u3: 0, [UNOWNED]: 0 });
    // Ben's A3 is critical; ana's churned A5 is not counted.
    expect(values(built, 'teamHealthMix', 'critical')).toEqual({ u1: 0, u2: 1, u3: 0, [UNOWNED]: 0 });
    expect(values(built, 'teamHealthMix', 'successful')).toEqual({ u1: 0, u2: 0, u3: 1, [UNOWNED]: 0 });
    expect(values(built, 'teamHealthMix', 'unscored')).toEqual({ u1: 0, u2: 0, u3: 0, [UNOWNED]: 1 });
  });

  it('backs every count with its accounts', () => {
    expectCountsBackedByAccounts(built);
  });
});
