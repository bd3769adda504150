import { afterEach, beforeEach, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { BookWriterRepository } from '../../src-main/db/repositories/book-writer-repository';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';

/**
 * Issue 7 C.14 on the device: a signed-in manager reads a report's book but may change only what
 * they wrote; the CSM who owns the account may change anything on it. The team server refuses the
 * same writes (NOT_AUTHOR); refusing them here tells the manager at once, in words.
 */
let store: ReturnType<typeof openFixtureStore>;
const managerId = '01900000-0000-7000-8000-0000000000f1';
const as = (userId: string): IpcDispatch => createIpcDispatcher(createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: userId }));

beforeEach(() => {
  store = openFixtureStore();
  new BookWriterRepository(store.db).insertUser({ id: managerId, email: 'maria@example.com', name: 'Maria', role: 'manager', managerId: null, createdAt: '2026-01-01T00:00:00.000Z' });
});
afterEach(() => store.remove());

it('refuses a manager\'s edit or delete of the CSM\'s note and touchpoints, but not of their own note', () => {
  const csm = as(store.ids.userId);
  const manager = as(managerId);
  const csmNote = uuidv7();
  expect(csm('notes.add', { id: csmNote, accountId: store.ids.acmeId, body: 'Ana wrote this' }).ok).toBe(true);
  for (const result of [
    manager('notes.update', { id: csmNote, body: 'Maria rewrote it' }),
    manager('notes.delete', { id: csmNote }),
    manager('touchpoints.complete', { touchpointId: store.ids.callId, outcome: 'done by Maria' }),
    manager('touchpoints.reschedule', { touchpointId: store.ids.callId, dueAt: '2026-07-01T10:00:00.000Z' }),
  ]) {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('READ_ONLY');
  }
  const unchanged = csm('notes.list', { accountId: store.ids.acmeId });
  const notes = unchanged.ok ? (unchanged.data as { notes: { id: string; body: string }[] }).notes : [];
  expect(notes.find((note) => note.id === csmNote)?.body).toBe('Ana wrote this');
  expect((store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE entity = 'notes' AND row_id = ?").get(csmNote) as { n: number }).n).toBe(1);

  const coaching = uuidv7();
  expect(manager('notes.add', { id: coaching, accountId: store.ids.acmeId, body: 'Coaching note' }).ok).toBe(true);
  expect(manager('notes.update', { id: coaching, body: 'Coaching note, tidied' }).ok).toBe(true);
  // The owner may tidy the manager's note, and complete their own touchpoint.
  expect(csm('notes.update', { id: coaching, body: 'Tidied by Ana' }).ok).toBe(true);
  expect(csm('touchpoints.complete', { touchpointId: store.ids.callId, outcome: 'held' }).ok).toBe(true);
});
