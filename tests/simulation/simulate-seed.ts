import { v7 as uuidv7 } from 'uuid';
import { setAccountOwner } from '../../src-server/accounts/account-repository';
import type { Database } from '../../src-server/db/database';
import { buildServer } from '../../src-server/http/build-server';
import { commitWrites } from '../../src-server/sync/change-log';
import { SeededRandom } from '../../src-shared/demo/seeded-random';
import { runSyncRound } from '../../src-main/sync/sync-round';
import { checkOracles, type LocalMutation } from './sim-oracles';
import { buildWorld, disposeWorld, httpOf, type SimClient, type SimWorld } from './sim-world';

export interface SeedResult {
  seed: number;
  failures: string[];
  trace: string[];
}

export interface SimulateOptions {
  steps?: number;
  /** Keep every step in the trace (for `--seed N` replays); otherwise only the failures are kept. */
  trace?: boolean;
}

/** Lets every promise the last step resolved run on until it parks on the network again or ends. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * One seed of the deterministic simulation (DESIGN §3, issue 7 D.16): the real server and four real
 * client engines on real SQLite stores, over a network that loses, repeats, reorders and delays
 * messages, partitions devices, and with devices and the server killed between steps, local edits
 * (concurrent ones on the same fields included), reassignments and new metrics. Then the network
 * heals, every device syncs until nothing moves, and the oracles are checked.
 */
export async function simulateSeed(db: Database, seed: number, root: string, options: SimulateOptions = {}): Promise<SeedResult> {
  const random = new SeededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;
  const trace: string[] = [];
  const log = (line: string) => {
    if (options.trace) trace.push(line);
  };
  const world = await buildWorld(db, random, root);
  const mutations: LocalMutation[] = [];
  try {
    for (let step = 0; step < (options.steps ?? 120); step += 1) {
      world.clock.now += Math.floor(random.next() * 5000);
      const roll = random.next();
      if (roll < 0.3) localEdit(world, pick(world.clients), random, mutations, (line) => log(`${step} ${line}`));
      else if (roll < 0.45) {
        const client = pick(world.clients);
        if (!client.round) startRound(world, client, log, step);
      } else if (roll < 0.85 && world.network.inFlight.length) await moveMessage(world, random, (line) => log(`${step} ${line}`));
      else if (roll < 0.9) await serverChange(world, random, (line) => log(`${step} ${line}`));
      else if (roll < 0.93) {
        const client = pick(world.clients);
        client.partitioned = !client.partitioned;
        log(`${step} client ${client.index} ${client.partitioned ? 'partitioned' : 'reconnected'}`);
      } else if (roll < 0.97) killClient(world, pick(world.clients), (line) => log(`${step} ${line}`));
      else await killServer(world, (line) => log(`${step} ${line}`));
      await settle();
    }
    await quiesce(world, log);
    return { seed, failures: await checkOracles(world, mutations), trace };
  } catch (error) {
    return { seed, failures: [`the run itself failed: ${(error as Error).stack ?? String(error)}`], trace };
  } finally {
    await disposeWorld(world);
  }
}

function startRound(world: SimWorld, client: SimClient, log: (line: string) => void, step: number): void {
  const life = client.life;
  const http = httpOf(world, client);
  log(`${step} client ${client.index} starts a round`);
  client.round = runSyncRound({ db: client.db, http, now: () => new Date(world.clock.now + client.skewMs), onDataChanged: () => undefined, pullLimit: 7, pushBatchSize: 4 }).then((result) => {
    if (client.life === life) {
      client.round = null;
      log(`client ${client.index} round ended ${result.ok ? (result.caughtUp ? 'caught up' : 'not caught up') : `with ${result.error.code}`}`);
    }
    return result;
  });
}

/** One message moves: a request reaches the server (maybe twice), an answer reaches its client, or either is lost. */
async function moveMessage(world: SimWorld, random: SeededRandom, log: (line: string) => void): Promise<void> {
  const { network } = world;
  const exchange = network.inFlight[Math.floor(random.next() * network.inFlight.length)];
  if (!exchange) return;
  const client = world.clients[exchange.client] as SimClient;
  if (client.partitioned || random.next() < 0.08) {
    log(`lost ${exchange.stage} ${exchange.method} ${exchange.url.split('?')[0]} of client ${client.index}`);
    network.drop(exchange);
    return;
  }
  if (exchange.stage === 'request') {
    await network.deliverRequest(exchange);
    if (random.next() < 0.1) {
      log(`duplicated ${exchange.method} ${exchange.url.split('?')[0]} of client ${client.index}`);
      exchange.answer = await network.serve(exchange.method, exchange.url, exchange.headers, exchange.body);
    }
    log(`server answered ${exchange.answer?.status} to ${exchange.method} ${exchange.url.split('?')[0]} of client ${client.index}`);
    return;
  }
  network.deliverResponse(exchange);
}

const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
const RATINGS = ['red', 'amber', 'green'] as const;

