import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openServerDatabase } from '../../src-server/db/open-database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { seedDemoOrganisation } from '../../src-server/demo/demo-organisation';
import { insertSql } from '../../src-main/db/entity-sql';
import { openStore } from '../../src-main/db/open-store';
import { ENTITIES, type EntityName } from '../../src-shared/sync/entity-registry';
import { createIpcDispatcher } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { applyPullPage } from '../../src-main/sync/apply-pull-page';
import { SyncHttp } from '../../src-main/sync/sync-http';
import { runSyncRound } from '../../src-main/sync/sync-round';
import { MAX_PULL_LIMIT, type PullResponse } from '../../src-shared/sync/sync-wire';
import { SyncProgressRepository } from '../../src-main/db/repositories/sync-progress-repository';
import { startServerProcess } from '../server/server-process';
import type { TestDatabase } from '../server/server-test-databases';
import { ms, type FigureRow } from './bench-stats';

/** Accounts in the demo organisation: a manager's book (their own and three reports') is then about 500. */
const ORGANISATION_ACCOUNTS = 1000;

const rate = (rows: number, millis: number): string => `${Math.round(rows / (millis / 1000)).toLocaleString('en-US')} rows/s`;

function freshStore(root: string, name: string) {
  return openStore({ dataDir: join(root, name) });
}

/**
 * Client sync figures (DESIGN §5, issue 7 D.18) against a real server process (on PostgreSQL when a
 * URL is given, else PGlite) seeded with the demo organisation: the manager's first sync of a ~500-account book over loopback; applying
 * the pulled pages again into a fresh store, beside raw better-sqlite3 inserts of as many rows; and a
 * push+pull round trip of 100 new notes.
 */
