import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import type { Database } from '../../src-server/db/database';
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
