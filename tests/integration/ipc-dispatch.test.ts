import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BookWriterRepository } from '../../src-main/db/repositories/book-writer-repository';
import { AccountInputsRepository } from '../../src-main/db/repositories/account-inputs-repository';
import { TouchpointsRepository } from '../../src-main/db/repositories/touchpoints-repository';
import { STORE_FILE_NAME } from '../../src-main/db/open-store';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { derivedId } from '../../src-shared/sync/derived-id';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';

let store: ReturnType<typeof openFixtureStore>;
let dispatch: IpcDispatch;
const logged: unknown[] = [];

beforeEach(() => {
  store = openFixtureStore();
  const ctx = createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: store.ids.userId });
  dispatch = createIpcDispatcher(ctx, { validateResponses: true, log: (_m, e) => logged.push(e) });
});
afterEach(() => store.remove());

function errorOf(result: ReturnType<IpcDispatch>) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data).slice(0, 200)}`);
  return result.error;
}

describe('IPC contract validation: bad payloads get a structured error, never a crash', () => {
  it('rejects an operation that is not in the contract', () => {
    expect(errorOf(dispatch('accounts.dropAll', {}))).toEqual({ code: 'UNKNOWN_OPERATION', message: 'Unknown operation "accounts.dropAll"' });
    expect(errorOf(dispatch(42, {})).code).toBe('UNKNOWN_OPERATION');
  });

  it.each([
    ['account.detail', {}, 'accountId'],
    ['account.detail', { accountId: 7 }, 'accountId'],
    ['notes.add', { id: uuidv7(), accountId: 'x', body: '   ' }, 'body'],
    ['notes.add', { id: uuidv7(), accountId: 'x', body: 'hi', author: 'me' }, 'author'],
    ['notes.add', { id: 'not-a-uuid', accountId: 'x', body: 'hi' }, 'id'],
    ['notes.list', { accountId: 'x', before: '' }, 'before'],
    ['notes.search', { query: '' }, 'query'],
    ['touchpoints.reschedule', { touchpointId: 'x', dueAt: 'next tuesday' }, 'dueAt'],
    ['touchpoints.complete', { touchpointId: 'x', sentiment: 'ecstatic' }, 'sentiment'],
    ['notes.list', { accountId: 'x', limit: -1 }, 'limit'],
  ])('%s with %j names the field %s', (operation, payload, field) => {
    const error = errorOf(dispatch(operation, payload));
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it('rejects a payload that is not an object', () => {
    expect(errorOf(dispatch('notes.add', 'hello')).code).toBe('VALIDATION');
    expect(errorOf(dispatch('notes.add', [1, 2])).code).toBe('VALIDATION');
  });

  it('reports a missing account as NOT_FOUND and writes nothing', () => {
    const error = errorOf(dispatch('notes.add', { id: uuidv7(), accountId: 'missing', body: 'Lost note' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'accountId' });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 0 });
  });

  it('turns an unexpected failure into INTERNAL and keeps serving afterwards', () => {
    store.db.exec('DROP TRIGGER notes_fts_insert; CREATE TRIGGER boom BEFORE INSERT ON notes BEGIN SELECT RAISE(ABORT, \'disk on fire\'); END;');
    const error = errorOf(dispatch('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body: 'Will fail' }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('disk on fire');
    expect(logged.length).toBeGreaterThan(0);
    const after = dispatch('portfolio.list', {});
    expect(after.ok).toBe(true);
  });
});

describe('text at the boundary: what is not valid Unicode or has nothing visible is refused, and nothing is written', () => {
  const nothingWritten = () => {
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  };

  it.each([
    ['a lone high surrogate', 'hi \ud800'],
    ['a lone low surrogate', '\udc00 llamada'],
    ['surrogates in the wrong order', 'nota \udc00\ud800'],
  ])('a note body with %s is a VALIDATION error naming body', (_label, body) => {
    const error = errorOf(dispatch('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body }));
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'body' });
    expect(error.message).toContain('surrogate');
    nothingWritten();
  });

  it('a note body of only zero-width spaces, BOM, NBSP and other blanks is refused like an empty one', () => {
    for (const body of ['\u200b\u200b', '\ufeff', '\u00a0 \u00a0', '\u200b\ufeff\u00a0\u2060\u200d\n\t', '']) {
      const error = errorOf(dispatch('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body }));
      expect(error, JSON.stringify(body)).toMatchObject({ code: 'VALIDATION', field: 'body' });
    }
    nothingWritten();
  });

  it('an update to such a body is refused the same way and leaves the note as it was', () => {
    const id = uuidv7();
    expect(dispatch('notes.add', { id, accountId: store.ids.acmeId, body: 'Original' }).ok).toBe(true);
    expect(errorOf(dispatch('notes.update', { id, body: 'hi \ud800' }))).toMatchObject({ code: 'VALIDATION', field: 'body' });
    expect(errorOf(dispatch('notes.update', { id, body: '\u200b\ufeff\u00a0' }))).toMatchObject({ code: 'VALIDATION', field: 'body' });
    expect(store.db.prepare('SELECT body FROM notes WHERE id = ?').get(id)).toEqual({ body: 'Original' });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });

  it('a search text with a lone surrogate or nothing visible is a VALIDATION error naming query', () => {
    for (const query of ['hi \ud800', '\udfff', '\u200b\ufeff\u00a0']) {
      expect(errorOf(dispatch('notes.search', { query })), JSON.stringify(query)).toMatchObject({ code: 'VALIDATION', field: 'query' });
      expect(errorOf(dispatch('notes.list', { accountId: store.ids.acmeId, query })), JSON.stringify(query)).toMatchObject({
        code: 'VALIDATION',
        field: 'query',
      });
    }
  });

  it('a body with a properly paired emoji and invisible characters around real text is kept exactly', () => {
    const body = '\u200b👍🏽 Llamada\u00a0con el campeón \ufeff';
    const added = dispatch('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body });
    if (!added.ok) throw new Error(added.error.message);
    expect((added.data as { note: { body: string } }).note.body).toBe(body);
  });
});

describe('IPC operations over the real store', () => {
  it('lists the portfolio with engine-computed health, tier, risk, next touchpoint and escalation', () => {
    const result = dispatch('portfolio.list', {});
    if (!result.ok) throw new Error(result.error.message);
    const rows = (result.data as { rows: Array<Record<string, unknown>> }).rows;
    const acme = rows.find((r) => r.name === 'Acme');
    const borealis = rows.find((r) => r.name === 'Borealis');
    // Acme: every metric at its curve's top → 100, successful; no risk signal fires.
    expect(acme).toMatchObject({ health: 100, tier: 'successful', riskBand: 'none', escalationLevel: null });
    expect(acme?.nextTouchpoint).toMatchObject({ title: 'Monthly check-in', overdue: false });
    // Borealis: low sessions, few features, no login 7d, usage decline, overdue payment, competitor → capped 100.
    expect(borealis).toMatchObject({ tier: 'critical', riskBand: 'high', riskPoints: 100, escalationLevel: 4, nextTouchpoint: null });
  });

  it('adds a note durably with its outbox mutation and finds it by an accent-free search', () => {
    const added = dispatch('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body: 'Reunión con el campeón: quieren SSO' });
    expect(added.ok).toBe(true);
    const outbox = store.db.prepare('SELECT entity, op, fields_json FROM outbox').all() as Array<{ entity: string; op: string; fields_json: string }>;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'notes', op: 'upsert' });
    expect(JSON.parse(outbox[0]!.fields_json).body).toBe('Reunión con el campeón: quieren SSO');

    const search = dispatch('notes.search', { query: 'reunion campeon' });
    if (!search.ok) throw new Error(search.error.message);
    const hits = (search.data as { hits: Array<{ accountName: string; snippet: string }> }).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ accountName: 'Acme' });
    expect(hits[0]!.snippet).toContain('[Reunión]');
  });

  it('treats FTS operators in a search as plain words', () => {
    for (const query of ['"unbalanced', 'NEAR(', 'a OR', '*', 'SSO AND -x']) {
      expect(dispatch('notes.search', { query }).ok).toBe(true);
    }
  });

  it('lists notes newest first for one account', () => {
    dispatch('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body: 'first' });
    dispatch('notes.add', { id: uuidv7(), accountId: store.ids.acmeId, body: 'second' });
    const list = dispatch('notes.list', { accountId: store.ids.acmeId });
    if (!list.ok) throw new Error(list.error.message);
    expect((list.data as { notes: Array<{ body: string }> }).notes.map((n) => n.body)).toEqual(['second', 'first']);
  });

  it('completes a planned touchpoint once, and refuses to complete it again', () => {
    const done = dispatch('touchpoints.complete', { touchpointId: store.ids.callId, outcome: 'Renewal looks safe', sentiment: 'positive' });
    if (!done.ok) throw new Error(done.error.message);
    expect((done.data as { touchpoint: unknown }).touchpoint).toMatchObject({ status: 'done', completedAt: FIXTURE_NOW.toISOString(), sentiment: 'positive' });
    const again = errorOf(dispatch('touchpoints.complete', { touchpointId: store.ids.callId }));
    expect(again).toMatchObject({ code: 'CONFLICT', field: 'touchpointId' });
  });

  it('reschedules a planned touchpoint and lists it at its new date', () => {
    const moved = dispatch('touchpoints.reschedule', { touchpointId: store.ids.callId, dueAt: '2026-07-01' });
    expect(moved.ok).toBe(true);
    const list = dispatch('touchpoints.list', { accountId: store.ids.acmeId, status: 'planned' });
    if (!list.ok) throw new Error(list.error.message);
    const listed = (list.data as { touchpoints: Array<{ id: string; dueAt: string }> }).touchpoints.find((t) => t.id === store.ids.callId);
    expect(listed?.dueAt).toBe('2026-07-01T00:00:00.000Z');
    expect(errorOf(dispatch('touchpoints.reschedule', { touchpointId: store.ids.doneCallId, dueAt: '2026-07-01' })).code).toBe('CONFLICT');
  });

  it('returns account detail with an explainable health breakdown', () => {
    const detail = dispatch('account.detail', { accountId: store.ids.borealisId });
    if (!detail.ok) throw new Error(detail.error.message);
    const data = detail.data as { health: { categories: { usage: { metrics: Array<{ key: string; input: number | null }> } } }; openEscalations: unknown[] };
    expect(data.health.categories.usage.metrics.find((m) => m.key === 'login_frequency')?.input).toBe(1);
    expect(data.openEscalations).toHaveLength(1);
    expect(errorOf(dispatch('account.detail', { accountId: 'nope' })).code).toBe('NOT_FOUND');
  });
});

describe('data.changed pushes', () => {
  it('fires after a successful write with the account it touched, never after reads or failures', () => {
    const events: unknown[] = [];
    const ctx = createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: store.ids.userId });
    const watched = createIpcDispatcher(ctx, { onDataChanged: (event) => events.push(event) });
    watched('portfolio.list', {});
    watched('notes.add', { id: uuidv7(), accountId: 'missing', body: 'x' });
    expect(events).toEqual([]);
    watched('touchpoints.complete', { touchpointId: store.ids.callId });
    expect(events).toEqual([{ operation: 'touchpoints.complete', accountIds: [store.ids.acmeId] }]);
  });
});

describe('touchpoint rules', () => {
  it('completing a cadence check-in plans the next one at the shorter of tier and loyalty interval', () => {
    // Acme: health 100 (successful: quarterly) and 29 months of contract (platinum: weekly) → 7 days.
    const done = dispatch('touchpoints.complete', { touchpointId: store.ids.checkInId, outcome: 'All good' });
    expect(done.ok).toBe(true);
    const planned = dispatch('touchpoints.list', { accountId: store.ids.acmeId, status: 'planned' });
    if (!planned.ok) throw new Error(planned.error.message);
    const checkIns = (planned.data as { touchpoints: Array<{ kind: string; origin: string; dueAt: string; title: string }> }).touchpoints.filter(
      (t) => t.kind === 'check_in',
    );
    expect(checkIns).toEqual([expect.objectContaining({ origin: 'cadence', dueAt: '2026-06-22T00:00:00.000Z', title: '@checkIn:7' })]);
    const outboxKinds = store.db.prepare("SELECT json_extract(fields_json, '$.status') AS status FROM outbox WHERE entity = 'touchpoints'").all();
    expect(outboxKinds).toEqual([{ status: 'done' }, { status: 'planned' }]);
  });

  it('answers the rows of named accounts exactly as the whole list shows them, leaving out deleted ones', () => {
    const whole = dispatch('portfolio.list', {});
    if (!whole.ok) throw new Error(whole.error.message);
    const acmeRow = (whole.data as { rows: Array<{ id: string }> }).rows.find((r) => r.id === store.ids.acmeId);
    store.db.prepare("UPDATE accounts SET deleted_at = '2026-06-15T00:00:00.000Z' WHERE id = ?").run(store.ids.borealisId);
    const some = dispatch('portfolio.rows', { accountIds: [store.ids.acmeId, store.ids.borealisId, 'gone'] });
    if (!some.ok) throw new Error(some.error.message);
    expect((some.data as { rows: unknown[] }).rows).toEqual([acmeRow]);
    expect(errorOf(dispatch('portfolio.rows', { accountIds: [] })).field).toBe('accountIds');
  });

  it('plans the next check-in under an id derived from the one completed, the same on every device', () => {
    // A second device with the same book completes the same check-in on its own.
    const other = openFixtureStore();
    try {
      const otherDispatch = createIpcDispatcher(createServiceContext(other.db, { now: () => FIXTURE_NOW }));
      for (const run of [dispatch, otherDispatch]) expect(run('touchpoints.complete', { touchpointId: store.ids.checkInId }).ok).toBe(true);
      const plannedId = (db: typeof store.db) =>
        (db.prepare("SELECT id FROM touchpoints WHERE status = 'planned' AND kind = 'check_in'").all() as Array<{ id: string }>).map((r) => r.id);
      expect(plannedId(store.db)).toHaveLength(1);
      expect(plannedId(other.db)).toEqual(plannedId(store.db));
      expect(plannedId(store.db)[0]).toBe(derivedId(store.ids.checkInId, 'next-check-in'));
    } finally {
      other.remove();
    }
  });

  it('does not plan a check-in after other kinds of touchpoint', () => {
    dispatch('touchpoints.complete', { touchpointId: store.ids.callId });
    const count = store.db.prepare("SELECT COUNT(*) AS n FROM touchpoints WHERE status = 'planned' AND kind = 'check_in'").get();
    expect(count).toEqual({ n: 1 }); // only the fixture's own
  });

  it('refuses to complete from a second window what the first already completed, keeping the first outcome', () => {
    const other = new BetterSqlite3(join(store.dir, STORE_FILE_NAME));
    const otherDispatch = createIpcDispatcher(createServiceContext(other, { now: () => FIXTURE_NOW }));
    try {
      expect(otherDispatch('touchpoints.complete', { touchpointId: store.ids.callId, outcome: 'first' }).ok).toBe(true);
      expect(errorOf(dispatch('touchpoints.complete', { touchpointId: store.ids.callId, outcome: 'second' })).code).toBe('CONFLICT');
      const stored = store.db.prepare('SELECT outcome FROM touchpoints WHERE id = ?').get(store.ids.callId);
      expect(stored).toEqual({ outcome: 'first' });
      expect(store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE row_id = ?").get(store.ids.callId)).toEqual({ n: 1 });
    } finally {
      other.close();
    }
  });

  it('filters by date: a date-only "to" covers that whole day; timestamps compare as instants', () => {
    const list = (payload: object) => {
      const result = dispatch('touchpoints.list', { accountId: store.ids.acmeId, ...payload });
      if (!result.ok) throw new Error(result.error.message);
      return (result.data as { touchpoints: Array<{ id: string }> }).touchpoints.map((t) => t.id);
    };
    expect(list({ from: '2026-06-20', to: '2026-06-20' })).toEqual([store.ids.callId]); // due 15:00Z that day
    expect(list({ from: '2026-06-20T15:00:00Z' })).toEqual([store.ids.callId, store.ids.checkInId]);
    expect(list({ from: '2026-06-20T17:00:00+02:00', to: '2026-06-20T17:00:00+02:00' })).toEqual([store.ids.callId]);
    expect(list({ to: '2026-06-19' })).not.toContain(store.ids.callId);
  });

  it('starts the recurring chain when onboarding check-ins are done, never before onboarding ends', () => {
    // Cobalt bought on June 1: critical (weekly by tier), so the next check-in would be June 22,
    // but onboarding runs to July 1.
    const writer = new BookWriterRepository(store.db);
    const at = '2026-06-01T00:00:00.000Z';
    const cobaltId = '01900000-0000-7000-8000-0000000000d1';
    writer.insertAccount({
      id: cobaltId, name: 'Cobalt', domain: null, industry: 'Retail', plan: 'starter', arr: 9_000, seats: 10, seatsUsed: 3,
      planFeatureCount: 10, volumeLimit: 100, contractStart: '2026-06-01', renewalDate: '2027-06-01', renewalsCount: 0,
      lifecycleStage: 'onboarding', ownerId: store.ids.userId, status: 'active', churnedAt: null, competitorEvaluation: false,
      paymentOverdueDays: 0, createdAt: at, updatedAt: at,
    });
    writer.insertMetric({ accountId: cobaltId, key: 'login_frequency', date: '2026-06-14', value: 0 });
    new AccountInputsRepository(store.db).refresh([cobaltId], FIXTURE_NOW);
    const weekTwo = '01900000-0000-7000-8000-0000000000d2';
    writer.insertTouchpoint({
      id: weekTwo, accountId: cobaltId, kind: 'check_in', origin: 'onboarding', title: 'Onboarding check-in: automations',
      dueAt: '2026-06-15T00:00:00.000Z', completedAt: null, status: 'planned', outcome: null, sentiment: null, contactId: null, createdAt: at, updatedAt: at,
    });
    expect(dispatch('touchpoints.complete', { touchpointId: weekTwo }).ok).toBe(true);
    const planned = store.db
      .prepare("SELECT due_at, title FROM touchpoints WHERE account_id = ? AND status = 'planned' AND origin = 'cadence'")
      .all(cobaltId);
    expect(planned).toEqual([{ due_at: '2026-07-01T00:00:00.000Z', title: '@checkIn:7' }]);
  });

  it('rolls back the completion when planning the next check-in fails: nothing half-written', () => {
    const failing = vi.spyOn(TouchpointsRepository.prototype, 'insertPlanned').mockImplementation(() => {
      throw new Error('disk full');
    });
    try {
      expect(errorOf(dispatch('touchpoints.complete', { touchpointId: store.ids.checkInId })).code).toBe('INTERNAL');
    } finally {
      failing.mockRestore();
    }
    expect(store.db.prepare('SELECT status, completed_at FROM touchpoints WHERE id = ?').get(store.ids.checkInId)).toEqual({ status: 'planned', completed_at: null });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });
});
