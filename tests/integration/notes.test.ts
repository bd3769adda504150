import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../src-shared/domain/entities';
import { STORE_FILE_NAME } from '../../src-main/db/open-store';
import { NotesRepository } from '../../src-main/db/repositories/notes-repository';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';

let store: ReturnType<typeof openFixtureStore>;
let dispatch: IpcDispatch;
/** The dispatcher's clock; tests move it to give notes distinct (or equal) creation times. */
let clock: Date;

beforeEach(() => {
  store = openFixtureStore();
  clock = FIXTURE_NOW;
  const ctx = createServiceContext(store.db, { now: () => clock, localUserId: store.ids.userId });
  dispatch = createIpcDispatcher(ctx, { validateResponses: true, log: () => undefined });
});
afterEach(() => store.remove());

function ok<T>(operation: string, payload: unknown): T {
  const result = dispatch(operation, payload);
  if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

function failure(operation: string, payload: unknown) {
  const result = dispatch(operation, payload);
  if (result.ok) throw new Error(`expected ${operation} to fail, got ${JSON.stringify(result.data).slice(0, 200)}`);
  return result.error;
}

const add = (accountId: string, body: string, id = uuidv7()): Note => ok<{ note: Note }>('notes.add', { id, accountId, body }).note;
const list = (payload: object) => ok<{ notes: Note[]; nextBefore: string | null }>('notes.list', payload);
const search = (query: string) => ok<{ hits: Array<{ note: Note; snippet: string }> }>('notes.search', { query }).hits.map((h) => h.note.body);
const scalar = (sql: string, ...params: unknown[]): unknown => store.db.prepare(sql).pluck().get(...params);
const outboxOf = (rowId: string) =>
  (store.db.prepare('SELECT op, fields_json FROM outbox WHERE row_id = ? ORDER BY id').all(rowId) as Array<{ op: string; fields_json: string }>).map(
    (row) => ({ op: row.op, fields: JSON.parse(row.fields_json) as Record<string, unknown> }),
  );

describe('notes.add is idempotent: a retry after a lost answer never makes a second note', () => {
  it('the same id twice stores one note and one outbox row, and answers the first result both times', () => {
    const id = uuidv7();
    const first = add(store.ids.acmeId, 'Llamada con el campeón', id);
    clock = new Date(FIXTURE_NOW.getTime() + 60_000);
    const again = add(store.ids.acmeId, 'Llamada con el campeón', id);
    expect(again).toEqual(first);
    expect(scalar('SELECT COUNT(*) FROM notes WHERE id = ?', id)).toBe(1);
    expect(outboxOf(id)).toHaveLength(1);
    expect(list({ accountId: store.ids.acmeId }).notes.map((n) => n.id)).toEqual([id]);
  });

  it('a repeat answers the note as stored now, including a later edit', () => {
    const id = uuidv7();
    add(store.ids.acmeId, 'First draft', id);
    ok('notes.update', { id, body: 'Edited after saving' });
    expect(add(store.ids.acmeId, 'First draft', id).body).toBe('Edited after saving');
    expect(outboxOf(id).map((m) => m.op)).toEqual(['upsert', 'upsert']);
  });

  it('the same id on another account is a CONFLICT naming id, and nothing is written', () => {
    const id = uuidv7();
    add(store.ids.acmeId, 'Acme note', id);
    expect(failure('notes.add', { id, accountId: store.ids.borealisId, body: 'Borealis note' })).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(list({ accountId: store.ids.borealisId }).notes).toEqual([]);
    expect(scalar('SELECT COUNT(*) FROM outbox')).toBe(1);
  });

  it('a repeat of an add whose note was deleted since does not bring it back: CONFLICT naming id', () => {
    const id = uuidv7();
    add(store.ids.acmeId, 'Soon deleted', id);
    ok('notes.delete', { id });
    const error = failure('notes.add', { id, accountId: store.ids.acmeId, body: 'Soon deleted' });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(error.message).toContain('deleted');
    expect(list({ accountId: store.ids.acmeId }).notes).toEqual([]);
    expect(outboxOf(id).map((m) => m.op)).toEqual(['upsert', 'delete']);
  });

  it('when another window stores the same id first, the add answers that note instead of failing', () => {
    const id = uuidv7();
    const other = new BetterSqlite3(join(store.dir, STORE_FILE_NAME));
    const otherDispatch = createIpcDispatcher(createServiceContext(other, { now: () => FIXTURE_NOW }));
    const find = vi.spyOn(NotesRepository.prototype, 'find');
    // Our read finds nothing; the other window writes before our insert.
    find.mockImplementationOnce(() => {
      expect(otherDispatch('notes.add', { id, accountId: store.ids.acmeId, body: 'From the other window' }).ok).toBe(true);
      return undefined;
    });
    try {
      expect(add(store.ids.acmeId, 'From this window', id).body).toBe('From the other window');
    } finally {
      find.mockRestore();
      other.close();
    }
    expect(scalar('SELECT COUNT(*) FROM notes WHERE id = ?', id)).toBe(1);
    expect(outboxOf(id)).toHaveLength(1);
  });
});

describe('notes.update and notes.delete', () => {
  it('update changes the body and updated_at, re-indexes search and queues an upsert of the changed fields', () => {
    const note = add(store.ids.acmeId, 'Quieren SSO antes de la renovación');
    clock = new Date(FIXTURE_NOW.getTime() + 3_600_000);
    const updated = ok<{ note: Note }>('notes.update', { id: note.id, body: 'Prefieren pagar por adelantado' }).note;
    expect(updated).toMatchObject({ id: note.id, body: 'Prefieren pagar por adelantado', createdAt: note.createdAt, updatedAt: clock.toISOString() });
    expect(search('SSO')).toEqual([]);
    expect(search('adelantado')).toEqual(['Prefieren pagar por adelantado']);
    expect(outboxOf(note.id)[1]).toEqual({ op: 'upsert', fields: { body: 'Prefieren pagar por adelantado', updated_at: clock.toISOString() } });
  });

  it('update with the body it already has writes nothing', () => {
    const note = add(store.ids.acmeId, 'Unchanged');
    clock = new Date(FIXTURE_NOW.getTime() + 60_000);
    expect(ok<{ note: Note }>('notes.update', { id: note.id, body: 'Unchanged' }).note).toEqual(note);
    expect(outboxOf(note.id)).toHaveLength(1);
  });

  it('update of an unknown or deleted note is NOT_FOUND naming id, and writes nothing', () => {
    expect(failure('notes.update', { id: uuidv7(), body: 'x y' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const note = add(store.ids.acmeId, 'To delete');
    ok('notes.delete', { id: note.id });
    expect(failure('notes.update', { id: note.id, body: 'Too late' })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(scalar('SELECT body FROM notes WHERE id = ?', note.id)).toBe('To delete');
    expect(outboxOf(note.id).map((m) => m.op)).toEqual(['upsert', 'delete']);
  });

  it('delete keeps a tombstone, queues a delete once, and the note leaves the list and search', () => {
    const kept = add(store.ids.acmeId, 'Renovación confirmada');
    const note = add(store.ids.acmeId, 'Renovación en riesgo');
    clock = new Date(FIXTURE_NOW.getTime() + 60_000);
    const deleted = ok<{ note: Note }>('notes.delete', { id: note.id }).note;
    expect(deleted).toMatchObject({ id: note.id, accountId: store.ids.acmeId, body: 'Renovación en riesgo', updatedAt: clock.toISOString() });
    expect(store.db.prepare('SELECT deleted_at, updated_at FROM notes WHERE id = ?').get(note.id)).toEqual({
      deleted_at: clock.toISOString(),
      updated_at: clock.toISOString(),
    });
    expect(outboxOf(note.id)[1]).toEqual({ op: 'delete', fields: { deleted_at: clock.toISOString(), updated_at: clock.toISOString() } });

    clock = new Date(FIXTURE_NOW.getTime() + 120_000);
    expect(ok<{ note: Note }>('notes.delete', { id: note.id }).note).toEqual(deleted);
    expect(outboxOf(note.id)).toHaveLength(2);

    expect(list({ accountId: store.ids.acmeId }).notes.map((n) => n.id)).toEqual([kept.id]);
    expect(list({ accountId: store.ids.acmeId, query: 'renovacion' }).notes.map((n) => n.id)).toEqual([kept.id]);
    expect(search('renovacion')).toEqual(['Renovación confirmada']);
  });

  it('leaves the full-text index consistent with the notes after adds, edits and deletes', () => {
    const notes = Array.from({ length: 20 }, (_, i) => add(store.ids.acmeId, `Nota ${i} sobre la renovación`));
    for (const note of notes.slice(0, 10)) ok('notes.update', { id: note.id, body: `${note.body}, editada` });
    for (const note of notes.slice(5, 15)) ok('notes.delete', { id: note.id });
    // FTS5 raises SQLITE_CORRUPT_VTAB when its index and the notes table disagree.
    expect(() => store.db.exec("INSERT INTO notes_fts(notes_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(search('editada').length).toBe(5);
  });

  it('delete of an unknown note is NOT_FOUND naming id', () => {
    expect(failure('notes.delete', { id: uuidv7() })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(scalar('SELECT COUNT(*) FROM outbox')).toBe(0);
  });
});

describe('notes.list pages an account newest first', () => {
  /** Adds `n` notes to Acme, three per minute so equal timestamps are ordered by id. */
  function addMany(n: number, body: (i: number) => string): Note[] {
    const notes: Note[] = [];
    for (let i = 0; i < n; i++) {
      clock = new Date(FIXTURE_NOW.getTime() + Math.floor(i / 3) * 60_000);
      notes.push(add(store.ids.acmeId, body(i)));
    }
    return notes;
  }
  const newestFirst = (notes: Note[]) =>
    [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).map((n) => n.id);

  function readAll(payload: object): { ids: string[]; pageSizes: number[] } {
    const ids: string[] = [];
    const pageSizes: number[] = [];
    let before: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = list({ ...payload, ...(before ? { before } : {}) });
      ids.push(...page.notes.map((n) => n.id));
      pageSizes.push(page.notes.length);
      if (page.nextBefore === null) return { ids, pageSizes };
      before = page.nextBefore;
    }
    throw new Error('paging never ended');
  }

  it('reaches every one of 230 notes exactly once, in order, 50 to a page by default', () => {
    const notes = addMany(230, (i) => `Nota ${i}`);
    add(store.ids.borealisId, 'Not on Acme');
    const { ids, pageSizes } = readAll({ accountId: store.ids.acmeId });
    expect(pageSizes).toEqual([50, 50, 50, 50, 30]);
    expect(ids).toEqual(newestFirst(notes));
  });

  it('ends with nextBefore null when the last page is exactly full', () => {
    addMany(100, (i) => `Nota ${i}`);
    expect(readAll({ accountId: store.ids.acmeId }).pageSizes).toEqual([50, 50]);
  });

  it('neither skips nor repeats a note when one on an earlier page is deleted between pages', () => {
    const notes = addMany(120, (i) => `Nota ${i}`);
    const order = newestFirst(notes);
    const first = list({ accountId: store.ids.acmeId, limit: 40 });
    ok('notes.delete', { id: order[3]! });
    const second = list({ accountId: store.ids.acmeId, limit: 40, before: first.nextBefore! });
    expect(second.notes.map((n) => n.id)).toEqual(order.slice(40, 80));
  });

  it('with a query, pages through only that account’s matching notes, accents and case ignored', () => {
    const notes = addMany(130, (i) => (i % 2 ? `Reunión de seguimiento ${i}` : `Llamada corta ${i}`));
    add(store.ids.borealisId, 'Reunión en Borealis');
    const matching = notes.filter((n) => n.body.startsWith('Reunión'));
    const { ids, pageSizes } = readAll({ accountId: store.ids.acmeId, query: 'REUNIO\u0301N seguim', limit: 30 });
    expect(pageSizes).toEqual([30, 30, 5]);
    expect(ids).toEqual(newestFirst(matching));
  });

  it('a query with nothing searchable in it lists nothing', () => {
    add(store.ids.acmeId, 'a b c');
    expect(list({ accountId: store.ids.acmeId, query: 'a b c !!' })).toEqual({ notes: [], nextBefore: null });
  });

  it.each([
    ['not base64 at all!'],
    [Buffer.from('garbage').toString('base64url')],
    [Buffer.from('2026-06-15 some-id').toString('base64url')],
    [Buffer.from('2026-06-15T12:00:00.000Z').toString('base64url')],
  ])('a malformed cursor %j is a VALIDATION error naming before', (before) => {
    expect(failure('notes.list', { accountId: store.ids.acmeId, before })).toMatchObject({ code: 'VALIDATION', field: 'before' });
  });

  it('an unknown account is NOT_FOUND naming accountId', () => {
    expect(failure('notes.list', { accountId: 'missing' })).toMatchObject({ code: 'NOT_FOUND', field: 'accountId' });
  });
});

describe('search with hostile or unusual input answers correctly and without errors', () => {
  beforeEach(() => {
    add(store.ids.acmeId, 'Reunión con el campeón: renovación del contrato y SSO');
    add(store.ids.acmeId, 'Llamada de seguimiento 👍 sobre la adopción');
    add(store.ids.borealisId, 'Check-in: next steps are a pricing review');
  });

  it.each([
    ['a '.repeat(100), []],
    ['a b c d e f g h i j k l m n o p q r s t u v w x y z', []],
    ['r re ren reno renov renovacion', ['Reunión con el campeón: renovación del contrato y SSO']],
    ['reunio\u0301n campeo\u0301n', ['Reunión con el campeón: renovación del contrato y SSO']],
    ['ｒｅｕｎｉｏｎ', ['Reunión con el campeón: renovación del contrato y SSO']],
    ['👍🏽 llamada 🎉 😀😀😀', ['Llamada de seguimiento 👍 sobre la adopción']],
    ['NEAR(next steps) OR "pricing" AND NOT x*', []],
    ['next* -steps: pricing^', ['Check-in: next steps are a pricing review']],
    ['"*()-:^+{}[]<>!?¿¡', []],
    ['renovacion'.repeat(20), []],
    ['pr re co se ch', []],
    ['de la sobre', ['Llamada de seguimiento 👍 sobre la adopción']],
    ['de la el con sobre del', []],
  ])('%j finds %j', (query, expected) => {
    expect(search(query).sort()).toEqual([...expected].sort());
  });

  it('the same hostile inputs filter an account’s list without errors', () => {
    for (const query of ['a '.repeat(100), 'pr re co se ch', 'NEAR(x) "', '😀', 'reunio\u0301n']) {
      expect(dispatch('notes.list', { accountId: store.ids.acmeId, query, limit: 200 }).ok, query).toBe(true);
    }
    expect(list({ accountId: store.ids.borealisId, query: 'reunion' }).notes).toEqual([]);
  });
});
