import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BookWriterRepository } from '../../src-main/db/repositories/book-writer-repository';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import type { IpcResponse, PortfolioRow } from '../../src-shared/ipc/contract';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';

let store: ReturnType<typeof openFixtureStore>;
let dispatch: IpcDispatch;

beforeEach(() => {
  store = openFixtureStore();
  dispatch = createIpcDispatcher(createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: store.ids.userId }), {
    validateResponses: true,
  });
});
afterEach(() => store.remove());

function ok<T>(operation: string, payload: unknown): T {
  const result = dispatch(operation, payload);
  if (!result.ok) throw new Error(result.error.message);
  return result.data as T;
}

/** What the table shows for Acme and what its panel shows, read the way the UI reads them. */
function acmeAsShown(): { row: PortfolioRow; panel: IpcResponse<'account.detail'> } {
  const { rows } = ok<IpcResponse<'portfolio.list'>>('portfolio.list', {});
  const row = rows.find((r) => r.id === store.ids.acmeId)!;
  // The table first, then the panel: each read must see the same facts.
  const panel = ok<IpcResponse<'account.detail'>>('account.detail', { accountId: store.ids.acmeId });
  return { row, panel };
}

function expectTableAndPanelAgree({ row, panel }: ReturnType<typeof acmeAsShown>): void {
  expect(row.health).toBe(panel.health.score);
  expect(row.tier).toBe(panel.health.tier);
  expect(row.riskPoints).toBe(panel.risk.points);
  expect(row.riskBand).toBe(panel.risk.band);
}

describe('a write to an account\'s inputs rescores it, however it arrives', () => {
  it('a new metric value (as sync or an import writes it) moves the health score in the table and the panel', () => {
    const before = acmeAsShown();
    expect(before.row.health).toBe(100);
    // Logins collapse and feature adoption drops, observed the day after the fixture's metrics.
    const writer = new BookWriterRepository(store.db);
    writer.insertMetric({ accountId: store.ids.acmeId, key: 'login_frequency', date: '2026-06-15', value: 0.5 });
    writer.insertMetric({ accountId: store.ids.acmeId, key: 'feature_adoption', date: '2026-06-15', value: 10 });
    const after = acmeAsShown();
    expect(after.row.health).toBeLessThan(before.row.health!);
    expectTableAndPanelAgree(after);
  });

  it('opening the panel first still leaves the table in step', () => {
    acmeAsShown();
    new BookWriterRepository(store.db).insertMetric({ accountId: store.ids.acmeId, key: 'login_frequency', date: '2026-06-15', value: 0 });
    const panel = ok<IpcResponse<'account.detail'>>('account.detail', { accountId: store.ids.acmeId });
    const row = ok<IpcResponse<'portfolio.list'>>('portfolio.list', {}).rows.find((r) => r.id === store.ids.acmeId)!;
    expect(row.health).toBe(panel.health.score);
    expect(row.health).toBeLessThan(100);
  });

  it('a low NPS answer, a departed champion and an overdue invoice each add their risk signal', () => {
    const before = acmeAsShown();
    const writer = new BookWriterRepository(store.db);
    writer.insertSurvey({ id: 's1', accountId: store.ids.acmeId, contactId: null, kind: 'nps', score: 2, answeredAt: '2026-06-14T10:00:00.000Z', comment: null });
    const afterSurvey = acmeAsShown();
    expect(afterSurvey.panel.risk.signals.map((s) => s.key)).toContain('low_nps');
    expect(afterSurvey.row.riskPoints).toBeGreaterThan(before.row.riskPoints);
    expectTableAndPanelAgree(afterSurvey);

    writer.insertContact({
      id: 'c1', accountId: store.ids.acmeId, name: 'Marta', email: null, role: 'VP', isChampion: true,
      departedAt: '2026-06-01T00:00:00.000Z', certificationLevel: 2, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-06-01T00:00:00.000Z',
    });
    const afterChampion = acmeAsShown();
    expect(afterChampion.panel.risk.signals.map((s) => s.key)).toContain('champion_left');
    expectTableAndPanelAgree(afterChampion);

    store.db.prepare('UPDATE accounts SET payment_overdue_days = 40 WHERE id = ?').run(store.ids.acmeId);
    const afterInvoice = acmeAsShown();
    expect(afterInvoice.panel.risk.signals.map((s) => s.key)).toContain('payment_overdue');
    expectTableAndPanelAgree(afterInvoice);
  });

  it('rescores only the account that changed, not the whole book', () => {
    acmeAsShown();
    const borealisScoredAt = () =>
      (store.db.prepare('SELECT as_of FROM account_scores WHERE account_id = ?').get(store.ids.borealisId) as { as_of: string }).as_of;
    const stamp = borealisScoredAt();
    store.db.prepare("UPDATE account_scores SET as_of = 'untouched' WHERE account_id = ?").run(store.ids.borealisId);
    new BookWriterRepository(store.db).insertMetric({ accountId: store.ids.acmeId, key: 'login_frequency', date: '2026-06-15', value: 1 });
    acmeAsShown();
    expect(borealisScoredAt()).toBe('untouched');
    expect(stamp).not.toBe('untouched');
  });
});
