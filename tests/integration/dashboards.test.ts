import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/db/open-store';
import { generateDemoBook } from '../../src-main/demo/demo-book';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { organisationTeam } from '../../src-shared/demo/demo-team';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { CATALOGS } from '../../src-shared/i18n/translate';
import { errorOf, ok } from '../helpers/ipc-results';

const AS_OF = new Date('2026-11-24T10:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'dashboards-'));
let db: Database;
let dispatch: IpcDispatch;

type Dashboard = IpcResponse<'dashboard.view'>;
type Portfolio = IpcResponse<'portfolio.list'>;
type Today = IpcResponse<'today.overview'>;
const view = (name: string) => ok<Dashboard>(dispatch('dashboard.view', { name }));
const drill = (name: string, target: object) => ok<IpcResponse<'dashboard.accounts'>>(dispatch('dashboard.accounts', { name, target })).accounts;
const figure = (d: Dashboard, id: string) => d.figures.find((f) => f.id === id)!;
const kpi = (d: Dashboard, id: string) => d.kpis.find((k) => k.id === id)!;
const valueOf = (d: Dashboard, id: string, series: string, category: string) => {
  const f = figure(d, id);
  return f.series.find((s) => s.key === series)!.values[f.categories.findIndex((c) => c.key === category)];
};

beforeAll(() => {
  db = openStore({ dataDir: dir });
  // A manager's book: several CSMs' accounts, so the Team dashboard has rows to compare.
  const { localUserId } = generateDemoBook(db, { accounts: 90, seed: 5, asOf: AS_OF, team: organisationTeam() });
  dispatch = createIpcDispatcher(createServiceContext(db, { now: () => AS_OF, localUserId }), { validateResponses: true });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dashboards over a demo book', () => {
  it("count the portfolio's tiers, bands and ARR as the engine scored them", () => {
    const { rows } = ok<Portfolio>(dispatch('portfolio.list', {}));
    const active = rows.filter((r) => r.status === 'active');
    const executive = view('executive');
    expect(kpi(executive, 'activeAccounts').value).toBe(active.length);
    expect(kpi(executive, 'arr').value).toBe(active.reduce((s, r) => s + r.arr, 0));
    for (const tier of ['critical', 'at_risk', 'stable', 'successful', 'unscored'] as const) {
      const ofTier = active.filter((r) => r.tier === tier);
      expect(valueOf(executive, 'healthByTier', 'accounts', tier), tier).toBe(ofTier.length);
      expect(valueOf(executive, 'arrByTier', 'arr', tier), tier).toBe(ofTier.reduce((s, r) => s + r.arr, 0));
      // The list a value opens is those accounts.
      expect(drill('executive', { kind: 'figure', id: 'healthByTier', series: 'accounts', category: tier }).map((a) => a.id).sort()).toEqual(ofTier.map((r) => r.id).sort());
    }
    for (const band of ['high', 'medium', 'low', 'none'] as const) {
      expect(valueOf(executive, 'riskBands', 'accounts', band), band).toBe(active.filter((r) => r.riskBand === band).length);
    }
  });

  it('agree with Today on renewals at risk, overdue work, escalations and onboarding', () => {
    const today = ok<Today>(dispatch('today.overview', {}));
    const executive = view('executive');
    expect(kpi(executive, 'arrAtRisk90').value).toBe(today.arrAtRisk);
    expect(valueOf(executive, 'renewals', 'renewals', 'd90')).toBe(today.renewals.length);
    const ids = (target: object) => drill('executive', target).map((a) => a.id).sort();
    expect(ids({ kind: 'figure', id: 'renewals', series: 'renewals', category: 'd90' })).toEqual(today.renewals.map((r) => r.account.id).sort());
    const atRisk = today.renewals.filter((r) => r.account.riskBand === 'high' || r.account.riskBand === 'medium').map((r) => r.account.id).sort();
    expect(ids({ kind: 'figure', id: 'renewals', series: 'arrAtRisk', category: 'd90' })).toEqual(atRisk);
    expect(ids({ kind: 'kpi', id: 'arrAtRisk90' })).toEqual(atRisk);
    const operational = view('operational');
    expect(kpi(operational, 'overdueNow').value).toBe(today.overdueTotal);
    expect(kpi(operational, 'openEscalations').value).toBe(today.escalations.length);
    expect(kpi(operational, 'onboarding').value).toBe(today.onboarding.length);
    expect(drill('operational', { kind: 'kpi', id: 'onboarding' }).map((a) => a.id).sort()).toEqual(today.onboarding.map((o) => o.account.id).sort());
  });

  it('count a touchpoint done this week whenever it was due, once', () => {
    const doneThisWeek = () => valueOf(view('operational'), 'touchpointsByWeek', 'done', '2026-11-23');
    const before = doneThisWeek() as number;
    const accountId = (db.prepare("SELECT id FROM accounts WHERE status = 'active' LIMIT 1").get() as { id: string }).id;
    const insert = db.prepare(
      `INSERT INTO touchpoints (id, account_id, kind, origin, title, due_at, completed_at, status, created_at, updated_at)
       VALUES (?, ?, 'call', 'manual', 'Catch-up', ?, ?, 'done', ?, ?)`,
    );
    // Due long ago and caught up today; due next year and done early today; due and done today.
    insert.run('dash-late', accountId, '2025-01-06T09:00:00.000Z', '2026-11-24T08:00:00.000Z', '2025-01-01T00:00:00.000Z', '2026-11-24T08:00:00.000Z');
    insert.run('dash-early', accountId, '2027-02-01T09:00:00.000Z', '2026-11-24T08:30:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-24T08:30:00.000Z');
    insert.run('dash-today', accountId, '2026-11-24T07:00:00.000Z', '2026-11-24T09:00:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-24T09:00:00.000Z');
    expect(doneThisWeek()).toBe(before + 3);
    db.prepare("DELETE FROM touchpoints WHERE id LIKE 'dash-%'").run();
  });

  it("give a manager one row per CSM whose figures add up to the book's", () => {
    const { rows } = ok<Portfolio>(dispatch('portfolio.list', {}));
    const active = rows.filter((r) => r.status === 'active');
    const team = view('team');
    const table = figure(team, 'teamTable');
    const owners = new Set(active.map((r) => r.ownerId));
    expect(table.categories.map((c) => c.key).sort()).toEqual([...owners].map(String).sort());
    const column = (key: string) => table.series.find((s) => s.key === key)!.values as number[];
    expect(column('accounts').reduce((a, b) => a + b, 0)).toBe(active.length);
    expect(column('arr').reduce((a, b) => a + b, 0)).toBe(active.reduce((s, r) => s + r.arr, 0));
    expect(column('overdue').reduce((a, b) => a + b, 0)).toBe(ok<Today>(dispatch('today.overview', {})).overdueTotal);
    const first = table.categories[0]!;
    const mine = active.filter((r) => r.ownerId === first.key);
    expect(drill('team', { kind: 'figure', id: 'teamTable', series: 'accounts', category: first.key }).map((a) => a.name).sort()).toEqual(mine.map((r) => r.name).sort());
    expect(first.label).toEqual({ text: mine[0]!.ownerName });
  });

  it('name every label in both languages', () => {
    for (const name of ['executive', 'operational', 'team']) {
      const d = view(name);
      const labels = d.figures.flatMap((f) => [...f.categories.map((c) => c.label), ...f.series.map((s) => s.label), ...(f.unavailable ? [f.unavailable] : [])]);
      const keys = [...labels.flatMap((l) => ('key' in l ? [l.key] : [])), ...d.figures.map((f) => `dash.figure.${f.id}`), ...d.figures.map((f) => `dash.figureNote.${f.id}`), ...d.kpis.flatMap((k) => [`dash.kpi.${k.id}`, `dash.kpiNote.${k.id}`])];
      for (const key of keys) {
        expect(CATALOGS.en[key as keyof typeof CATALOGS.en], `${name}: ${key}`).toBeTruthy();
        expect(CATALOGS.es[key as keyof typeof CATALOGS.es], `${name}: ${key}`).toBeTruthy();
      }
    }
  });

  it('refuse a figure the dashboard does not have, or a dashboard that does not exist, by name', () => {
    expect(errorOf(dispatch('dashboard.accounts', { name: 'executive', target: { kind: 'figure', id: 'healthByTier', series: 'accounts', category: 'legendary' } }))).toMatchObject({
      code: 'NOT_FOUND', message: 'The executive dashboard has no figure "healthByTier / accounts / legendary"', field: 'target',
    });
    expect(errorOf(dispatch('dashboard.accounts', { name: 'team', target: { kind: 'kpi', id: 'nps' } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(dispatch('dashboard.view', { name: 'board' }))).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(errorOf(dispatch('dashboard.accounts', { name: 'team', target: { kind: 'figure', id: 'x'.repeat(5000), series: 'a', category: 'b' } }))).toMatchObject({ code: 'VALIDATION' });
  });
});
