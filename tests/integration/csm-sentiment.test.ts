import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BookWriterRepository } from '../../src-main/db/repositories/book-writer-repository';
import { OutboxQueueRepository } from '../../src-main/db/repositories/outbox-queue-repository';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import type { DataChangedEvent } from '../../src-shared/ipc/operation-names';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';
import { errorOf, ok } from '../helpers/ipc-results';

let store: ReturnType<typeof openFixtureStore>;
let dispatch: IpcDispatch;
let changes: DataChangedEvent[];
let now: Date;

beforeEach(() => {
  store = openFixtureStore();
  changes = [];
  now = FIXTURE_NOW;
  const ctx = createServiceContext(store.db, { now: () => now, localUserId: store.ids.userId });
  dispatch = createIpcDispatcher(ctx, { validateResponses: true, onDataChanged: (event) => changes.push(event) });
});
afterEach(() => store.remove());

type Of = IpcResponse<'sentiment.ofAccount'>;

describe("the CSM's sentiment beside the computed score", () => {
  it('keeps every judgement with its reason, author and time; the newest is the current one', () => {
    const { acmeId } = store.ids;
    expect(ok<Of>(dispatch('sentiment.ofAccount', { accountId: acmeId }))).toEqual({ current: null, history: [] });
    const first = uuidv7();
    ok(dispatch('sentiment.record', { id: first, accountId: acmeId, rating: 'green', reason: '  Sponsor happy after the QBR  ' }));
    const nextDay = new Date(FIXTURE_NOW.getTime() + 86_400_000);
    now = nextDay;
    ok(dispatch('sentiment.record', { id: uuidv7(), accountId: acmeId, rating: 'red', reason: 'Champion resigned; budget review in May' }));
    // A retry of the first (its answer was lost) records nothing new.
    ok(dispatch('sentiment.record', { id: first, accountId: acmeId, rating: 'green', reason: 'Sponsor happy after the QBR' }));

    const { current, history } = ok<Of>(dispatch('sentiment.ofAccount', { accountId: acmeId }));
    expect(current).toMatchObject({ rating: 'red', reason: 'Champion resigned; budget review in May', authorName: 'Ana' });
    expect(history.map((s) => [s.rating, s.reason, s.at])).toEqual([
      ['red', 'Champion resigned; budget review in May', nextDay.toISOString()],
      ['green', 'Sponsor happy after the QBR', FIXTURE_NOW.toISOString()],
    ]);
    // The computed score is untouched: the sentiment stands beside it.
    const detail = ok<IpcResponse<'account.detail'>>(dispatch('account.detail', { accountId: acmeId }));
    expect(detail.health.score).not.toBeNull();
    // On the account's timeline, and queued for the team server as the CSM's own rows.
    const timeline = ok<IpcResponse<'account.timeline'>>(dispatch('account.timeline', { accountId: acmeId }));
    expect(timeline.entries.filter((e) => e.kind === 'sentiment').map((e) => e.kind === 'sentiment' && e.rating)).toEqual(['red', 'green']);
    const queued = new OutboxQueueRepository(store.db).allPending().filter((m) => m.entity === 'csm_sentiments');
    expect(queued).toHaveLength(2);
    expect(JSON.parse(queued[0]?.fieldsJson ?? 'null')).toMatchObject({ account_id: acmeId, author_id: store.ids.userId, rating: 'green', reason: 'Sponsor happy after the QBR' });
    expect(changes.filter((c) => c.operation === 'sentiment.record').every((c) => c.accountIds[0] === acmeId)).toBe(true);
  });

  it('refuses a sentiment without a reason, with an unknown rating or on an unknown account, naming the field', () => {
    const { acmeId } = store.ids;
    const blank = errorOf(dispatch('sentiment.record', { id: uuidv7(), accountId: acmeId, rating: 'amber', reason: ' \u200b ' }));
    expect(blank).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(errorOf(dispatch('sentiment.record', { id: uuidv7(), accountId: acmeId, rating: 'purple', reason: 'x' }))).toMatchObject({ code: 'VALIDATION', field: 'rating' });
    expect(errorOf(dispatch('sentiment.record', { id: uuidv7(), accountId: 'nope', rating: 'red', reason: 'x' }))).toMatchObject({ code: 'NOT_FOUND', field: 'accountId' });
    expect(errorOf(dispatch('sentiment.record', { id: uuidv7(), accountId: acmeId, rating: 'red', reason: 'x'.repeat(2001) }))).toMatchObject({ field: 'reason' });
    expect(ok<Of>(dispatch('sentiment.ofAccount', { accountId: acmeId })).history).toEqual([]);
    expect(new OutboxQueueRepository(store.db).allPending().filter((m) => m.entity === 'csm_sentiments')).toEqual([]);
  });
});

describe('a touchpoint planned with the contact it is with', () => {
  function addContacts(): { current: string; departed: string; elsewhere: string } {
    const writer = new BookWriterRepository(store.db);
    const at = FIXTURE_NOW.toISOString();
    const base = { email: null, role: 'CFO', isChampion: false, certificationLevel: 0, createdAt: at, updatedAt: at };
    const ids = { current: uuidv7(), departed: uuidv7(), elsewhere: uuidv7() };
    writer.insertContact({ ...base, id: ids.current, accountId: store.ids.acmeId, name: 'Lucía Gómez', departedAt: null });
    writer.insertContact({ ...base, id: ids.departed, accountId: store.ids.acmeId, name: 'Old Sponsor', departedAt: at });
    writer.insertContact({ ...base, id: ids.elsewhere, accountId: store.ids.borealisId, name: 'Kai', departedAt: null });
    return ids;
  }

  it('stores and queues the contact, and refuses one of another account or one who has left', () => {
    const contacts = addContacts();
    const plan = (contactId: string | null) =>
      dispatch('touchpoints.create', { id: uuidv7(), accountId: store.ids.acmeId, kind: 'meeting', title: 'Budget walk-through', dueAt: '2026-06-22', contactId });
    const planned = ok<IpcResponse<'touchpoints.create'>>(plan(contacts.current)).touchpoint;
    expect(planned.contactId).toBe(contacts.current);
    const queued = new OutboxQueueRepository(store.db).allPending().find((m) => m.rowId === planned.id);
    expect(JSON.parse(queued?.fieldsJson ?? 'null')).toMatchObject({ contact_id: contacts.current });
    expect(ok<IpcResponse<'touchpoints.create'>>(plan(null)).touchpoint.contactId).toBeNull();

    expect(errorOf(plan(contacts.elsewhere))).toMatchObject({ code: 'VALIDATION', field: 'contactId' });
    expect(errorOf(plan(contacts.departed))).toMatchObject({ code: 'VALIDATION', field: 'contactId', message: expect.stringContaining('Old Sponsor has left') });
  });
});
