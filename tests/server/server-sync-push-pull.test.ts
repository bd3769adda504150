import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PullResponse, WireChange } from '../../src-shared/sync/sync-wire';
import { SUPPORTED_SCHEMA_VERSIONS } from '../../src-shared/sync/protocol-versions';
import { describeOnEachDatabase } from './server-test-databases';
import { startTestServer, type RunningTestServer } from './test-server';
import { loginToken, newNoteFields, WireClient } from './sync-test-client';

const PASSWORD = 'sync-test-pass';
const T0 = Date.parse('2026-11-20T10:00:00.000Z');

const notesIn = (pages: PullResponse[]): WireChange[] => pages.flatMap((page) => page.changes).filter((change) => change.entity === 'notes');

/**
 * Push and pull over real HTTP against the real server: Maria manages Ana and Ben; Acme is Ana's,
 * Bolt is Ben's. Each test builds on the team; notes are new rows per test.
 */
describeOnEachDatabase('sync push and pull', (kind) => {
  let server: RunningTestServer;
  let baseUrl: string;
  let clock = T0;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const admin = (...argv: string[]) => server.admin(...argv);
  const client = (who: string) => new WireClient(baseUrl, tokens[who] as string);

  beforeAll(async () => {
    server = await startTestServer(kind, { password: PASSWORD, now: () => new Date(clock) });
    ({ baseUrl } = server);
    await admin('create-user', '--email', 'maria@example.com', '--name', 'Maria', '--role', 'manager');
    await admin('create-user', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'csm', '--manager', 'maria@example.com');
    await admin('create-user', '--email', 'ben@example.com', '--name', 'Ben', '--role', 'csm', '--manager', 'maria@example.com');
    for (const who of ['maria', 'ana', 'ben']) {
      tokens[who] = await loginToken(baseUrl, `${who}@example.com`, PASSWORD);
      const me = await fetch(`${baseUrl}/v1/auth/me`, { headers: { authorization: `Bearer ${tokens[who]}` } });
      ids[who] = ((await me.json()) as { user: { id: string } }).user.id;
    }
    ids.acme = await admin('create-account', '--name', 'Acme', '--plan', 'professional', '--arr', '50000', '--owner', 'ana@example.com');
    ids.bolt = await admin('create-account', '--name', 'Bolt', '--plan', 'enterprise', '--arr', '90000', '--owner', 'ben@example.com');
  });
  afterAll(() => server?.close());

  it('a pushed note reaches its author\'s other device with the author set by the server, and not another CSM', async () => {
    const laptop = client('ana');
    const noteId = uuidv7();
    const answer = await laptop.push([laptop.mutation('notes', noteId, ids.acme as string, { ...newNoteFields(ids.acme as string, 'Kick-off went well'), author_id: ids.ben }, T0)]);
    expect(answer).toEqual({ last_mutation_id: 1, results: [{ id: 1, status: 'applied' }] });

    const phone = client('ana');
    const { pages } = await phone.pullAll(0);
    expect(pages[0]?.scope.added).toEqual([ids.acme]);
    const accounts = pages.flatMap((page) => page.changes).filter((change) => change.entity === 'accounts');
    expect(accounts.map((change) => change.row_id)).toEqual([ids.acme]);
    expect(accounts[0]?.fields).toMatchObject({ name: 'Acme', arr: 50000, owner_id: ids.ana });
    const note = notesIn(pages).find((change) => change.row_id === noteId);
    expect(note?.fields).toMatchObject({ body: 'Kick-off went well', author_id: ids.ana, account_id: ids.acme });
    expect(pages.flatMap((page) => page.changes).filter((change) => change.entity === 'users').length).toBe(3);

    const ben = await client('ben').pullAll(0);
    expect(ben.pages[0]?.scope.added).toEqual([ids.bolt]);
    expect(notesIn(ben.pages).find((change) => change.row_id === noteId)).toBeUndefined();
  });

  it('a repeated push applies nothing twice, and a mutation id that skips ahead is refused whole', async () => {
    const laptop = client('ana');
    const mutation = laptop.mutation('notes', uuidv7(), ids.acme as string, newNoteFields(ids.acme as string, 'Once'), T0);
    await laptop.push([mutation]);
    const head = (await laptop.pull(0)).head;
    expect(await laptop.push([mutation])).toEqual({ last_mutation_id: 1, results: [{ id: 1, status: 'applied' }] });
    expect((await laptop.pull(0)).head).toBe(head);

    const gap = laptop.mutation('notes', uuidv7(), ids.acme as string, newNoteFields(ids.acme as string, 'Skipped'), T0);
    gap.id = 5;
    const refused = await laptop.pushRaw({ protocol: 1, schema: SUPPORTED_SCHEMA_VERSIONS.max, client_id: laptop.clientId, mutations: [gap] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'MUTATION_GAP', last_mutation_id: 1 });
    expect((await laptop.pull(0)).head).toBe(head);
  });

  it('refuses for good, and keeps refusing on repeat: another CSM\'s account, a server-owned entity, bad fields', async () => {
    const laptop = client('ana');
    const answer = await laptop.push([
      laptop.mutation('notes', uuidv7(), ids.bolt as string, newNoteFields(ids.bolt as string, 'Not mine'), T0),
      laptop.mutation('accounts', ids.acme as string, ids.acme as string, { arr: 1 }, T0),
      laptop.mutation('notes', uuidv7(), ids.acme as string, { ...newNoteFields(ids.acme as string, 'x'), body: 42 }, T0),
      laptop.mutation('notes', uuidv7(), ids.acme as string, { body: 'no account, no dates' }, T0),
    ]);
    expect(answer.last_mutation_id).toBe(4);
    expect(answer.results.map((result) => [result.status, result.code])).toEqual([
      ['rejected', 'OUT_OF_SCOPE'],
      ['rejected', 'SERVER_OWNED'],
      ['rejected', 'INVALID_FIELDS'],
      ['rejected', 'INVALID_FIELDS'],
    ]);
    expect(answer.results[2]?.message).toContain('notes.body');
    const again = await laptop.pushRaw({ protocol: 1, schema: SUPPORTED_SCHEMA_VERSIONS.max, client_id: laptop.clientId, mutations: [laptop.mutation('notes', uuidv7(), ids.bolt as string, {}, T0)].map((m) => ({ ...m, id: 1 })) });
    expect((again.body.results as { code: string }[])[0]?.code).toBe('OUT_OF_SCOPE');
    const bolt = await client('ben').pullAll(0);
    expect(notesIn(bolt.pages).map((change) => change.fields.body)).not.toContain('Not mine');
  });

  it('cannot reach another CSM\'s row however its id is obtained: under its own account or under the caller\'s', async () => {
    const ben = client('ben');
    const benNote = uuidv7();
    await ben.push([ben.mutation('notes', benNote, ids.bolt as string, newNoteFields(ids.bolt as string, 'Ben only'), T0)]);
    const ana = client('ana');
    const answer = await ana.push([
      ana.mutation('notes', benNote, ids.bolt as string, { body: 'seen by Ana?' }, T0 + 1000),
      ana.mutation('notes', benNote, ids.acme as string, { body: 'moved to Acme?' }, T0 + 1000),
      ana.mutation('notes', benNote, ids.acme as string, { body: 'deleted?' }, T0 + 1000, 'delete'),
    ]);
    expect(answer.results.map((result) => result.code)).toEqual(['OUT_OF_SCOPE', 'ACCOUNT_MISMATCH', 'ACCOUNT_MISMATCH']);
    const bens = notesIn((await client('ben').pullAll(0)).pages).find((change) => change.row_id === benNote);
    expect(bens?.fields).toMatchObject({ body: 'Ben only', deleted_at: null, account_id: ids.bolt });
    expect(notesIn((await ana.pullAll(0)).pages).map((change) => change.row_id)).not.toContain(benNote);
  });

  it('merges per field by HLC whatever the arrival order; a delete wins over a later edit unless it restores', async () => {
    const [one, two] = [client('ana'), client('ana')];
    const noteId = uuidv7();
    await one.push([one.mutation('notes', noteId, ids.acme as string, newNoteFields(ids.acme as string, 'first'), T0)]);
    // The later edit arrives first; the earlier one then loses.
    await two.push([two.mutation('notes', noteId, ids.acme as string, { body: 'later edit' }, T0 + 2000)]);
    await one.push([one.mutation('notes', noteId, ids.acme as string, { body: 'earlier edit' }, T0 + 1000)]);
    const body = async () => notesIn((await client('ana').pullAll(0)).pages).find((change) => change.row_id === noteId)?.fields;
    expect((await body())?.body).toBe('later edit');

    await one.push([one.mutation('notes', noteId, ids.acme as string, { deleted_at: '2026-11-20T10:00:03.000Z' }, T0 + 3000, 'delete')]);
    await two.push([two.mutation('notes', noteId, ids.acme as string, { body: 'edit after delete' }, T0 + 4000)]);
    const ana = client('ana');
    const { pages, cursor } = await ana.pullAll(0);
    expect(notesIn(pages).find((change) => change.row_id === noteId)).toBeUndefined();
    await two.push([two.mutation('notes', noteId, ids.acme as string, { deleted_at: null }, T0 + 5000)]);
    const restored = notesIn((await ana.pullAll(cursor)).pages).find((change) => change.row_id === noteId);
    expect(restored).toMatchObject({ op: 'upsert', fields: { body: 'edit after delete', deleted_at: null } });
  });

  it('keeps a touchpoint\'s status machine and pulls back a clock more than five minutes ahead', async () => {
    const laptop = client('ana');
    const touchpointId = uuidv7();
    const fields = { account_id: ids.acme, kind: 'call', origin: 'manual', title: 'Check-in', due_at: '2026-11-25T10:00:00.000Z', completed_at: null, status: 'done', outcome: 'ok', sentiment: 'positive', created_at: '2026-11-20T10:00:00.000Z', updated_at: '2026-11-20T10:00:00.000Z', deleted_at: null };
    const answer = await laptop.push([
      laptop.mutation('touchpoints', touchpointId, ids.acme as string, fields, T0),
      laptop.mutation('touchpoints', touchpointId, ids.acme as string, { status: 'planned' }, T0 + 1000),
    ]);
    expect(answer.results.map((result) => result.code ?? result.status)).toEqual(['applied', 'INVALID_TRANSITION']);

    const noteId = uuidv7();
    const fast = client('ana');
    await fast.push([fast.mutation('notes', noteId, ids.acme as string, newNoteFields(ids.acme as string, 'from a clock a day ahead'), T0 + 86_400_000)]);
    clock = T0 + 60_000;
    const honest = client('ana');
    await honest.push([honest.mutation('notes', noteId, ids.acme as string, { body: 'a minute later, honestly' }, T0 + 60_000)]);
    const note = notesIn((await client('ana').pullAll(0)).pages).find((change) => change.row_id === noteId);
    expect(note?.fields.body).toBe('a minute later, honestly');
  });

  it('lets a manager add notes on a report\'s account but not change the CSM\'s; the owner may change the manager\'s', async () => {
    const [ana, maria] = [client('ana'), client('maria')];
    const anaNote = uuidv7();
    const mariaNote = uuidv7();
    await ana.push([ana.mutation('notes', anaNote, ids.acme as string, newNoteFields(ids.acme as string, 'Ana wrote this'), T0)]);
    const mariaAt = (await maria.pullAll(0)).cursor;
    const answer = await maria.push([
      maria.mutation('notes', mariaNote, ids.acme as string, newNoteFields(ids.acme as string, 'Coaching note'), T0),
      maria.mutation('notes', anaNote, ids.acme as string, { body: 'Maria rewrote it' }, T0 + 1000),
    ]);
    expect(answer.results.map((result) => result.code ?? result.status)).toEqual(['applied', 'NOT_AUTHOR']);
    // Maria's device shows her refused edit until its next pull brings Ana's version back.
    const mariaView = notesIn([await maria.pull(mariaAt)]).find((change) => change.row_id === anaNote);
    expect(mariaView?.fields.body).toBe('Ana wrote this');
    expect((await ana.push([ana.mutation('notes', mariaNote, ids.acme as string, { body: 'Ana tidied it' }, T0 + 2000)])).results[0]?.status).toBe('applied');
    const maria0 = await maria.pullAll(0);
    expect(maria0.pages[0]?.scope.added.sort()).toEqual([ids.acme, ids.bolt].sort());
  });

  it('serves pages that never split a push, and the same rows whatever the page size', async () => {
    const laptop = client('ana');
    const batch = Array.from({ length: 5 }, (_, i) => laptop.mutation('notes', uuidv7(), ids.acme as string, newNoteFields(ids.acme as string, `batch ${i}`), T0));
    const reader = client('ana');
    const before = (await reader.pullAll(0)).cursor;
    await laptop.push(batch);
    const small = await reader.pull(before, 2);
    expect(notesIn([small]).map((change) => change.fields.body)).toEqual(['batch 0', 'batch 1', 'batch 2', 'batch 3', 'batch 4']);
    const whole = await reader.pullAll(0, 1000);
    const paged = await reader.pullAll(0, 3);
    // Small pages may repeat a row (an account that left and came back comes whole again): the same set.
    const rows = (pages: PullResponse[]) => [...new Set(pages.flatMap((page) => page.changes.map((change) => `${change.entity}:${change.row_id}`)))].sort();
    expect(rows(paged.pages)).toEqual(rows(whole.pages));
    expect(paged.cursor).toBe(whole.cursor);
  });

  it('moves an account between books on reassignment: purged from the old owner, whole to the new one', async () => {
    const [ana, ben] = [client('ana'), client('ben')];
    const noteId = uuidv7();
    await ana.push([ana.mutation('notes', noteId, ids.acme as string, newNoteFields(ids.acme as string, 'Before the handover'), T0)]);
    const anaAt = (await ana.pullAll(0)).cursor;
    const benAt = (await ben.pullAll(0)).cursor;
    await admin('assign', '--account', ids.acme as string, '--owner', 'ben@example.com');

    const anaAfter = await ana.pullAll(anaAt);
    expect(anaAfter.pages[0]?.scope).toEqual({ added: [], removed: [ids.acme] });
    expect(anaAfter.pages.flatMap((page) => page.changes).filter((change) => change.account_id === ids.acme)).toEqual([]);
    const benAfter = await ben.pullAll(benAt);
    expect(benAfter.pages[0]?.scope).toEqual({ added: [ids.acme], removed: [] });
    expect(notesIn(benAfter.pages).map((change) => change.row_id)).toContain(noteId);
    const late = await ana.push([ana.mutation('notes', noteId, ids.acme as string, { body: 'too late' }, T0 + 9000)]);
    expect(late.results[0]?.code).toBe('OUT_OF_SCOPE');
    await admin('assign', '--account', ids.acme as string, '--owner', 'ana@example.com');
  });

  it('a page that stops short of the head leaves no rows of an account that left the scope in between', async () => {
    const device = client('ana');
    const start = (await device.pullAll(0)).cursor;
    const delta = await admin('create-account', '--name', 'Delta', '--plan', 'starter', '--arr', '5000', '--owner', 'ben@example.com');
    const ben = client('ben');
    await ben.push([ben.mutation('notes', uuidv7(), delta, newNoteFields(delta, 'Delta note'), T0)]);
    await admin('assign', '--account', delta, '--owner', 'ana@example.com');
    // Ana's device pulls one change at a time; Delta goes back to Ben after its first page.
    const held = new Set<string>();
    let at = start;
    for (let page = 0; ; page += 1) {
      if (page === 1) await admin('assign', '--account', delta, '--owner', 'ben@example.com');
      const answer = await device.pull(at, 1);
      for (const id of answer.scope.removed) held.delete(id);
      for (const change of answer.changes) if (change.account_id) held.add(change.account_id);
      at = answer.cursor;
      if (!answer.has_more) break;
    }
    expect(held.has(delta)).toBe(false);
  });

  it('answers UPGRADE_REQUIRED outside its versions and refuses a client id of another user', async () => {
    const laptop = client('ana');
    const old = await laptop.pushRaw({ protocol: 99, schema: SUPPORTED_SCHEMA_VERSIONS.max, client_id: laptop.clientId, mutations: [] });
    expect(old.status).toBe(426);
    expect(old.body).toMatchObject({ code: 'UPGRADE_REQUIRED', protocol: { min: 1, max: 1 } });
    expect((await laptop.pullRaw(0, 10, '&schema=7')).body.code).toBe('UPGRADE_REQUIRED');
    await laptop.push([]);
    const thief = new WireClient(baseUrl, tokens.ben as string);
    const stolen = await fetch(`${baseUrl}/v1/sync/pull?client_id=${laptop.clientId}&cursor=0`, { headers: { authorization: `Bearer ${thief.token}` } });
    expect(stolen.status).toBe(403);
    expect(((await stolen.json()) as { code: string }).code).toBe('CLIENT_MISMATCH');
  });

  it('pokes open event streams with the new head after a push', async () => {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/v1/sync/events`, { headers: { authorization: `Bearer ${tokens.ben}` }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const heads = async (count: number): Promise<number[]> => {
      for (;;) {
        const found = [...text.matchAll(/data: (\{.*\})/g)].map((match) => (JSON.parse(match[1] as string) as { head: number }).head);
        if (found.length >= count) return found;
        const { value } = await reader.read();
        text += decoder.decode(value);
      }
    };
    const [first] = await heads(1);
    const ana = client('ana');
    await ana.push([ana.mutation('notes', uuidv7(), ids.acme as string, newNoteFields(ids.acme as string, 'poke'), T0)]);
    const [, second] = await heads(2);
    expect(second).toBeGreaterThan(first as number);
    controller.abort();
  });
});
