import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import type { Touchpoint } from '../../src-shared/domain/entities';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';
import { ok } from '../helpers/ipc-results';

let store: ReturnType<typeof openFixtureStore>;
let dispatch: IpcDispatch;

beforeEach(() => {
  store = openFixtureStore();
  dispatch = createIpcDispatcher(createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: store.ids.userId }), { validateResponses: true });
});
afterEach(() => store.remove());

const planned = (accountId: string) =>
  ok<{ touchpoints: Touchpoint[] }>(dispatch('touchpoints.list', { accountId, status: 'planned' })).touchpoints;

describe('touchpoints a CSM plans and skips', () => {
  it('plans a manual touchpoint once, however often the request is repeated', () => {
    const request = { id: uuidv7(), accountId: store.ids.acmeId, kind: 'call', title: '  Send the pricing proposal ', dueAt: '2026-06-18' };
    const first = ok<{ touchpoint: Touchpoint }>(dispatch('touchpoints.create', request)).touchpoint;
    expect(first).toMatchObject({ origin: 'manual', status: 'planned', title: 'Send the pricing proposal', dueAt: '2026-06-18T00:00:00.000Z' });
    ok(dispatch('touchpoints.create', request));
    expect(planned(store.ids.acmeId).filter((t) => t.title === 'Send the pricing proposal')).toHaveLength(1);
  });

  it('refuses a touchpoint without a title or on an unknown account, naming the field', () => {
    const bad = dispatch('touchpoints.create', { id: uuidv7(), accountId: store.ids.acmeId, kind: 'call', title: ' ', dueAt: '2026-06-18' });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'VALIDATION', field: 'title' });
    const unknown = dispatch('touchpoints.create', { id: uuidv7(), accountId: 'nope', kind: 'call', title: 'x', dueAt: '2026-06-18' });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'NOT_FOUND', field: 'accountId' });
  });

  it('skips a check-in with its reason and plans the next one, so the cadence never stops', () => {
    const skipped = ok<{ touchpoint: Touchpoint }>(dispatch('touchpoints.skip', { touchpointId: store.ids.checkInId, reason: 'Customer on holiday' })).touchpoint;
    expect(skipped).toMatchObject({ status: 'skipped', outcome: 'Customer on holiday' });
    const next = planned(store.ids.acmeId).filter((t) => t.kind === 'check_in');
    expect(next).toHaveLength(1);
    expect(next[0]!.id).not.toBe(store.ids.checkInId);
    const again = dispatch('touchpoints.skip', { touchpointId: store.ids.checkInId, reason: 'again' });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    const blank = dispatch('touchpoints.skip', { touchpointId: store.ids.callId, reason: '' });
    expect(blank.ok ? null : blank.error).toMatchObject({ code: 'VALIDATION', field: 'reason' });
  });
});
