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

const INT8_OID = 20;
// Enough connections for the work a push does before it takes the log's counter row; PostgreSQL's
// default max_connections (100) leaves room for several server processes.
const POOL_SIZE = 20;

/** PostgreSQL through a `pg` pool; a transaction holds one pooled connection from BEGIN to COMMIT. */
export function openPostgresDatabase(connectionString: string): Database {
  // bigint (int8) arrives as text by default; every bigint the server stores fits a JS number.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE, types });
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
    async listen(channel, onPayload) {
      const client = new pg.Client({ connectionString });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
      });
      // A channel name cannot be a parameter; callers pass a constant identifier.
      await client.query(`LISTEN ${channel}`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
    close: () => pool.end(),
  };
}
