import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database';

export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

/** Raised when a database's recorded migrations differ from this build's files; the server refuses to start on it. */
export class MigrationMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationMismatchError';
  }
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The numbered `NNNN_name.sql` files, in order; numbering must run 1, 2, 3... without holes. */
export function loadServerMigrations(dir: string = MIGRATIONS_DIR): ServerMigration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`Migration file ${file} is not named NNNN_name.sql`);
      return { version: Number(match[1]), name: match[2] ?? file, sql: readFileSync(`${dir}/${file}`, 'utf8') };
    });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${migration.version} (${migration.name}) is out of sequence: expected ${index + 1}`);
  });
  return migrations;
}

const checksumOf = (sql: string): string => createHash('sha256').update(sql).digest('hex');

// Any constant shared by every server process; it names "the migration lock" for pg_advisory_xact_lock.
const MIGRATION_LOCK_KEY = 7_001_001;

interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Applies the pending migrations in one transaction and records each with its checksum. The
 * transaction first takes an advisory lock, so servers starting together on one database queue
 * here and the later ones find the work done. A database whose recorded list is not a prefix of
 * the files (an edited file, or a newer build's migration) is refused: running on it could corrupt
 * the team's data. Returns the versions applied by this call.
 */
export function migrateServerDatabase(db: Database, migrations: readonly ServerMigration[] = loadServerMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = await tx.query<AppliedMigration>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    refuseMismatch(applied, migrations);
    const pending = migrations.slice(applied.length);
    for (const migration of pending) await applyOne(tx, migration);
    return pending.map((migration) => migration.version);
  });
}

function refuseMismatch(applied: readonly AppliedMigration[], migrations: readonly ServerMigration[]): void {
  for (const [index, row] of applied.entries()) {
    const file = migrations[index];
    if (!file || file.version !== row.version) {
      throw new MigrationMismatchError(
        `The database has migration ${row.version} (${row.name}) which this server does not have: it was set up by a newer or different build. Run that build, or point the server at another database.`,
      );
    }
    if (checksumOf(file.sql) !== row.checksum) {
      throw new MigrationMismatchError(
        `Migration ${row.version} (${row.name}) in the database differs from this server's file (checksum mismatch). Migrations are append-only: restore the original file and add a new migration instead.`,
      );
    }
  }
}

async function applyOne(tx: Queryable, migration: ServerMigration): Promise<void> {
  await tx.exec(migration.sql);
  await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, checksumOf(migration.sql)]);
}
