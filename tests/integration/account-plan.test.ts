import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxQueueRepository } from '../../src-main/db/repositories/outbox-queue-repository';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import type { Goal } from '../../src-shared/ipc/plan-schemas';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';
import { ok } from '../helpers/ipc-results';

let store: ReturnType<typeof openFixtureStore>;
let dispatch: IpcDispatch;
beforeEach(() => {
  store = openFixtureStore();
  dispatch = createIpcDispatcher(createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: store.ids.userId }), { validateResponses: true });
});
afterEach(() => store.remove());

type Plan = { goals: Goal[]; checklist: Array<{ itemKey: string; doneAt: string | null }> };

describe('the success plan and the onboarding checklist', () => {
  it('adds a goal, moves its progress, completes it, and queues each change for the team server', () => {
    const id = uuidv7();
    const base = { id, accountId: store.ids.acmeId, title: 'Roll out to the Madrid team', target: '40 active users', dueAt: '2026-09-30' };
    ok(dispatch('goals.save', { ...base, status: 'in_progress', progress: 25 }));
    expect(ok<Plan>(dispatch('plan.ofAccount', { accountId: store.ids.acmeId })).goals).toEqual([
      expect.objectContaining({ title: 'Roll out to the Madrid team', progress: 25, status: 'in_progress', completedAt: null }),
    ]);
    const done = ok<{ goal: Goal }>(dispatch('goals.save', { ...base, status: 'done', progress: 80 })).goal;
    expect(done).toMatchObject({ status: 'done', progress: 100, completedAt: FIXTURE_NOW.toISOString() });
    expect(new OutboxQueueRepository(store.db).allPending().filter((m) => m.entity === 'goals')).toHaveLength(2);
  });

  it('refuses a goal without a title or with progress outside 0-100, naming the field', () => {
    const bad = (over: object) => {
      const result = dispatch('goals.save', { id: uuidv7(), accountId: store.ids.acmeId, title: 'x', target: null, dueAt: null, status: 'not_started', progress: 0, ...over });
      return result.ok ? null : result.error;
    };
    expect(bad({ title: '  ' })).toMatchObject({ code: 'VALIDATION', field: 'title' });
    expect(bad({ progress: 150 })).toMatchObject({ code: 'VALIDATION', field: 'progress' });
    expect(bad({ dueAt: 'next week' })).toMatchObject({ code: 'VALIDATION', field: 'dueAt' });
    expect(bad({ accountId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('ticks and unticks checklist items, one row per item however often', () => {
    const set = (itemKey: string, done: boolean) => ok(dispatch('onboarding.setItem', { accountId: store.ids.acmeId, itemKey, done }));
    set('kickoff_completed', true);
    set('kickoff_completed', true);
    set('data_migrated', true);
    set('data_migrated', false);
    const { checklist } = ok<Plan>(dispatch('plan.ofAccount', { accountId: store.ids.acmeId }));
    expect(checklist.sort((a, b) => a.itemKey.localeCompare(b.itemKey))).toEqual([
      { itemKey: 'data_migrated', doneAt: null },
      { itemKey: 'kickoff_completed', doneAt: FIXTURE_NOW.toISOString() },
    ]);
    const unknown = dispatch('onboarding.setItem', { accountId: store.ids.acmeId, itemKey: 'bribe_the_cfo', done: true });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'VALIDATION', field: 'itemKey' });
  });
});

describe('the account timeline', () => {
  it('merges touchpoints held, notes, escalation events and survey answers, newest first', () => {
    ok(dispatch('escalations.open', { id: uuidv7(), accountId: store.ids.borealisId, level: 2, reason: 'Outage', severity: 'high' }));
    ok(dispatch('notes.add', { id: uuidv7(), accountId: store.ids.borealisId, body: 'Outage call with the CTO' }));
    const { entries } = ok<{ entries: Array<{ kind: string; at: string }> }>(dispatch('account.timeline', { accountId: store.ids.borealisId }));
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['note', 'escalation']));
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    const acme = ok<{ entries: Array<{ kind: string; title?: string; status?: string }> }>(dispatch('account.timeline', { accountId: store.ids.acmeId })).entries;
    expect(acme.filter((e) => e.kind === 'touchpoint')).toEqual([expect.objectContaining({ title: 'May check-in', status: 'done' })]);
    const missing = dispatch('account.timeline', { accountId: 'nope' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});
