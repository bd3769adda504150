import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, STORE_FILE_NAME, StoreProblemError } from '../../src-main/db/open-store';
import { runMigrations } from '../../src-main/db/migration-runner';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { makeTempDir } from '../helpers/temp-store';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir(): string {
  const temp = makeTempDir();
  cleanups.push(temp.remove);
  return temp.dir;
}

describe('local store migrations (real SQLite files)', () => {
  it('creates every entity table, FTS index and sync bookkeeping with the required pragmas', () => {
    const db = openStore({ dataDir: tempDir() });
    cleanups.unshift(() => db.close());
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ").all() as Array<{ name: string }>).map((r) => r.name);
    for (const table of ['users', 'accounts', 'contacts', 'metrics', 'surveys', 'touchpoints', 'notes', 'notes_fts', 'escalations',
      'escalation_events', 'csm_sentiments', 'qbr_plans', 'goals', 'onboarding_items', 'feedback', 'scoring_config', 'outbox', 'sync_state', 'schema_migrations']) {
      expect(tables).toContain(table);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const noteColumns = (db.prepare('PRAGMA table_info(notes)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(noteColumns).toEqual(expect.arrayContaining(['server_version', 'deleted_at']));
  });

  it('records applied migrations once and does not re-apply them on reopen', () => {
    const dir = tempDir();
    openStore({ dataDir: dir }).close();
    const db = openStore({ dataDir: dir });
    cleanups.unshift(() => db.close());
    const rows = db.prepare('SELECT version, name FROM schema_migrations').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('refuses a database whose applied migration was edited, naming the migration', () => {
    const dir = tempDir();
    openStore({ dataDir: dir }).close();
    const raw = new BetterSqlite3(join(dir, STORE_FILE_NAME));
    raw.prepare("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1").run();
    raw.close();
    expect(() => openStore({ dataDir: dir })).toThrow(StoreProblemError);
    expect(() => openStore({ dataDir: dir })).toThrow(/Migration 1 \(0001-initial-schema\).*checksum mismatch/);
  });

  it('refuses a database written by a newer build with migrations this build lacks', () => {
    const dir = tempDir();
    openStore({ dataDir: dir }).close();
    const raw = new BetterSqlite3(join(dir, STORE_FILE_NAME));
    raw.prepare("INSERT INTO schema_migrations VALUES (99, '0099-future', 'x', '2030-01-01')").run();
    raw.close();
    expect(() => openStore({ dataDir: dir })).toThrow(/migration 99 \(0099-future\).*Update the app/);
  });

  it('rolls back a failing migration entirely and records nothing for it', () => {
    const db = new BetterSqlite3(join(tempDir(), 'x.sqlite'));
    cleanups.unshift(() => db.close());
    runMigrations(db);
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }];
    expect(() => runMigrations(db, broken)).toThrow(/no_such_table/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: MIGRATIONS.length });
  });

  it('enforces the schema: an NPS of 11 and an unknown plan are refused by the store', () => {
    const db = openStore({ dataDir: tempDir() });
    cleanups.unshift(() => db.close());
    expect(() =>
      db.prepare("INSERT INTO accounts (id, name, plan, arr, seats, seats_used, plan_feature_count, volume_limit, contract_start, renewal_date, lifecycle_stage, status, created_at, updated_at) VALUES ('a','A','gold',1,1,1,1,1,'2026-01-01','2027-01-01','growth','active','x','x')").run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
