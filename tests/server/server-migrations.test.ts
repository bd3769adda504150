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
});
