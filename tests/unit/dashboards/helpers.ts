import { expect } from 'vitest';
import type { BuiltDashboard, Figure, Kpi } from '../../../src-shared/dashboards/dashboard-model';
import type { DashboardAccount } from '../../../src-shared/dashboards/dashboard-sources';

/** Every test book is read on Friday 20 November 2026, 10:00 UTC (its week starts Monday the 16th). */
export const AS_OF = new Date('2026-11-20T10:00:00.000Z');

/** An active, stable, low-risk account; each test states only what matters to it. */
export function account(id: string, over: Partial<DashboardAccount> = {}): DashboardAccount {
  return {
    id,
    name: `Account ${id}`,
    arr: 1000,
    status: 'active',
    contractStart: '2024-01-01',
    renewalDate: '2027-06-01',
    churnedAt: null,
    ownerId: 'u1',
    ownerName: 'Carla Diaz',
    health: 70,
    tier: 'stable',
    riskBand: 'low',
    ...over,
  };
}

export function figure(built: BuiltDashboard, id: string): Figure {
  const found = built.dashboard.figures.find((f) => f.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
}

export function kpi(built: BuiltDashboard, id: string): Kpi {
  const found = built.dashboard.kpis.find((k) => k.id === id);
  if (!found) throw new Error(`no KPI ${id}`);
  return found;
}

/** The values of one series, keyed by category, so a test reads `values(...)['d60']`. */
export function values(built: BuiltDashboard, figureId: string, series: string): Record<string, number | null> {
  const f = figure(built, figureId);
  const s = f.series.find((x) => x.key === series);
  if (!s) throw new Error(`no series ${series} in ${figureId}`);
  return Object.fromEntries(f.categories.map((c, i) => [c.key, s.values[i] ?? null]));
}

/** The accounts behind one value, sorted (the order is not part of the contract). */
export function behind(built: BuiltDashboard, figureId: string, series: string, category: string): string[] {
  const f = figure(built, figureId);
  const s = f.series.findIndex((x) => x.key === series);
  const c = f.categories.findIndex((x) => x.key === category);
  return [...(built.accounts.figures[figureId]?.[s]?.[c] ?? [])].sort();
}

/**
 * For every count series of every figure: the distinct accounts behind a value are no more than the
 * value, and a value above 0 has at least one account behind it (a drill-down never opens empty).
 */
export function expectCountsBackedByAccounts(built: BuiltDashboard): void {
  let checked = 0;
  for (const f of built.dashboard.figures) {
    f.series.forEach((s, si) => {
      if (s.unit !== 'count') return;
      f.categories.forEach((c, ci) => {
        const value = s.values[ci] ?? 0;
        const ids = new Set(built.accounts.figures[f.id]?.[si]?.[ci] ?? []);
        const where = `${f.id}/${s.key}/${c.key}`;
        expect(ids.size, where).toBeLessThanOrEqual(value);
        if (value > 0) expect(ids.size, where).toBeGreaterThan(0);
        checked += 1;
      });
    });
  }
  expect(checked).toBeGreaterThan(0);
}
