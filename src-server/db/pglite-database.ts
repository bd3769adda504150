import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

const asQueryable = (target: PGlite | Transaction): Queryable => ({
  async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
    const result = await target.query<Row>(sql, params as unknown[]);
    return result.rows;
  },
  async exec(sql: string) {
    await target.exec(sql);
  },
});

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in `dataDir`: the zero-setup default. One process owns
 * the folder; PGlite runs one statement at a time, so its transactions are serial by construction.
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const direct = asQueryable(db);
  return {
    kind: 'pglite',
    query: direct.query,
    exec: direct.exec,
    transaction: (work) => db.transaction((tx) => work(asQueryable(tx))),
    listen: (channel, onPayload) => db.listen(channel, onPayload),
    close: () => db.close(),
  };
}
