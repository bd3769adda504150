import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { hashDeviceToken, newDeviceToken } from '../../src-server/auth/device-tokens';
import { hashPassword } from '../../src-server/auth/passwords';
import { openServerDatabase } from '../../src-server/db/open-database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { insertAccount } from '../../src-server/accounts/account-repository';
import { insertDeviceToken, insertUser } from '../../src-server/users/user-repository';
import { formatHlc } from '../../src-shared/sync/hlc';
import { SUPPORTED_SCHEMA_VERSIONS } from '../../src-shared/sync/protocol-versions';
import { startServerProcess } from '../server/server-process';
import type { TestDatabase } from '../server/server-test-databases';
import { SeededRandom } from '../../src-shared/demo/seeded-random';
import { ms, type FigureRow } from './bench-stats';

const CSMS = 50;
const ACCOUNTS_PER_CSM = 2;
const PUSHES_PER_CLIENT = 5;
const NOTES_PER_PUSH = 5;
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Device {
  token: string;
  clientId: string;
  account: string;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** A fresh server database (PostgreSQL database or PGlite folder) with CSMs, accounts and `devices` signed-in devices. */
async function prepare(kind: 'postgres' | 'pglite', devices: number): Promise<{ target: TestDatabase; devices: Device[]; raw: () => Promise<number[]> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'csm-push-bench-'));
  let databaseUrl: string | undefined;
  let drop = async (): Promise<void> => undefined;
  if (kind === 'postgres') {
    const name = `csm_push_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const db = await openServerDatabase({ databaseUrl, dataDir });
  await migrateServerDatabase(db);
  const passwordHash = await hashPassword('bench-password');
  const accounts: string[] = [];
  const owners: string[] = [];
  await db.transaction(async (tx) => {
    for (let c = 0; c < CSMS; c += 1) {
      const user = await insertUser(tx, { email: `csm${c}@bench.example`, name: `CSM ${c}`, role: 'csm', managerId: null, passwordHash });
      for (let a = 0; a < ACCOUNTS_PER_CSM; a += 1) {
        accounts.push(await insertAccount(tx, { name: `Account ${c}-${a}`, plan: 'professional', arr: 50_000, ownerId: user.id, contractStart: '2026-01-01', renewalDate: '2027-01-01', planFeatureCount: 20, volumeLimit: 100_000 }));
        owners.push(user.id);
      }
    }
  });
  const list: Device[] = [];
  for (let d = 0; d < devices; d += 1) {
    const token = newDeviceToken();
    const slot = d % accounts.length;
    await insertDeviceToken(db, { tokenHash: hashDeviceToken(token), userId: owners[slot] as string, device: `bench ${d}` });
    list.push({ token, clientId: uuidv7(), account: accounts[slot] as string });
  }
  // Raw baseline: one plain INSERT per round trip, at the same concurrency, through the same driver.
  const raw = async (): Promise<number[]> => {
    const samples: number[] = [];
    await db.exec('CREATE TABLE raw_bench (id text PRIMARY KEY, body text)');
    await Promise.all(
      list.map(async () => {
        for (let i = 0; i < PUSHES_PER_CLIENT; i += 1) {
          const started = performance.now();
          await db.query('INSERT INTO raw_bench (id, body) VALUES ($1, $2)', [uuidv7(), 'raw']);
          samples.push(performance.now() - started);
        }
      }),
    );
    await db.close();
    return samples;
  };
  const target: TestDatabase = {
    kind,
    dataDir,
    databaseUrl,
    open: async () => openServerDatabase({ databaseUrl, dataDir }),
    dispose: async () => {
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return { target, devices: list, raw };
}

/** How devices push: all at once, back to back (a burst), or like people (each every 0.5-1.5 s after a random start). */
export type PushPacing = 'burst' | 'paced';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pushAll(baseUrl: string, devices: Device[], pacing: PushPacing): Promise<number[]> {
  const samples: number[] = [];
  const random = new SeededRandom(devices.length);
  await Promise.all(
    devices.map(async (device) => {
      let id = 1;
      if (pacing === 'paced') await pause(random.next() * 1000);
      for (let p = 0; p < PUSHES_PER_CLIENT; p += 1) {
        if (pacing === 'paced' && p > 0) await pause(500 + random.next() * 1000);
        const mutations = Array.from({ length: NOTES_PER_PUSH }, (_, i) => {
          const at = new Date().toISOString();
          return {
            id: id++,
            entity: 'notes',
            row_id: uuidv7(),
            account_id: device.account,
            op: 'upsert',
            fields: { account_id: device.account, body: `Bench note ${p}-${i}: llamada de seguimiento`, touchpoint_id: null, created_at: at, updated_at: at, deleted_at: null },
            hlc: formatHlc({ wallMs: Date.now(), counter: i, node: device.clientId }),
          };
        });
        const started = performance.now();
        const response = await fetch(`${baseUrl}/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
          body: JSON.stringify({ protocol: 1, schema: SUPPORTED_SCHEMA_VERSIONS.max, client_id: device.clientId, mutations }),
        });
        await response.text();
        samples.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`push answered ${response.status}`);
      }
    }),
  );
  return samples.sort((a, b) => a - b);
}

/**
 * Server push latency (DESIGN §5: p99 < 250 ms with 100 concurrent clients on PostgreSQL): a real
 * server process, `clients` signed-in devices pushing 5 notes per request, 5 requests each, over
 * loopback HTTP, either paced like people (the budgeted figure: a device pushes shortly after a
 * local change, never back to back) or as a burst that measures the server's throughput limit.
 * Beside it, a raw INSERT round trip at the same concurrency on the same database.
 */
export async function benchServerPush(kind: 'postgres' | 'pglite', clients: number, pacing: PushPacing): Promise<FigureRow> {
  const { target, devices, raw } = await prepare(kind, clients);
  const rawSamples = (await raw()).sort((a, b) => a - b);
  const started: ChildProcess[] = [];
  try {
    const server = await startServerProcess(target, started);
    const samples = await pushAll(server.baseUrl, devices, pacing);
    const p99 = quantile(samples, 0.99);
    const budget = kind === 'postgres' && clients === 100 && pacing === 'paced';
    const how = pacing === 'paced' ? 'each pushing every 0.5-1.5 s' : 'all at once, back to back';
    return {
      figure: `server push (5 notes), ${clients} clients ${how}, ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, p50 / p99`,
      measured: `${ms(quantile(samples, 0.5))} / ${ms(p99)}`,
      budget: budget ? 'p99 < 250 ms' : '— (budget: 100 paced, PostgreSQL)',
      baseline: `${ms(quantile(rawSamples, 0.5))} / ${ms(quantile(rawSamples, 0.99))} raw INSERT, same concurrency`,
      verdict: budget ? (p99 < 250 ? 'within' : 'OVER') : '—',
    };
  } finally {
    for (const child of started) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
    await target.dispose();
  }
}
