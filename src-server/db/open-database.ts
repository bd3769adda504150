import { join } from 'node:path';
import type { Database } from './database';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

/** PostgreSQL when a connection string is given (DATABASE_URL); otherwise PGlite in `<dataDir>/pgdata`. */
export async function openServerDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return openPostgresDatabase(options.databaseUrl);
  return openPgliteDatabase(join(options.dataDir, 'pgdata'));
}