export async function benchSyncClient(postgresUrl: string | null): Promise<FigureRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'csm-sync-client-bench-'));
  const started: ChildProcess[] = [];
  const name = `csm_sync_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgresUrl as string });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  let databaseUrl: string | undefined;
  if (postgresUrl) {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const where = postgresUrl ? 'PostgreSQL' : 'PGlite';
  try {
    const db = await openServerDatabase({ databaseUrl, dataDir: join(root, 'server') });
    await migrateServerDatabase(db);
    const seeded = await seedDemoOrganisation(db, { accounts: ORGANISATION_ACCOUNTS });
    await db.close();
    const manager = seeded.logins.find((login) => login.role === 'manager');
    if (!manager) throw new Error('the demo organisation has no manager');
    const target = { kind: postgresUrl ? 'postgres' : 'pglite', dataDir: join(root, 'server'), databaseUrl } as TestDatabase;
    const server = await startServerProcess(target, started);
    const login = await fetch(`${server.baseUrl}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: manager.email, password: manager.password, device: 'bench' }) });
    const { token } = (await login.json()) as { token: string };

    // 1. First sync of the manager's book, timed as the app runs it.
    const store = freshStore(root, 'device');
    const http = new SyncHttp({ serverUrl: server.baseUrl, token, fetch });
    const syncStarted = performance.now();
    const result = await runSyncRound({ db: store, http, now: () => new Date(), onDataChanged: () => undefined });
    const syncMs = performance.now() - syncStarted;
    if (!result.ok) throw new Error(`first sync failed: ${result.error.message}`);
    const accounts = (store.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
    // The same pages pulled again, untimed, for the apply figure (capturing them during the timed
    // sync would parse every page twice on the device's thread).
    const pages: PullResponse[] = [];
    const clientId = new SyncProgressRepository(store).clientId();
    for (let cursor = 0; ; ) {
      const page = await http.pull({ clientId, cursor, limit: MAX_PULL_LIMIT });
      pages.push(page);
      if (!page.has_more) break;
      cursor = page.cursor;
    }
    const rows = pages.reduce((sum, page) => sum + page.changes.length, 0);

    // 2. The same pages applied again into a fresh store, against raw inserts of as many rows.
    const replay = freshStore(root, 'replay');
    const applyStarted = performance.now();
    let cursor = 0;
    for (const page of pages) {
      applyPullPage(replay, page, cursor, true);
      cursor = page.cursor;
    }
    const applyMs = performance.now() - applyStarted;
    replay.close();
    // Raw: the same rows into the same tables (their indexes and triggers) of another fresh store,
    // one plain prepared INSERT per row, one transaction per page: no checks, no merging.
    const raw = freshStore(root, 'raw');
    const inserts = new Map<string, BetterSqlite3.Statement>();
    const insertOf = (entity: EntityName) => {
      let statement = inserts.get(entity);
      if (!statement) inserts.set(entity, (statement = raw.prepare(insertSql(entity))));
      return statement;
    };
    const rawStarted = performance.now();
    for (const page of pages) {
      raw.transaction(() => {
        for (const change of page.changes) {
          const entity = change.entity as EntityName;
          const key = ENTITIES[entity].key;
          const parts = key.length === 1 ? [change.row_id] : change.row_id.split('|');
          insertOf(entity).run({ ...change.fields, ...Object.fromEntries(key.map((column, i) => [column, parts[i]])) });
        }
      })();
    }
    const rawMs = performance.now() - rawStarted;
    raw.close();

    // 3. 100 notes written on the device, then one round: pushed, and the server's answer pulled back;
    // beside a round with nothing to push or pull (the protocol's own cost).
    const quiet = new SyncHttp({ serverUrl: server.baseUrl, token, fetch });
    const emptyStarted = performance.now();
    await runSyncRound({ db: store, http: quiet, now: () => new Date(), onDataChanged: () => undefined });
    const emptyMs = performance.now() - emptyStarted;
    const dispatch = createIpcDispatcher(createServiceContext(store, { now: () => new Date() }));
    const accountIds = (store.prepare('SELECT id FROM accounts LIMIT 100').all() as { id: string }[]).map((row) => row.id);
    for (let i = 0; i < 100; i += 1) {
      const saved = dispatch('notes.add', { id: uuidv7(), accountId: accountIds[i % accountIds.length] as string, body: `Bench note ${i}: seguimiento de la renovación` });
      if (!saved.ok) throw new Error(saved.error.message);
    }
    const roundStarted = performance.now();
    const round = await runSyncRound({ db: store, http: quiet, now: () => new Date(), onDataChanged: () => undefined });
    const roundMs = performance.now() - roundStarted;
    if (!round.ok || round.pushed !== 100) throw new Error('the 100-note round did not push every note');
    store.close();

    const applyRate = rows / (applyMs / 1000);
    const rawRate = rows / (rawMs / 1000);
    return [
      {
        figure: `initial sync of a manager's ${accounts}-account book over loopback (${where} server, ${pages.length} pages, ${rows.toLocaleString('en-US')} rows)`,
        measured: `${(syncMs / 1000).toFixed(2)} s`,
        budget: '< 5 s',
        baseline: `${rate(rows, syncMs)} end to end`,
        verdict: syncMs < 5000 ? 'within' : 'OVER',
      },
      {
        figure: `applying those pulled pages again into a fresh store (${where} run)`,
        measured: rate(rows, applyMs),
        budget: '≥ 50% of raw inserts',
        baseline: `${rate(rows, rawMs)} raw better-sqlite3 INSERTs into the same tables (${Math.round((100 * applyRate) / rawRate)}%)`,
        verdict: applyRate >= rawRate / 2 ? 'within' : 'OVER',
      },
      { figure: `push + pull round trip of 100 new notes (${where} server)`, measured: ms(roundMs), budget: '—', baseline: `${ms(emptyMs)} a round with nothing to push or pull`, verdict: '—' },
    ];
  } finally {
    for (const child of started) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
    rmSync(root, { recursive: true, force: true });
    if (postgresUrl) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
