import pg from 'pg';
import type { Database, Queryable } from './database';

const asQueryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
  async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
    const result = await client.query(sql, params as unknown[]);
    return result.rows as Row[];
  },
  async exec(sql: string) {
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    await client.query(sql);
  },
});

/** PostgreSQL through a `pg` pool; a transaction holds one pooled connection from BEGIN to COMMIT. */
export function openPostgresDatabase(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const poolQueries = asQueryable(pool);
  return {
    kind: 'postgres',
    query: poolQueries.query,
    exec: poolQueries.exec,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