/** A local edit through the app's own services (the synced-write path), remembered for the oracles with its outbox row. */
function localEdit(world: SimWorld, client: SimClient, random: SeededRandom, mutations: LocalMutation[], log: (line: string) => void): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;
  const accounts = (client.db.prepare('SELECT id FROM accounts WHERE deleted_at IS NULL ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  const notes = (client.db.prepare('SELECT id FROM notes WHERE deleted_at IS NULL ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  const planned = (client.db.prepare("SELECT id FROM touchpoints WHERE status = 'planned' AND deleted_at IS NULL ORDER BY id").all() as { id: string }[]).map((row) => row.id);
  const before = (client.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM outbox').get() as { id: number }).id;
  const roll = random.next();
  let what: string;
  let result;
  if (roll < 0.3 && accounts.length) {
    what = 'adds a note';
    result = client.dispatch('notes.add', { id: uuidv7(), accountId: pick(accounts), body: `Note ${uuidv7()}` });
  } else if (roll < 0.52 && notes.length) {
    what = 'edits a note';
    result = client.dispatch('notes.update', { id: pick(notes), body: `Edited ${random.next().toFixed(6)} by ${client.index}` });
  } else if (roll < 0.62 && notes.length) {
    what = 'deletes a note';
    result = client.dispatch('notes.delete', { id: pick(notes) });
  } else if (roll < 0.7 && accounts.length) {
    what = 'records a sentiment';
    result = client.dispatch('sentiment.record', { id: uuidv7(), accountId: pick(accounts), rating: pick(RATINGS), reason: `Read by ${client.index}` });
  } else if (roll < 0.85 && planned.length) {
    what = 'completes a touchpoint';
    result = client.dispatch('touchpoints.complete', { touchpointId: pick(planned), outcome: `Done by ${client.index}`, sentiment: pick(SENTIMENTS) });
  } else if (planned.length) {
    what = 'reschedules a touchpoint';
    result = client.dispatch('touchpoints.reschedule', { touchpointId: pick(planned), dueAt: new Date(world.clock.now + random.next() * 30 * 86_400_000).toISOString() });
  } else return;
  log(`client ${client.index} ${what}: ${result.ok ? 'saved' : result.error.code}`);
  const rows = client.db.prepare('SELECT id, entity, row_id, fields_json, hlc FROM outbox WHERE id > ? ORDER BY id').all(before) as { id: number; entity: string; row_id: string; fields_json: string; hlc: string }[];
  for (const row of rows) mutations.push({ client: client.index, outboxId: row.id, entity: row.entity, rowId: row.row_id, fields: JSON.parse(row.fields_json) as Record<string, unknown>, hlc: row.hlc });
}

/** The team changes on the server: an account changes hands, or fresh usage data arrives. */
async function serverChange(world: SimWorld, random: SeededRandom, log: (line: string) => void): Promise<void> {
  const account = world.accounts[Math.floor(random.next() * world.accounts.length)] as string;
  if (random.next() < 0.5) {
    const owner = world.users[1 + Math.floor(random.next() * 2)]!;
    await world.db.transaction((tx) => setAccountOwner(tx, account, owner.id));
    log(`server: ${account.slice(-6)} now owned by ${owner.email}`);
  } else {
    const value = Math.round(random.next() * 1000) / 1000;
    await world.db.transaction((tx) => commitWrites(tx, [{ entity: 'metrics', op: 'upsert', row: { account_id: account, key: 'login_frequency', date: '2026-11-23', value, deleted_at: null } }]));
    log(`server: login_frequency of ${account.slice(-6)} is ${value}`);
  }
}

/** The device's process dies: its round and messages in flight are gone; its store (committed work) stays. */
function killClient(world: SimWorld, client: SimClient, log: (line: string) => void): void {
  client.life += 1;
  client.round = null;
  world.network.forget(client.index);
  log(`client ${client.index} killed`);
}

/** The server process dies: every message in flight is lost; a new process serves the same database. */
async function killServer(world: SimWorld, log: (line: string) => void): Promise<void> {
  for (const exchange of [...world.network.inFlight]) world.network.drop(exchange);
  await world.server.close();
  world.server = await buildServer({ db: world.db, logger: false, now: () => new Date(world.clock.now) });
  world.network.server = world.server;
  log('server killed and restarted');
}

/** The network heals and every device syncs, in turn, until a whole pass moves nothing. */
async function quiesce(world: SimWorld, log: (line: string) => void): Promise<void> {
  world.network.perfect = true;
  for (const client of world.clients) {
    client.partitioned = false;
    killClient(world, client, () => undefined);
  }
  for (const exchange of [...world.network.inFlight]) world.network.drop(exchange);
  for (let pass = 0; pass < 8; pass += 1) {
    let moved = false;
    for (const client of world.clients) {
      const result = await runSyncRound({ db: client.db, http: httpOf(world, client), now: () => new Date(world.clock.now + client.skewMs), onDataChanged: () => undefined });
      if (!result.ok) throw new Error(`client ${client.index} cannot sync on a healed network: ${result.error.code} ${result.error.message}`);
      if (result.pushed > 0 || !result.caughtUp) moved = true;
    }
    const heads = await world.db.query<{ seq: number }>('SELECT seq FROM sync_counter');
    log(`quiescence pass ${pass}: head ${heads[0]?.seq}${moved ? '' : ', nothing moved'}`);
    if (!moved && pass > 0) return;
  }
  throw new Error('the devices did not settle within 8 passes on a healed network');
}
