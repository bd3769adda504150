import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../../src-server/db/database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { openPgliteDatabase } from '../../src-server/db/pglite-database';
import { openPostgresDatabase } from '../../src-server/db/postgres-database';
import { makeTempDir } from '../helpers/temp-store';

/**
 * The databases every server test runs on: embedded PGlite always, and PostgreSQL as well when
 * TEST_DATABASE_URL is set (CI sets it). Each test file gets its own fresh PGlite folder or its own
 * PostgreSQL database, dropped afterwards.
 */
export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  /** The server's --data-dir (PGlite lives in `<dataDir>/pgdata`). */
  dataDir: string;
  /** DATABASE_URL for a server on PostgreSQL; undefined on PGlite. */
  databaseUrl: string | undefined;
  /** A new connection (PostgreSQL: a new pool). PGlite: one process owns the folder, so close it before a child process opens it. */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export const TEST_DATABASE_KINDS: DatabaseKind[] = POSTGRES_URL ? ['pglite', 'postgres'] : ['pglite'];

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const temp = makeTempDir('csm-server-test-');
  if (kind === 'pglite') {
    return { kind, dataDir: temp.dir, databaseUrl: undefined, open: () => openPgliteDatabase(join(temp.dir, 'pgdata')), dispose: async () => temp.remove() };
  }
  // A database name cannot be a parameter; this one is made here from hex digits only.
  const name = `csm_server_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_URL as string);
  url.pathname = `/${name}`;
  return {
    kind,
    dataDir: temp.dir,
    databaseUrl: url.toString(),
    open: async () => openPostgresDatabase(url.toString()),
    dispose: async () => {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      temp.remove();
    },
  };
}

/** `describe` once per database kind, naming the kind in the title. */
export function describeOnEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  for (const kind of TEST_DATABASE_KINDS) describe(`${title} (${kind})`, () => body(kind));
}

/** What useTestDatabase fills in before the enclosing describe's tests run. */
export interface TestDatabaseFixture {
  target: TestDatabase;
  /** A connection to it, migrated (only with `migrated`). */
  db: Database;
}

/**
 * A fresh database of this kind for the enclosing describe: made (and with `migrated`, opened and
 * migrated) before its tests; after them `beforeDispose` runs (stop the server processes on it),
 * then the connection closes and the database is dropped.
 */
export function useTestDatabase(kind: DatabaseKind, options: { migrated?: boolean; beforeDispose?: () => void } = {}): TestDatabaseFixture {
  const fixture = {} as TestDatabaseFixture;
  beforeAll(async () => {
    fixture.target = await createTestDatabase(kind);
    if (options.migrated) {
      fixture.db = await fixture.target.open();
      await migrateServerDatabase(fixture.db);
    }
  });
  afterAll(async () => {
    options.beforeDispose?.();
    await fixture.db?.close();
    await fixture.target?.dispose();
  });
  return fixture;
}
