import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesRepository } from '../../src-main/db/repositories/notes-repository';
import { SyncProgressRepository } from '../../src-main/db/repositories/sync-progress-repository';
import { SyncStateRepository } from '../../src-main/db/repositories/sync-state-repository';
import { createSyncClient, NUDGE_DELAY_MS, PERIODIC_ROUND_MS } from '../../src-main/sync/create-sync-client';
import type { SyncClient } from '../../src-main/sync/sync-client';
import { CLIENT_SCHEMA_VERSION } from '../../src-main/sync/sync-http';
import type { SyncStatus } from '../../src-shared/ipc/sync-status';
import type { PushRequest } from '../../src-shared/sync/sync-wire';
import { ManualTimers } from '../helpers/manual-timers';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';

/**
 * The scheduler around rounds, on a real store with a scripted server (no network): when rounds run,
 * what they send, and what the user sees meanwhile.
 */
let store: ReturnType<typeof openFixtureStore>;
let timers: ManualTimers;
let online: boolean;
let pushes: PushRequest[];
let inFlight: number;
let maxInFlight: number;
let hold: Promise<void> | null;
let statuses: SyncStatus[];
let client: SyncClient;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function scriptedServer(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  if (!online) throw new TypeError('fetch failed');
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  try {
    if (hold) await hold;
    const url = String(input);
    if (url.includes('/v1/sync/push')) {
      const body = JSON.parse(String(init?.body)) as PushRequest;
      pushes.push(body);
      return json({ last_mutation_id: body.mutations.at(-1)!.id, results: body.mutations.map((m) => ({ id: m.id, status: 'applied' })) });
    }
    if (url.includes('/v1/sync/pull')) return json({ changes: [], scope: { added: [], removed: [] }, cursor: 5, head: 5, has_more: false, last_mutation_id: 0 });
    return json({ code: 'NOT_FOUND', message: 'no' }, 404);
  } finally {
    inFlight--;
  }
}

beforeEach(() => {
  store = openFixtureStore();
  new SyncProgressRepository(store.db).setCursor(5);
  timers = new ManualTimers();
  online = true;
  pushes = [];
  inFlight = 0;
  maxInFlight = 0;
  hold = null;
  statuses = [];
  client = createSyncClient(options());
});

function options(): Parameters<typeof createSyncClient>[0] {
  return {
    db: store.db,
    serverUrl: 'http://sync.test',
    token: 't',
    user: { id: store.ids.userId, email: 'ana@example.com', name: 'Ana', role: 'csm' },
    onStatus: (status) => statuses.push(status),
    onDataChanged: () => undefined,
    now: () => FIXTURE_NOW,
    random: () => 0.5,
    fetch: scriptedServer,
    timers,
  };
}
afterEach(async () => {
  await client.stop();
  store.remove();
});

function writeNotes(count: number, prefix = 'note'): void {
  const notes = new NotesRepository(store.db);
  notes.inTransaction(() => {
    for (let i = 0; i < count; i++) notes.insertIfNew({ id: `${prefix}-${i}`, accountId: store.ids.acmeId, touchpointId: null, authorId: null, body: `n${i}` }, FIXTURE_NOW);
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the sync scheduler', () => {
  it('pushes a large outbox in batches of at most 500 with contiguous ids, oldest first', async () => {
    writeNotes(1201);
    expect(await client.syncNow()).toMatchObject({ phase: 'idle', pending: 0 });
    expect(pushes.map((push) => push.mutations.length)).toEqual([500, 500, 201]);
    const ids = pushes.flatMap((push) => push.mutations.map((m) => m.id));
    expect(ids).toEqual(Array.from({ length: 1201 }, (_, i) => i + 1));
    expect(pushes[0]).toMatchObject({ protocol: 1, schema: CLIENT_SCHEMA_VERSION, client_id: new SyncProgressRepository(store.db).clientId() });
  });

  it('shows offline while the network is down and retries with growing, jittered delays, then goes back to the periodic round', async () => {
    client.start();
    online = false;
    await client.syncNow();
    const afterOne = timers.delays();
    await client.syncNow();
    const afterTwo = timers.delays();
    expect(client.status()).toMatchObject({ phase: 'offline', error: { code: 'OFFLINE' } });
    expect(afterTwo[afterTwo.length - 1]!).toBeGreaterThan(afterOne[afterOne.length - 1]!);
    expect(afterTwo).not.toContain(PERIODIC_ROUND_MS);

    online = true;
    timers.fireAll();
    await settle();
    expect(client.status()).toMatchObject({ phase: 'idle', error: null });
    expect(timers.delays()).toContain(PERIODIC_ROUND_MS);
  });

  it('shows a local change as pending at once and syncs it shortly after: several quick edits share one round', async () => {
    client.start();
    await settle();
    writeNotes(1, 'first');
    client.nudge();
    expect(statuses.at(-1)).toMatchObject({ pending: 1 });
    writeNotes(1, 'second');
    client.nudge();
    writeNotes(1, 'third');
    client.nudge();
    expect(timers.delays().filter((ms) => ms === NUDGE_DELAY_MS)).toHaveLength(1);
    const before = pushes.length;
    timers.fireAll();
    await settle();
    expect(pushes.slice(before).map((push) => push.mutations.length)).toEqual([3]);
    expect(client.status().pending).toBe(0);
  });

  it('never runs two rounds at once: a request during a round runs one more round after it', async () => {
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    writeNotes(1);
    const first = client.syncNow();
    const second = client.syncNow();
    await settle();
    release();
    hold = null;
    await Promise.all([first, second]);
    expect(maxInFlight).toBe(1);
    expect(pushes).toHaveLength(1);
  });

  it('refuses to sync the demo book', () => {
    new SyncStateRepository(store.db).markDemoBook();
    expect(() => createSyncClient({ ...options(), db: store.db })).toThrow(/demo book is never synced/);
  });

  it('stop() waits for the running round and plans nothing afterwards', async () => {
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    client.start();
    const stopped = client.stop();
    release();
    await stopped;
    expect(inFlight).toBe(0);
    expect(timers.delays()).toEqual([]);
    const count = statuses.length;
    client.nudge();
    await client.syncNow();
    expect(statuses.length).toBe(count);
  });
});
