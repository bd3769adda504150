import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxQueueRepository } from '../../src-main/db/repositories/outbox-queue-repository';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import type { DataChangedEvent } from '../../src-shared/ipc/operation-names';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';
import { errorOf, ok } from '../helpers/ipc-results';

let store: ReturnType<typeof openFixtureStore>;
let dispatch: IpcDispatch;
let changes: DataChangedEvent[];

beforeEach(() => {
  store = openFixtureStore();
  changes = [];
  const ctx = createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: store.ids.userId });
  dispatch = createIpcDispatcher(ctx, { validateResponses: true, onDataChanged: (event) => changes.push(event) });
});
afterEach(() => store.remove());

type Esc = { escalation: { id: string; level: number; status: string; accountId: string } };
type History = { escalations: Array<{ id: string; status: string }>; events: Array<{ fromLevel: number | null; toLevel: number; why: string; actorName: string | null }> };

describe('escalations: open, raise, lower, resolve, each with who, when, from, to and why', () => {
  it('keeps the whole history on the account and queues every row for the team server', () => {
    const { acmeId } = store.ids;
    const id = uuidv7();
    const opened = ok<Esc>(dispatch('escalations.open', { id, accountId: acmeId, level: 2, reason: 'Integration keeps failing', severity: 'high' }));
    expect(opened.escalation).toMatchObject({ level: 2, status: 'open', accountId: acmeId });
    // A repeat (lost answer) opens nothing new.
    expect(ok<Esc>(dispatch('escalations.open', { id, accountId: acmeId, level: 2, reason: 'Integration keeps failing', severity: 'high' })).escalation.id).toBe(id);
    ok(dispatch('escalations.change', { eventId: uuidv7(), escalationId: id, toLevel: 4, why: 'Customer CEO called' }));
    ok(dispatch('escalations.change', { eventId: uuidv7(), escalationId: id, toLevel: 3, why: 'Workaround in place' }));
    const resolveId = uuidv7();
    const resolved = ok<Esc>(dispatch('escalations.resolve', { eventId: resolveId, escalationId: id, why: 'Fix shipped' }));
    expect(resolved.escalation).toMatchObject({ status: 'resolved', level: 3 });
    // The same resolve again (a retry) is answered, a new one is refused.
    expect(ok<Esc>(dispatch('escalations.resolve', { eventId: resolveId, escalationId: id, why: 'Fix shipped' })).escalation.status).toBe('resolved');
    expect(errorOf(dispatch('escalations.resolve', { eventId: uuidv7(), escalationId: id, why: 'again' })).code).toBe('CONFLICT');

    const history = ok<History>(dispatch('escalations.ofAccount', { accountId: acmeId }));
    expect(history.escalations.map((e) => e.status)).toEqual(['resolved']);
    expect(history.events.map((e) => [e.fromLevel, e.toLevel, e.why, e.actorName])).toEqual([
      [null, 2, 'Integration keeps failing', 'Ana'],
      [2, 4, 'Customer CEO called', 'Ana'],
      [4, 3, 'Workaround in place', 'Ana'],
      [3, 3, 'Fix shipped', 'Ana'],
    ]);
    const queued = new OutboxQueueRepository(store.db).allPending().map((m) => m.entity);
    expect(queued.filter((e) => e === 'escalation_events')).toHaveLength(4);
    expect(queued.filter((e) => e === 'escalations')).toHaveLength(4);
    // Every write told the views which account changed.
    expect(changes.length).toBeGreaterThanOrEqual(4);
    expect(changes.every((c) => c.accountIds.length === 1 && c.accountIds[0] === acmeId)).toBe(true);
  });

  it('refuses a change that says nothing new or gives no reason, naming the field', () => {
    const id = uuidv7();
    ok(dispatch('escalations.open', { id, accountId: store.ids.acmeId, level: 1, reason: 'Slow answers', severity: 'low' }));
    expect(errorOf(dispatch('escalations.change', { eventId: uuidv7(), escalationId: id, toLevel: 1, why: 'same' }))).toMatchObject({ code: 'CONFLICT', field: 'toLevel' });
    expect(errorOf(dispatch('escalations.change', { eventId: uuidv7(), escalationId: id, toLevel: 2, why: '   ' }))).toMatchObject({ code: 'VALIDATION', field: 'why' });
    expect(errorOf(dispatch('escalations.change', { eventId: uuidv7(), escalationId: id, toLevel: 6, why: 'x' }))).toMatchObject({ code: 'VALIDATION', field: 'toLevel' });
    expect(errorOf(dispatch('escalations.open', { id: uuidv7(), accountId: 'nope', level: 1, reason: 'x', severity: 'low' })).code).toBe('NOT_FOUND');
  });

  it('shows open escalations on the board, highest level first, aged against response time', () => {
    ok(dispatch('escalations.open', { id: uuidv7(), accountId: store.ids.acmeId, level: 2, reason: 'Billing dispute', severity: 'medium' }));
    const board = ok<{ escalations: Array<{ account: { name: string }; escalation: { level: number }; ageHours: number }> }>(dispatch('escalations.board', {}));
    expect(board.escalations.map((e) => [e.account.name, e.escalation.level, e.ageHours])).toEqual([['Borealis', 4, 123], ['Acme', 2, 0]]);
  });
});
