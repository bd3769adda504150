import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src-server/db/database';
import { loadServerMigrations, MigrationMismatchError, migrateServerDatabase } from '../../src-server/db/migrations';
import { createTestDatabase, describeOnEachDatabase, type TestDatabase } from './server-test-databases';

// One fresh database per kind for the whole file (a new PGlite costs seconds); the first test
// migrates it concurrently, and every later test starts by migrating, which is then a no-op.
describeOnEachDatabase('server migrations', (kind) => {
  let target: TestDatabase;
  let db: Database;
  let secondConnection: Database;

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    db = await target.open();
    // Two pools on PostgreSQL; on PGlite two servers in one process share the one embedded instance.
    secondConnection = kind === 'postgres' ? await target.open() : db;
  });
  afterAll(async () => {
    if (secondConnection !== db) await secondConnection?.close();
    await db?.close();
    await target?.dispose();
  });

  it('applies each migration once when two servers start on the same database at the same moment', async () => {
    const [first, second] = [db, secondConnection];
    const [a, b] = await Promise.all([migrateServerDatabase(first), migrateServerDatabase(second)]);
    const all = loadServerMigrations().map((migration) => migration.version);
    expect([...a, ...b].sort()).toEqual(all);
    expect(await migrateServerDatabase(first)).toEqual([]);
    const recorded = await first.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.map((row) => row.version)).toEqual(all);
  });

  it('refuses a database whose applied migration differs from the file, and one with a migration it does not have', async () => {
    const migrations = loadServerMigrations();
    await migrateServerDatabase(db, migrations);
    const edited = migrations.map((migration, index) => (index === 0 ? { ...migration, sql: `${migration.sql}\n-- edited` } : migration));
    await expect(migrateServerDatabase(db, edited)).rejects.toThrow(MigrationMismatchError);
    await expect(migrateServerDatabase(db, edited)).rejects.toThrow(/checksum mismatch/);
    await expect(migrateServerDatabase(db, [])).rejects.toThrow(/newer or different build/);
  });

  it('rolls a failing migration back whole: nothing of it and no record remain', async () => {
    const migrations = loadServerMigrations();
    await migrateServerDatabase(db, migrations);
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_column FROM half_done;' }];
    await expect(migrateServerDatabase(db, broken)).rejects.toThrow();
    const halfDone = await db.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    expect(halfDone).toEqual([]);
    const recorded = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(recorded[0]?.n).toBe(migrations.length);
  });

  it('keeps email unique whatever its case', async () => {
    await migrateServerDatabase(db);
    const insert = (id: string, email: string) =>
      db.query(`INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, 'Ana', 'csm', 'x')`, [id, email]);
    await insert('u1', 'ana@example.com');
    await expect(insert('u2', 'ANA@Example.com')).rejects.toThrow();
  });

  it('gives the touchpoints logged before the contact column that column, empty, so a pull still serves whole rows', async () => {
    const upgrading = await createTestDatabase(kind);
    const old = await upgrading.open();
    try {
      const migrations = loadServerMigrations();
      const before = migrations.findIndex((m) => m.name === 'csm_sentiment_and_touchpoint_contact');
      await migrateServerDatabase(old, migrations.slice(0, before));
      const log = (entity: string, rowId: string, seq: number, fields: object) =>
        old.query(`INSERT INTO change_log (entity, row_id, account_id, seq, tx_end, op, changed_at, fields) VALUES ($1, $2, 'a1', $3, $3, 'upsert', now(), $4)`, [entity, rowId, seq, JSON.stringify(fields)]);
      await log('touchpoints', 't1', 1, { account_id: 'a1', title: 'Call', status: 'planned' });
      await log('notes', 'n1', 2, { account_id: 'a1', body: 'Hello' });
      await migrateServerDatabase(old, migrations);
      const rows = await old.query<{ row_id: string; fields: string | object }>('SELECT row_id, fields FROM change_log ORDER BY seq');
      const fieldsOf = (row: { fields: string | object } | undefined) => (typeof row?.fields === 'string' ? JSON.parse(row.fields) : row?.fields);
      expect(fieldsOf(rows[0])).toEqual({ account_id: 'a1', title: 'Call', status: 'planned', contact_id: null });
      expect(fieldsOf(rows[1])).toEqual({ account_id: 'a1', body: 'Hello' });
    } finally {
      await old.close();
      await upgrading.dispose();
    }
  });
});
