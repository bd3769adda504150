import { FigureGrid, type BuiltDashboard, type Figure, type Kpi } from './dashboard-model';
import { activeAccounts, type DashboardAccount, type DashboardActivity, type DashboardGoal } from './dashboard-sources';
import { TIERS } from './executive-dashboard';

/** Touchpoints done and notes written this recently count as a CSM's activity. */
export const ACTIVITY_DAYS = 30;
/** Category key of the accounts nobody owns (no user id looks like it). */
export const UNOWNED = ' none';

export interface TeamSources {
  asOf: Date;
  accounts: readonly DashboardAccount[];
  /** Account of each planned touchpoint due before today. */
  overdueAccountIds: readonly string[];
  /** Account of each open escalation. */
  openEscalationAccountIds: readonly string[];
  activity: readonly DashboardActivity[];
  goals: readonly DashboardGoal[];
}

const TEAM_COLUMNS = ['accounts', 'arr', 'overdue', 'escalations', 'activity', 'goalProgress'] as const;

/**
 * The Team dashboard (issue 9), for a manager's book: one row per CSM (owner of active accounts),
 * by name. Goal progress is the mean progress of the CSM's goals, a done goal counting 100.
 */
export function teamDashboard(src: TeamSources): BuiltDashboard {
  const active = activeAccounts(src.accounts);
  const ownerOf = new Map(active.map((a) => [a.id, a.ownerId ?? UNOWNED]));
  const names = new Map<string, string>();
  for (const a of active) names.set(a.ownerId ?? UNOWNED, a.ownerName ?? '');
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  // By name, the accounts nobody owns last.
  const owners = [...names.keys()].sort(
    (x, y) => Number(x === UNOWNED) - Number(y === UNOWNED) || collator.compare(names.get(x) ?? '', names.get(y) ?? '') || (x < y ? -1 : 1),
  );

  const mix = new FigureGrid(TIERS, owners);
  const table = new FigureGrid(TEAM_COLUMNS, owners);
  for (const a of active) {
    const owner = ownerOf.get(a.id) as string;
    mix.add(a.tier, owner, a.id);
    table.add('accounts', owner, a.id);
    table.add('arr', owner, a.id, a.arr);
  }
  for (const id of src.overdueAccountIds) {
    const owner = ownerOf.get(id);
    if (owner !== undefined) table.add('overdue', owner, id);
  }
  for (const id of src.openEscalationAccountIds) {
    const owner = ownerOf.get(id);
    if (owner !== undefined) table.add('escalations', owner, id);
  }
  for (const a of src.activity) {
    const owner = ownerOf.get(a.accountId);
    if (owner !== undefined && a.touchpointsDone + a.notes > 0) table.add('activity', owner, a.accountId, a.touchpointsDone + a.notes);
  }
  const progress = new Map<string, { sum: number; n: number; ids: Set<string> }>();
  for (const g of src.goals) {
    const owner = ownerOf.get(g.accountId);
    if (owner === undefined) continue;
    const entry = progress.get(owner) ?? { sum: 0, n: 0, ids: new Set<string>() };
    entry.sum += g.status === 'done' ? 100 : g.progress;
    entry.n += 1;
    entry.ids.add(g.accountId);
    progress.set(owner, entry);
  }
  for (const owner of owners) {
    const entry = progress.get(owner);
    table.set('goalProgress', owner, entry ? entry.sum / entry.n / 100 : null, entry?.ids ?? []);
  }

  const ownerCategories = owners.map((owner) => ({
    key: owner,
    // An owner this book has no user row for is shown by id rather than as a second "No owner".
    label: owner === UNOWNED ? { key: 'owner.none' } : { text: names.get(owner) || owner },
  }));
  const [healthMix, teamTable]: Figure[] = [
    {
      id: 'teamHealthMix', chart: 'stackedBar', categories: ownerCategories,
      series: TIERS.map((tier) => ({ key: tier, label: { tier }, unit: 'count' as const, values: mix.seriesValues(tier) })),
    },
    {
      id: 'teamTable', chart: 'table', categories: ownerCategories,
      series: TEAM_COLUMNS.map((key) => ({
        key,
        label: { key: `dash.series.team.${key}`, params: { days: ACTIVITY_DAYS } },
        unit: key === 'arr' ? 'currency' as const : key === 'goalProgress' ? 'percent' as const : 'count' as const,
        values: table.seriesValues(key),
      })),
    },
  ];
  const kpis: Kpi[] = [{ id: 'csms', unit: 'count', value: owners.filter((o) => o !== UNOWNED).length, n: active.length }];
  return {
    dashboard: { name: 'team', asOf: src.asOf.toISOString(), kpis, figures: [healthMix as Figure, teamTable as Figure] },
    accounts: {
      kpis: { csms: active.map((a) => a.id) },
      figures: { teamHealthMix: mix.accountsFor(healthMix as Figure), teamTable: table.accountsFor(teamTable as Figure) },
    },
  };
}
