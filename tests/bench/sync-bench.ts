import pg from 'pg';
import type { FigureRow } from './bench-stats';
import { benchServerPush } from './server-push-bench';
import { benchSyncClient } from './sync-client-bench';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** The sync figures of issue 7 D.18: the client's first sync, page apply and round trip; server push under load on PostgreSQL (when reachable) and PGlite. */
export async function benchSync(): Promise<FigureRow[]> {
  const kinds: ('postgres' | 'pglite')[] = (await postgresReachable()) ? ['postgres', 'pglite'] : ['pglite'];
  if (!kinds.includes('postgres')) console.error(`PostgreSQL is not reachable at ${POSTGRES_URL}: the sync figures run on PGlite only`);
  const rows: FigureRow[] = [];
  for (const kind of kinds) {
    process.stderr.write(`sync bench: first sync of a manager's book, page apply, 100-note round trip (${kind})\n`);
    rows.push(...(await benchSyncClient(kind === 'postgres' ? POSTGRES_URL : null)));
  }
  for (const kind of kinds) {
    for (const clients of [100, 1000]) {
      process.stderr.write(`server push bench: ${clients} paced clients on ${kind}\n`);
      rows.push(await benchServerPush(kind, clients, 'paced'));
    }
    process.stderr.write(`server push bench: 100 clients in a burst on ${kind}\n`);
    rows.push(await benchServerPush(kind, 100, 'burst'));
  }
  return rows;
}
