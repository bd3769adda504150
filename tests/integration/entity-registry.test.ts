import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src-main/db/migration-runner';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { createIpcDispatcher } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { ENTITIES, isEntityName, parseFields, transitionAllowed, type EntityName } from '../../src-shared/sync/entity-registry';
import { FIXTURE_NOW, makeTempDir, openFixtureStore } from '../helpers/temp-store';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

/** Columns that never travel: SQLite's own row key for FTS, and the server's version stamp. */
const LOCAL_ONLY = new Set(['seq', 'server_version']);

describe('the entity registry is the one list of synced columns', () => {
  it('names exactly the columns of every synced table in the store', () => {
    const store = openFixtureStore();
    cleanups.push(store.remove);
    for (const entity of Object.keys(ENTITIES) as EntityName[]) {
      const stored = (store.db.prepare(`PRAGMA table_info(${entity})`).all() as Array<{ name: string }>).map((c) => c.name).filter((c) => !LOCAL_ONLY.has(c));
      const registered = [...ENTITIES[entity].key, ...Object.keys(ENTITIES[entity].columns)];
      expect(registered.sort(), entity).toEqual(stored.sort());
    }
  });

  it('refuses fields a mutation may not carry, naming the column', () => {
    expect(parseFields('notes', { body: 'ok', updated_at: '2026-06-15T12:00:00.000Z' })).toMatchObject({ ok: true });
    expect(parseFields('notes', { seq: 4 })).toMatchObject({ ok: false, field: 'seq' });
    expect(parseFields('touchpoints', { status: 'finished' })).toMatchObject({ ok: false, field: 'status' });
    expect(parseFields('escalations', { level: 6 })).toMatchObject({ ok: false, field: 'level' });
    expect(parseFields('metrics', { value: Number.NaN })).toMatchObject({ ok: false, field: 'value' });
    expect(parseFields('notes', 'not an object')).toMatchObject({ ok: false });
    expect(isEntityName('notes')).toBe(true);
    expect(isEntityName('__proto__')).toBe(false);
  });

  it('knows which status moves are allowed', () => {
    expect(transitionAllowed('touchpoints', 'planned', 'done')).toBe(true);
    expect(transitionAllowed('touchpoints', 'done', 'planned')).toBe(false);
    expect(transitionAllowed('escalations', 'resolved', 'open')).toBe(true);
    expect(transitionAllowed('notes', 'a', 'b')).toBe(true);
  });
});

describe('every local mutation names the account that scopes it', () => {
  it('notes and touchpoints written through the app queue outbox rows with their account', () => {
    const store = openFixtureStore();
    cleanups.push(store.remove);
    const dispatch = createIpcDispatcher(createServiceContext(store.db, { now: () => FIXTURE_NOW, localUserId: store.ids.userId }));
    const id = uuidv7();
    for (const [operation, payload] of [
      ['notes.add', { id, accountId: store.ids.acmeId, body: 'Kick-off' }],
      ['notes.update', { id, body: 'Kick-off, edited' }],
      ['notes.delete', { id }],
      ['touchpoints.reschedule', { touchpointId: store.ids.callId, dueAt: '2026-06-22' }],
      ['touchpoints.complete', { touchpointId: store.ids.checkInId }],
    ] as const) {
      const result = dispatch(operation, payload);
      expect(result.ok, `${operation}: ${JSON.stringify(result)}`).toBe(true);
    }
    const rows = store.db.prepare('SELECT entity, account_id FROM outbox ORDER BY id').all();
    expect(rows.length).toBe(6); // three note mutations, a reschedule, a completion and the next check-in planned
    expect(rows.every((row) => (row as { account_id: string }).account_id === store.ids.acmeId)).toBe(true);
  });

  it('an older store gets the account filled in for queued mutations and escalation events', () => {
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    const db = new BetterSqlite3(join(temp.dir, 'old.sqlite'));
    cleanups.unshift(() => db.close());
    runMigrations(db, MIGRATIONS.slice(0, 4));
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO accounts (id, name, plan, arr, seats, seats_used, plan_feature_count, volume_limit, contract_start, renewal_date, lifecycle_stage, status, created_at, updated_at) VALUES ('a1','A','starter',1,1,1,1,1,'2026-01-01','2027-01-01','growth','active',?,?)").run(at, at);
    db.prepare("INSERT INTO notes (id, account_id, body, created_at, updated_at) VALUES ('n1','a1','x',?,?)").run(at, at);
    db.prepare("INSERT INTO escalations (id, account_id, level, reason, severity, status, opened_at, created_at, updated_at) VALUES ('e1','a1',2,'r','high','open',?,?,?)").run(at, at, at);
    db.prepare("INSERT INTO escalation_events (id, escalation_id, at, to_level, why) VALUES ('v1','e1',?,2,'opened')").run(at);
    db.prepare("INSERT INTO outbox (entity, row_id, op, fields_json, hlc, created_at) VALUES ('notes','n1','upsert','{}','h',?), ('escalation_events','v1','upsert','{}','h',?)").run(at, at);
    runMigrations(db);
    expect(db.prepare('SELECT account_id FROM outbox').all()).toEqual([{ account_id: 'a1' }, { account_id: 'a1' }]);
    expect(db.prepare('SELECT account_id FROM escalation_events').get()).toEqual({ account_id: 'a1' });
  });
});
