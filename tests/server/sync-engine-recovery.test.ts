import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { OutboxQueueRepository } from '../../src-main/db/repositories/outbox-queue-repository';
import { SyncProgressRepository } from '../../src-main/db/repositories/sync-progress-repository';
import { createSyncClient } from '../../src-main/sync/create-sync-client';
import { CLIENT_SCHEMA_VERSION } from '../../src-main/sync/sync-http';
import { describeOnEachDatabase } from './server-test-databases';
import { Device, ManualTimers, TestServer } from './sync-engine-harness';
import { newNoteFields, WireClient } from './sync-test-client';

/** Reassignment, lost server records, resyncs, revoked tokens and pokes, with real engines and the real server. */
describeOnEachDatabase('sync engine recovery against the real server', (kind) => {
  const server = new TestServer();
  const devices: Device[] = [];
  const sessions: Record<string, Awaited<ReturnType<TestServer['signIn']>>> = {};

  beforeAll(async () => {
    await server.start(kind);
    for (const who of ['ana', 'ben', 'cal', 'dan']) {
      await server.createUser(`${who}@example.com`, 'csm');
      sessions[who] = await server.signIn(`${who}@example.com`);
    }
  });
  afterEach(async () => {
    for (const device of devices.splice(0)) await device.close();
  });
  afterAll(() => server.stop());

  const device = (who: string, timers?: ManualTimers | 'real'): Device => {
    const made = new Device(server, sessions[who]!, timers === 'real' ? { timers: undefined } : timers ? { timers } : {});
    devices.push(made);
    return made;
  };

  it('reassignment purges the account from the old owner\'s device after its pending edit was answered, and the new owner gets it whole', async () => {
    const fjord = await server.createAccount('Fjord', 'ana@example.com');
    const ana = device('ana');
    const noteId = uuidv7();
    await ana.client.syncNow();
    ana.addNote(noteId, fjord, 'Met the CFO');
    await ana.client.syncNow();
    ana.editNote(noteId, 'Met the CFO; budget frozen');
    await server.admin('assign', '--account', fjord, '--owner', 'ben@example.com');

    const status = await ana.client.syncNow();
    expect(ana.accountNames()).not.toContain('Fjord');
    expect(ana.rowCount('notes', fjord)).toBe(0);
    expect(status).toMatchObject({ phase: 'idle', pending: 0, rejected: 1 });
    expect(ana.outbox()).toEqual([{ status: 'rejected', code: 'OUT_OF_SCOPE' }]);
    // Still listed as a problem, though the account itself is gone from this device.
    expect(new OutboxQueueRepository(ana.db).problems()).toMatchObject([{ rowId: noteId, accountId: fjord, accountName: null, code: 'OUT_OF_SCOPE' }]);
    expect(ana.changed.flat()).toContain(fjord);

    const ben = device('ben');
    await ben.client.syncNow();
    expect(ben.accountNames()).toContain('Fjord');
    expect(ben.noteBody(noteId)).toBe('Met the CFO');
  });

  it('recovers from MUTATION_GAP (the server lost this device\'s record) with a new identity, and the new note arrives once', async () => {
    const grove = await server.createAccount('Grove', 'ana@example.com');
    const laptop = device('ana');
    await laptop.client.syncNow();
    laptop.addNote(uuidv7(), grove, 'Before the server lost its record');
    await laptop.client.syncNow();
    const oldClientId = new SyncProgressRepository(laptop.db).clientId();
    await server.db.query('DELETE FROM sync_clients WHERE client_id = $1', [oldClientId]);

    const noteId = uuidv7();
    laptop.addNote(noteId, grove, 'After');
    expect(await laptop.client.syncNow()).toMatchObject({ phase: 'idle', pending: 0, rejected: 0, error: null });
    expect(new SyncProgressRepository(laptop.db).clientId()).not.toBe(oldClientId);
    const phone = device('ana');
    await phone.client.syncNow();
    expect(phone.noteBody(noteId)).toBe('After');
  });

  it('a cursor the server cannot serve (RESYNC_REQUIRED) re-downloads the book: accounts and notes gone from it while away are gone here too', async () => {
    const harbor = await server.createAccount('Harbor', 'ana@example.com');
    const isle = await server.createAccount('Isle', 'ana@example.com');
    const laptop = device('ana');
    const phone = device('ana');
    const kept = uuidv7();
    const deleted = uuidv7();
    await laptop.client.syncNow();
    laptop.addNote(kept, harbor, 'Still here');
    laptop.addNote(deleted, harbor, 'Deleted on the phone');
    await laptop.client.syncNow();
    expect(laptop.accountNames()).toEqual(expect.arrayContaining(['Harbor', 'Isle']));
    // The server was restored from an older backup: its log is behind this device's cursor, so only
    // a full download (which carries no tombstones) can show what changed meanwhile.
    const progress = new SyncProgressRepository(laptop.db);
    progress.setCursor(progress.cursor() + 1_000_000);
    await server.admin('assign', '--account', isle, '--owner', 'ben@example.com');
    await phone.client.syncNow();
    phone.notes.tombstone(deleted, phone.now());
    await phone.client.syncNow();

    expect(await laptop.client.syncNow()).toMatchObject({ phase: 'idle', error: null });
    expect(laptop.accountNames()).toContain('Harbor');
    expect(laptop.accountNames()).not.toContain('Isle');
    expect(laptop.noteBody(kept)).toBe('Still here');
    expect(laptop.noteBody(deleted)).toBeUndefined();
    expect(progress.cursor()).toBeLessThan(1_000_000);
  });

  it('a note pointing at a touchpoint created and deleted while this device was away still arrives', async () => {
    // Dan's own book: a device of his syncing from cursor 0 would not get the deleted touchpoint.
    const lagoon = await server.createAccount('Lagoon', 'dan@example.com');
    const laptop = device('dan');
    await laptop.client.syncNow();
    const wire = new WireClient(server.baseUrl, sessions.dan!.token);
    const touchpointId = uuidv7();
    const noteId = uuidv7();
    const at = '2026-11-20T10:00:00.000Z';
    const touchpoint = { account_id: lagoon, kind: 'call', origin: 'manual', title: 'Call', due_at: at, completed_at: null, status: 'planned', outcome: null, sentiment: null, created_at: at, updated_at: at, deleted_at: null };
    await wire.push([
      wire.mutation('touchpoints', touchpointId, lagoon, touchpoint, Date.parse(at)),
      wire.mutation('notes', noteId, lagoon, { ...newNoteFields(lagoon, 'About the call'), touchpoint_id: touchpointId }, Date.parse(at)),
      wire.mutation('touchpoints', touchpointId, lagoon, { deleted_at: at }, Date.parse(at) + 1000, 'delete'),
    ]);

    expect(await laptop.client.syncNow()).toMatchObject({ phase: 'idle', error: null });
    expect(laptop.noteBody(noteId)).toBe('About the call');
    expect(laptop.db.prepare('SELECT deleted_at FROM touchpoints WHERE id = ?').get(touchpointId)).toEqual({ deleted_at: at });
  });

  it('a revoked token stops syncing: phase error with UNAUTHENTICATED, no retry planned, local changes kept', async () => {
    const jade = await server.createAccount('Jade', 'cal@example.com');
    const timers = new ManualTimers();
    const laptop = device('cal', timers);
    laptop.client.start();
    await laptop.client.syncNow();
    expect(timers.delays()).toContain(60_000);
    await server.admin('revoke-tokens', '--email', 'cal@example.com');

    laptop.addNote(uuidv7(), jade, 'Written after the token was revoked');
    const status = await laptop.client.syncNow();
    expect(status).toMatchObject({ phase: 'error', pending: 1, error: { code: 'UNAUTHENTICATED' } });
    expect(timers.delays()).toEqual([]);
    const requests = laptop.requests;
    laptop.client.nudge();
    timers.fireAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(laptop.requests).toBe(requests);
    expect(laptop.client.status()).toMatchObject({ phase: 'error', pending: 1 });
  });

  it('a poke from the server brings another device\'s change within moments, long before the periodic round', async () => {
    const kite = await server.createAccount('Kite', 'ana@example.com');
    const laptop = device('ana', 'real');
    const phone = device('ana');
    await phone.client.syncNow();
    laptop.client.start();
    await until(() => laptop.client.status().phase === 'idle' && laptop.accountNames().includes('Kite'));

    const noteId = uuidv7();
    phone.addNote(noteId, kite, 'Pushed from the phone');
    await phone.client.syncNow();
    await until(() => laptop.noteBody(noteId) === 'Pushed from the phone');
    expect(laptop.changed.flat()).toContain(kite);
  });

  it('a server that does not speak our versions stops syncing with UPGRADE_REQUIRED', async () => {
    const laptop = device('ana');
    const upgraded = createSyncClient({
      db: laptop.db,
      serverUrl: server.baseUrl,
      token: sessions.ana!.token,
      user: sessions.ana!.user,
      onStatus: () => undefined,
      onDataChanged: () => undefined,
      // What an older server answers a newer client: our schema is outside its range.
      fetch: async (input, init) => fetch(String(input).replace(`schema=${CLIENT_SCHEMA_VERSION}`, 'schema=99'), init),
      timers: new ManualTimers(),
    });
    expect(await upgraded.syncNow()).toMatchObject({ phase: 'error', error: { code: 'UPGRADE_REQUIRED' } });
    await upgraded.stop();
  });
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the device');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
