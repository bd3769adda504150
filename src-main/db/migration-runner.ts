import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

/** Raised when a database's recorded migrations do not match this build's migration files. */
export class MigrationMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationMismatchError';
  }
}

function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Applies pending migrations and records them, reading and applying under one write lock (an
 * IMMEDIATE transaction) so two processes starting on the same fresh folder cannot both apply the
 * same migration. Refuses a database whose applied list differs from the files (edited, missing or
 * from a newer build), because running on such a file risks corrupting a CSM's only copy of their notes.
 */
export function runMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  return db.transaction(() => applyPending(db, migrations)).immediate();
}

function applyPending(db: Database, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db
    .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all() as AppliedRow[];

  applied.forEach((row, index) => {
    const file = migrations[index];
    if (!file || file.version !== row.version) {
      throw new MigrationMismatchError(
        `This database was written by a newer or different build: it has migration ${row.version} (${row.name}) ` +
          `which this app does not have. Update the app, or move the data folder aside to start fresh.`,
      );
    }
    if (checksumOf(file.sql) !== row.checksum) {
      throw new MigrationMismatchError(
        `Migration ${row.version} (${row.name}) applied to this database differs from the app's copy ` +
          `(checksum mismatch). Migrations are append-only; refusing to open the database. ` +
          `If this is a development or demo store, move its data folder aside to start fresh.`,
      );
    }
  });

  const insert = db.prepare(
    'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations.slice(applied.length)) {
    db.exec(migration.sql);
    insert.run(migration.version, migration.name, checksumOf(migration.sql), new Date().toISOString());
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}
