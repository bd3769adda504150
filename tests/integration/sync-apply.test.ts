import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityColumns, selectColumns } from '../../src-main/db/entity-sql';
import { SyncApplyError, SyncApplyRepository, type SyncChange } from '../../src-main/db/repositories/sync-apply-repository';
import { createIpcDispatcher } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { ENTITIES, type EntityName } from '../../src-shared/sync/entity-registry';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';

let store: ReturnType<typeof openFixtureStore>;
let sync: SyncApplyRepository;

beforeEach(() => {
  store = openFixtureStore();
  sync = new SyncApplyRepository(store.db);
});
afterEach(() => store.remove());

/** Applies changes the way pull-apply does: one transaction for the page. */
function apply(...changes: SyncChange[]): ReturnType<SyncApplyRepository['applyChange']>[] {
  return store.db.transaction(() => changes.map((change) => sync.applyChange(change)))();
}

/** The stored row of an entity with its synced columns, found by the change's row_id. */
function stored(entity: EntityName, rowId: string): Record<string, unknown> | undefined {
  const key = ENTITIES[entity].key;
  const values = key.length === 1 ? [rowId] : rowId.split('|');
  return store.db.prepare(`SELECT ${selectColumns(entity)} FROM ${entity} WHERE ${key.map((c) => `${c} = ?`).join(' AND ')}`).get(...values) as
    | Record<string, unknown>
    | undefined;
}

/** Every synced row of the store, to show a refused change wrote nothing. */
function everything(): Record<string, unknown[]> {
  return Object.fromEntries(
    (Object.keys(ENTITIES) as EntityName[]).map((entity) => [entity, store.db.prepare(`SELECT ${selectColumns(entity)} FROM ${entity} ORDER BY 1, 2`).all()]),
  );
}

const at = '2026-06-15T08:00:00.000Z';
const stamps = { created_at: at, updated_at: at, deleted_at: null };

/** One new row of every registry entity, in an order that satisfies the foreign keys. */
const NEW_ROWS: Array<[EntityName, string, Record<string, unknown>]> = [
  ['users', 'u2', { email: 'bo@example.com', name: 'Bo', role: 'csm', manager_id: null, ...stamps }],
  ['accounts', 'a2', {
    name: 'Cirrus', domain: 'cirrus.example', industry: 'Travel', plan: 'starter', arr: 9000, seats: 10, seats_used: 4,
    plan_feature_count: 10, volume_limit: 100, contract_start: '2025-03-01', renewal_date: '2026-09-01', renewals_count: 0,
    lifecycle_stage: 'adoption', owner_id: 'u2', status: 'active', churned_at: null, competitor_evaluation: 1, payment_overdue_days: 5, ...stamps,
  }],
  ['contacts', 'c2', { account_id: 'a2', name: 'Kai', email: null, role: 'CTO', is_champion: 1, departed_at: null, certification_level: 3, ...stamps }],
  ['metrics', 'a2|login_frequency|2026-06-14', { value: 3.5, deleted_at: null }],
  ['surveys', 's2', { account_id: 'a2', contact_id: 'c2', kind: 'nps', score: 9, answered_at: at, comment: 'Great', deleted_at: null }],
  ['touchpoints', 't2', {
    account_id: 'a2', kind: 'qbr', origin: 'manual', title: 'Q2 review', due_at: '2026-07-01T10:00:00.000Z', completed_at: null,
    status: 'planned', outcome: null, sentiment: null, contact_id: 'c2', ...stamps,
  }],
  ['notes', 'n2', { account_id: 'a2', touchpoint_id: 't2', author_id: 'u2', body: 'Pulled from the team', ...stamps }],
  ['escalations', 'e2', {
    account_id: 'a2', level: 2, reason: 'Slow support', severity: 'medium', status: 'open', owner_id: 'u2', opened_at: at, resolved_at: null, ...stamps,
  }],
  ['escalation_events', 'v2', { account_id: 'a2', escalation_id: 'e2', actor_id: 'u2', at, from_level: null, to_level: 2, why: 'Opened', deleted_at: null }],
  ['csm_sentiments', 'm2', { account_id: 'a2', author_id: 'u2', rating: 'amber', reason: 'Champion is leaving', at, deleted_at: null }],
  ['qbr_plans', 'q2', { account_id: 'a2', quarter: '2026-Q2', next_plan: '- Roll out to finance', commentary: 'Good quarter', snapshot_json: '{"health":71}', exported_at: at, ...stamps }],
  ['goals', 'g2', { account_id: 'a2', title: 'Adopt reports', target: '80%', due_at: null, status: 'in_progress', progress: 40, completed_at: null, ...stamps }],
  ['onboarding_items', 'o2', { account_id: 'a2', item_key: 'kickoff', phase: 'preparation', done_at: at, ...stamps }],
  ['feedback', 'f2', { account_id: 'a2', category: 'Reports', sentiment: 'negative', priority: 'high', status: 'new', body: 'Export is slow', ...stamps }],
  ['scoring_config', 'team', { config_json: '{"weights":{}}', updated_at: at }],
];

