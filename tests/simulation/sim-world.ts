import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { insertAccount } from '../../src-server/accounts/account-repository';
import { hashDeviceToken, newDeviceToken } from '../../src-server/auth/device-tokens';
import type { Database } from '../../src-server/db/database';
import { buildServer } from '../../src-server/http/build-server';
import { commitWrites } from '../../src-server/sync/change-log';
import { insertDeviceToken, insertUser } from '../../src-server/users/user-repository';
import { openStore, storeFileOf } from '../../src-main/db/open-store';
import { createIpcDispatcher, type IpcDispatch } from '../../src-main/ipc/ipc-dispatcher';
import { createServiceContext } from '../../src-main/services/service-context';
import { SyncHttp } from '../../src-main/sync/sync-http';
import type { SeededRandom } from '../../src-shared/demo/seeded-random';
import { SimNetwork } from './sim-network';

/** Tables the simulation empties between seeds (one server database serves every seed of a run). */
const SERVER_TABLES = [
  'mutation_rejections', 'sync_clients', 'scope_history', 'change_log', 'device_tokens', 'feedback', 'onboarding_items', 'goals', 'csm_sentiments', 'qbr_plans',
  'escalation_events', 'escalations', 'touchpoints', 'notes', 'scoring_config', 'surveys', 'metrics', 'contacts', 'accounts', 'users',
];

/** Empties the server database for the next seed. */
export async function resetServerDatabase(db: Database): Promise<void> {
  // DELETE, not TRUNCATE: the tables are tiny, and TRUNCATE's file work costs PGlite a few hundred ms.
  await db.exec(`${SERVER_TABLES.map((table) => `DELETE FROM ${table};`).join(' ')} UPDATE sync_counter SET seq = 0, horizon = 0;`);
}

export interface SimUser {
  id: string;
  email: string;
  role: 'csm' | 'manager';
}

export interface SimClient {
  index: number;
  user: SimUser;
  token: string;
  db: SqliteDatabase;
  dispatch: IpcDispatch;
  /** Milliseconds this device's clock is off the server's (skew). */
  skewMs: number;
  /** The round in progress, if any (a killed client's round is abandoned, never resumed). */
  round: Promise<unknown> | null;
  /** Bumped when the client is killed, so an abandoned round's late steps are ignored. */
  life: number;
  partitioned: boolean;
}

export interface SimWorld {
  db: Database;
  network: SimNetwork;
  server: FastifyInstance;
  users: SimUser[];
  accounts: string[];
  clients: SimClient[];
  /** The server's clock (ms); every device's clock is this plus its skew. */
  clock: { now: number };
  dir: string;
}

const PASSWORD_HASH = 'scrypt$unused-in-the-simulation';

/** A migrated, empty store file, copied for every client of every seed (migrating each would dominate the run). */
let templateStore: string | null = null;
function storeTemplate(root: string): string {
  if (!templateStore) {
    const dir = join(root, 'template');
    openStore({ dataDir: dir }).close();
    templateStore = storeFileOf(dir);
  }
  return templateStore;
}

/**
 * A team (manager Maria over CSMs Ana and Ben), six accounts, a few server-owned metrics, and four
 * devices: two of Ana's, one of Ben's and Maria's, each on a real SQLite store of its own.
 */
export async function buildWorld(db: Database, random: SeededRandom, root: string): Promise<SimWorld> {
  await resetServerDatabase(db);
  const clock = { now: Date.parse('2026-11-23T09:00:00.000Z') };
  const users: SimUser[] = [];
  const accounts: string[] = [];
  await db.transaction(async (tx) => {
    const maria = await insertUser(tx, { email: 'maria@sim.example', name: 'Maria', role: 'manager', managerId: null, passwordHash: PASSWORD_HASH });
    users.push({ id: maria.id, email: maria.email, role: 'manager' });
    for (const name of ['ana', 'ben']) {
      const csm = await insertUser(tx, { email: `${name}@sim.example`, name, role: 'csm', managerId: maria.id, passwordHash: PASSWORD_HASH });
      users.push({ id: csm.id, email: csm.email, role: 'csm' });
    }
    for (let i = 0; i < 6; i += 1) {
      const owner = users[1 + (i % 2)] as SimUser;
      accounts.push(await insertAccount(tx, { name: `Account ${i}`, plan: 'professional', arr: 10_000 * (i + 1), ownerId: owner.id, contractStart: '2026-01-01', renewalDate: '2027-01-01', planFeatureCount: 20, volumeLimit: 1000 }));
    }
    await commitWrites(tx, accounts.map((account) => ({ entity: 'metrics', op: 'upsert', row: { account_id: account, key: 'login_frequency', date: '2026-11-16', value: random.next(), deleted_at: null } })));
    // Planned touchpoints made by the server (no creator): only the account's owner may change them.
    await commitWrites(tx, accounts.map((account, i) => ({
      entity: 'touchpoints', op: 'upsert', createdBy: null,
      row: { id: uuidv7(), account_id: account, kind: 'call', origin: 'cadence', title: `Check-in ${i}`, due_at: '2026-11-25T10:00:00.000Z', completed_at: null, status: 'planned', outcome: null, sentiment: null, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z', deleted_at: null },
    })));
  });
  const server = await buildServer({ db, logger: false, now: () => new Date(clock.now) });
  const network = new SimNetwork(server);
  const dir = mkdtempSync(join(root, 'seed-'));
  const clients: SimClient[] = [];
  const devices = [users[1], users[1], users[2], users[0]] as SimUser[];
  for (const [index, user] of devices.entries()) {
    const token = newDeviceToken();
    await insertDeviceToken(db, { tokenHash: hashDeviceToken(token), userId: user.id, device: `sim device ${index}` });
    const dataDir = join(dir, `client-${index}`);
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(storeTemplate(root), storeFileOf(dataDir));
    const store = openStore({ dataDir, create: false });
    // Up to four minutes either way: within the server's five-minute allowance (the clamp has its own test).
    const skewMs = Math.round((random.next() * 2 - 1) * 240_000);
    const ctx = createServiceContext(store, { now: () => new Date(clock.now + skewMs), localUserId: user.id });
    clients.push({ index, user, token, db: store, dispatch: createIpcDispatcher(ctx), skewMs, round: null, life: 0, partitioned: false });
  }
  return { db, network, server, users, accounts, clients, clock, dir };
}

/** The client's HTTP layer over the simulated network. */
export function httpOf(world: SimWorld, client: SimClient): SyncHttp {
  return new SyncHttp({ serverUrl: 'http://sim.invalid', token: client.token, fetch: world.network.fetchFor(client.index) });
}

export async function disposeWorld(world: SimWorld): Promise<void> {
  await world.server.close();
  for (const client of world.clients) client.db.close();
  rmSync(world.dir, { recursive: true, force: true });
}

export function simRoot(): string {
  return mkdtempSync(join(tmpdir(), 'csm-sim-'));
}
