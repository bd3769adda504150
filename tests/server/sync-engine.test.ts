import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CsmSentimentRepository } from '../../src-main/db/repositories/csm-sentiment-repository';
import { OutboxQueueRepository } from '../../src-main/db/repositories/outbox-queue-repository';
import { SyncProgressRepository } from '../../src-main/db/repositories/sync-progress-repository';
import { describeOnEachDatabase } from './server-test-databases';
import { Device, TestServer } from './sync-engine-harness';

/**
 * Real sync engines on real SQLite stores against the real server over loopback HTTP. Ana (CSM) has
 * a laptop and a phone; Maria manages her. Each test makes its own account so tests do not interfere.
 */
describeOnEachDatabase('sync engine against the real server', (kind) => {
  const server = new TestServer();
  const devices: Device[] = [];
  const sessions: Record<string, Awaited<ReturnType<TestServer['signIn']>>> = {};

  beforeAll(async () => {
    await server.start(kind);
    await server.createUser('maria@example.com', 'manager');
    await server.createUser('ana@example.com', 'csm', 'maria@example.com');
    for (const who of ['maria', 'ana']) sessions[who] = await server.signIn(`${who}@example.com`);
  });
  afterEach(async () => {
    for (const device of devices.splice(0)) await device.close();
  });
  afterAll(() => server.stop());

  const device = (who: string): Device => {
    const made = new Device(server, sessions[who]!);
    devices.push(made);
    return made;
  };

  it('two devices of one user converge: a note written on the laptop is on the phone, and the phone\'s edit comes back', async () => {
    const acme = await server.createAccount('Acme', 'ana@example.com');
    const laptop = device('ana');
    const phone = device('ana');
    await laptop.client.syncNow();
    const noteId = uuidv7();
    laptop.addNote(noteId, acme, 'Kick-off went well');
    expect(laptop.client.status().pending).toBe(1);
    expect(await laptop.client.syncNow()).toMatchObject({ phase: 'idle', pending: 0, rejected: 0, error: null });

    const status = await phone.client.syncNow();
    expect(status).toMatchObject({ phase: 'idle', pending: 0, user: { email: 'ana@example.com' } });
    expect(status.lastSyncedAt).not.toBeNull();
    expect(phone.accountNames()).toContain('Acme');
    expect(phone.noteBody(noteId)).toBe('Kick-off went well');
    expect(phone.changed.flat()).toContain(acme);

    phone.editNote(noteId, 'Kick-off went well; renewal likely');
    await phone.client.syncNow();
    await laptop.client.syncNow();
    expect(laptop.noteBody(noteId)).toBe('Kick-off went well; renewal likely');
  });

  it("a CSM's sentiment reaches the team: the other device and the manager see it, with its author and reason", async () => {
    const cirrus = await server.createAccount('Cirrus', 'ana@example.com');
    const laptop = device('ana');
    const managerDesk = device('maria');
    await laptop.client.syncNow();
    const id = uuidv7();
    new CsmSentimentRepository(laptop.db).record(
      { id, accountId: cirrus, authorId: sessions.ana!.user.id, rating: 'amber', reason: 'Sponsor moving to another team', at: laptop.now().toISOString() },
      laptop.now(),
    );
    expect(await laptop.client.syncNow()).toMatchObject({ pending: 0, rejected: 0, error: null });
    await managerDesk.client.syncNow();
    expect(new CsmSentimentRepository(managerDesk.db).history(cirrus)).toEqual([
      expect.objectContaining({ id, rating: 'amber', reason: 'Sponsor moving to another team', authorName: expect.stringMatching(/ana/i) }),
    ]);
  });

  it('edits made offline wait in the outbox, show as pending, and reach the other device once online', async () => {
    const bolt = await server.createAccount('Bolt', 'ana@example.com');
    const laptop = device('ana');
    const phone = device('ana');
    await laptop.client.syncNow();
    laptop.online = false;
    const noteId = uuidv7();
    laptop.addNote(noteId, bolt, 'Written on the train');
    const offline = await laptop.client.syncNow();
    expect(offline).toMatchObject({ phase: 'offline', pending: 1, error: { code: 'OFFLINE' } });
    await phone.client.syncNow();
    expect(phone.noteBody(noteId)).toBeUndefined();

    laptop.online = true;
    expect(await laptop.client.syncNow()).toMatchObject({ phase: 'idle', pending: 0, error: null });
    await phone.client.syncNow();
    expect(phone.noteBody(noteId)).toBe('Written on the train');
  });

  it('a push whose answer is lost is not applied twice: the retry is answered from the record and the log does not grow', async () => {
    const cirrus = await server.createAccount('Cirrus', 'ana@example.com');
    const laptop = device('ana');
    await laptop.client.syncNow();
    laptop.addNote(uuidv7(), cirrus, 'Once only');
    laptop.afterAnswer = (url) => {
      if (!url.includes('/push')) return;
      laptop.afterAnswer = null;
      throw new TypeError('connection reset after the server answered');
    };
    expect(await laptop.client.syncNow()).toMatchObject({ phase: 'offline', pending: 1 });
    const phone = device('ana');
    await phone.client.syncNow();
    const headAfterFirstPush = new SyncProgressRepository(phone.db).cursor();

    expect(await laptop.client.syncNow()).toMatchObject({ phase: 'idle', pending: 0, rejected: 0 });
    await phone.client.syncNow();
    expect(new SyncProgressRepository(phone.db).cursor()).toBe(headAfterFirstPush);
    expect(new SyncProgressRepository(laptop.db).cursor()).toBe(headAfterFirstPush);
  });

  it('an edit made while a pull is on its way is not overwritten by the older server row, and is pushed next round', async () => {
    const dune = await server.createAccount('Dune', 'ana@example.com');
    const laptop = device('ana');
    const phone = device('ana');
    const noteId = uuidv7();
    await phone.client.syncNow();
    phone.addNote(noteId, dune, 'Server version');
    await phone.client.syncNow();
    // The laptop's pull will carry "Server version"; the user edits just as the request leaves.
    laptop.beforeRequest = (url) => {
      if (!url.includes('/pull') || !laptop.notes.find(noteId)) return;
      laptop.beforeRequest = null;
      laptop.editNote(noteId, 'Typed during the pull');
    };
    await laptop.client.syncNow(); // first pull: the note arrives
    await phone.client.syncNow();
    phone.editNote(noteId, 'Phone edit, pushed before the laptop pulls');
    await phone.client.syncNow();
    await laptop.client.syncNow(); // the edit is made as this round's pull leaves
    expect(laptop.noteBody(noteId)).toBe('Typed during the pull');
    expect(laptop.client.status().pending).toBe(1);

    await laptop.client.syncNow();
    await phone.client.syncNow();
    expect([laptop.noteBody(noteId), phone.noteBody(noteId)]).toEqual(['Typed during the pull', 'Typed during the pull']);
    expect(laptop.client.status()).toMatchObject({ pending: 0, phase: 'idle' });
  });

  it('a change the server refuses for good stays on the device, counted and with its reason, and is not sent again', async () => {
    const echo = await server.createAccount('Echo', 'ana@example.com');
    const ana = device('ana');
    const maria = device('maria');
    const noteId = uuidv7();
    await ana.client.syncNow();
    ana.addNote(noteId, echo, 'Ana\'s own words');
    await ana.client.syncNow();
    await maria.client.syncNow();
    expect(maria.noteBody(noteId)).toBe('Ana\'s own words');

    // A manager may read a report's notes but not rewrite them.
    maria.editNote(noteId, 'Maria rewrites it');
    const status = await maria.client.syncNow();
    expect(status).toMatchObject({ phase: 'idle', pending: 0, rejected: 1, error: null });
    expect(maria.outbox()).toEqual([{ status: 'rejected', code: 'NOT_AUTHOR' }]);
    expect(maria.changed.flat()).toContain(echo);
    // The same round's pull put the server's version back; the refused text is kept in the problem.
    expect(maria.noteBody(noteId)).toBe('Ana\'s own words');
    const [problem] = new OutboxQueueRepository(maria.db).problems();
    expect(problem).toMatchObject({ entity: 'notes', rowId: noteId, accountId: echo, accountName: 'Echo', op: 'upsert', code: 'NOT_AUTHOR' });
    expect(problem?.fields).toMatchObject({ body: 'Maria rewrites it' });
    expect(problem?.message).toMatch(/someone else/);

    const requests = maria.requests;
    await maria.client.syncNow();
    expect(maria.requests - requests).toBe(1); // a pull only: nothing is pushed again
    expect(maria.outbox()).toEqual([{ status: 'rejected', code: 'NOT_AUTHOR' }]);
    await ana.client.syncNow();
    expect(ana.noteBody(noteId)).toBe('Ana\'s own words');
  });
});