describe('pull-apply writes one change of any registry entity', () => {
  it('inserts a new row of every entity kind with exactly the given values, and names its account', () => {
    expect(NEW_ROWS.map(([entity]) => entity).sort()).toEqual(Object.keys(ENTITIES).sort());
    const results = apply(...NEW_ROWS.map(([entity, row_id, fields]) => ({ entity, row_id, op: 'upsert' as const, fields })));
    NEW_ROWS.forEach(([entity, rowId, fields], i) => {
      const key = ENTITIES[entity].key;
      const keyValues = Object.fromEntries(key.map((c, j) => [c, key.length === 1 ? rowId : rowId.split('|')[j]]));
      expect(stored(entity, rowId), entity).toEqual({ ...keyValues, ...fields });
      expect(Object.keys(stored(entity, rowId)!).sort(), entity).toEqual([...entityColumns(entity)].sort());
      const scope = ENTITIES[entity].scopeColumn;
      expect(results[i], entity).toEqual({ changed: true, accountId: scope === null ? null : 'a2' });
    });
  });

  it('a partial change of an existing row touches only the given columns', () => {
    const before = stored('touchpoints', store.ids.callId)!;
    const [result] = apply({
      entity: 'touchpoints', row_id: store.ids.callId, op: 'upsert',
      fields: { status: 'done', completed_at: at, outcome: 'Renewal confirmed', updated_at: at },
    });
    expect(result).toEqual({ changed: true, accountId: store.ids.acmeId });
    expect(stored('touchpoints', store.ids.callId)).toEqual({ ...before, status: 'done', completed_at: at, outcome: 'Renewal confirmed', updated_at: at });

    const account = stored('accounts', store.ids.acmeId)!;
    apply({ entity: 'accounts', row_id: store.ids.acmeId, op: 'upsert', fields: { owner_id: null } });
    expect(stored('accounts', store.ids.acmeId)).toEqual({ ...account, owner_id: null });

    const metricId = `${store.ids.acmeId}|support_tickets|2026-06-14`;
    apply({ entity: 'metrics', row_id: metricId, op: 'upsert', fields: { value: 7 } });
    expect(stored('metrics', metricId)).toEqual({ account_id: store.ids.acmeId, key: 'support_tickets', date: '2026-06-14', value: 7, deleted_at: null });
  });

  it('a delete tombstones the row and keeps it; a row never here stays absent unless the delete carries the whole row', () => {
    apply({ entity: 'notes', row_id: 'n9', op: 'upsert', fields: { account_id: store.ids.acmeId, touchpoint_id: null, author_id: null, body: 'Soon gone', ...stamps } });
    const live = stored('notes', 'n9')!;
    const [result] = apply({ entity: 'notes', row_id: 'n9', op: 'delete', fields: { deleted_at: '2026-06-15T09:00:00.000Z', updated_at: '2026-06-15T09:00:00.000Z' } });
    expect(result).toEqual({ changed: true, accountId: store.ids.acmeId });
    expect(stored('notes', 'n9')).toEqual({ ...live, deleted_at: '2026-06-15T09:00:00.000Z', updated_at: '2026-06-15T09:00:00.000Z' });

    const metricId = `${store.ids.acmeId}|login_frequency|2026-06-14`;
    apply({ entity: 'metrics', row_id: metricId, op: 'delete', fields: { deleted_at: at } });
    expect(stored('metrics', metricId)).toMatchObject({ value: 5, deleted_at: at });

    expect(apply({ entity: 'notes', row_id: 'never', op: 'delete', fields: { deleted_at: at } })).toEqual([{ changed: false, accountId: null }]);
    expect(stored('notes', 'never')).toBeUndefined();

    // A pulled delete carries the whole row: kept as a tombstone, so a live note pointing at it can arrive.
    const tombstone = { account_id: store.ids.acmeId, kind: 'call', origin: 'manual', title: 'Gone', due_at: at, completed_at: null, status: 'cancelled', outcome: null, sentiment: null, contact_id: null, created_at: at, updated_at: at, deleted_at: at };
    expect(apply(
      { entity: 'touchpoints', row_id: 't-gone', op: 'delete', fields: tombstone },
      { entity: 'notes', row_id: 'n-points', op: 'upsert', fields: { account_id: store.ids.acmeId, touchpoint_id: 't-gone', author_id: null, body: 'About the call', ...stamps } },
    )).toEqual([{ changed: true, accountId: store.ids.acmeId }, { changed: true, accountId: store.ids.acmeId }]);
    expect(stored('touchpoints', 't-gone')).toEqual({ id: 't-gone', ...tombstone });
  });

  it('refuses a bad change with an error naming entity and column, and writes nothing', () => {
    const before = everything();
    const refused: Array<[SyncChange, string | RegExp]> = [
      [{ entity: 'notes', row_id: store.ids.callId, op: 'upsert', fields: { body: 'x', seq: 4 } }, 'notes.seq'],
      [{ entity: 'notes', row_id: 'n3', op: 'upsert', fields: { bogus: 1 } }, 'notes.bogus'],
      [{ entity: 'touchpoints', row_id: store.ids.callId, op: 'upsert', fields: { status: 'finished' } }, 'touchpoints.status'],
      [{ entity: 'escalations', row_id: 'x', op: 'upsert', fields: { level: '3' } }, 'escalations.level'],
      [{ entity: 'metrics', row_id: `${store.ids.acmeId}|login_frequency|2026-06-14`, op: 'upsert', fields: { value: Number.POSITIVE_INFINITY } }, 'metrics.value'],
      [{ entity: 'accounts', row_id: store.ids.acmeId, op: 'upsert', fields: { competitor_evaluation: true } }, 'accounts.competitor_evaluation'],
      [{ entity: 'metrics', row_id: `${store.ids.acmeId}|login_frequency`, op: 'upsert', fields: { value: 1 } }, /metrics: row_id .* is not account_id\|key\|date/],
      [{ entity: 'outbox', row_id: '1', op: 'upsert', fields: {} }, /unknown entity "outbox"/],
      [{ entity: 'notes', row_id: 'n3', op: 'upsert', fields: { body: 'no account' } }, /notes n3: NOT NULL constraint failed: notes\.account_id/],
      [{ entity: 'notes', row_id: 'n3', op: 'upsert', fields: { account_id: 'nowhere', body: 'b', created_at: at, updated_at: at } }, /notes n3: FOREIGN KEY/],
      [{ entity: 'notes', row_id: 'n3', op: 'delete', fields: {} }, 'notes.deleted_at'],
      [{ entity: 'scoring_config', row_id: 'team', op: 'delete', fields: { updated_at: at } }, 'scoring_config rows are never tombstoned'],
    ];
    for (const [change, message] of refused) {
      let error: unknown;
      try {
        // A pull page refused midway: the caller's transaction rolls back with it.
        apply(change);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(change)).toBeInstanceOf(SyncApplyError);
      expect((error as Error).message, JSON.stringify(change)).toMatch(message);
    }
    // Refused inside a transaction the caller keeps: the failed change alone wrote nothing.
    store.db.transaction(() => {
      expect(() => sync.applyChange({ entity: 'notes', row_id: 'n4', op: 'upsert', fields: { body: 'orphan' } })).toThrow(SyncApplyError);
    })();
    expect(everything()).toEqual(before);
  });

  it('runs only inside the caller\'s transaction', () => {
    expect(() => sync.applyChange({ entity: 'metrics', row_id: `${store.ids.acmeId}|login_frequency|2026-06-14`, op: 'upsert', fields: { value: 1 } })).toThrow(
      /inside the caller's transaction/,
    );
    expect(stored('metrics', `${store.ids.acmeId}|login_frequency|2026-06-14`)).toMatchObject({ value: 5 });
  });

  it('an applied metric marks the account for rescoring, and portfolio.list shows the new score', () => {
    const dispatch = createIpcDispatcher(createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: store.ids.userId }), { validateResponses: true });
    const show = <T>(operation: string, payload: unknown): T => {
      const result = dispatch(operation, payload);
      if (!result.ok) throw new Error(result.error.message);
      return result.data as T;
    };
    const acmeRow = () => show<IpcResponse<'portfolio.list'>>('portfolio.list', {}).rows.find((row) => row.id === store.ids.acmeId)!;
    expect(acmeRow().health).toBe(100);
    expect(store.db.prepare('SELECT account_id FROM accounts_to_rescore').all()).toEqual([]);

    apply(
      { entity: 'metrics', row_id: `${store.ids.acmeId}|login_frequency|2026-06-15`, op: 'upsert', fields: { value: 0.5 } },
      { entity: 'metrics', row_id: `${store.ids.acmeId}|feature_adoption|2026-06-15`, op: 'upsert', fields: { value: 10 } },
    );
    expect(store.db.prepare('SELECT account_id FROM accounts_to_rescore').all()).toEqual([{ account_id: store.ids.acmeId }]);
    const row = acmeRow();
    expect(row.health).toBeLessThan(100);
    const panel = show<IpcResponse<'account.detail'>>('account.detail', { accountId: store.ids.acmeId });
    expect(panel.health.score).toBe(row.health);
    expect(store.db.prepare('SELECT account_id FROM accounts_to_rescore').all()).toEqual([]);
  });
});
