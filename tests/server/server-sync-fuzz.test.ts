import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src-server/db/database';
import { SeededRandom } from '../../src-shared/demo/seeded-random';
import { formatHlc } from '../../src-shared/sync/hlc';
import { SUPPORTED_SCHEMA_VERSIONS } from '../../src-shared/sync/protocol-versions';
import { describeOnEachDatabase } from './server-test-databases';
import { startTestServer, type RunningTestServer } from './test-server';
import { loginToken, newNoteFields } from './sync-test-client';

const PASSWORD = 'fuzz-test-pass';
const SEED = 20261123;

/** Values of every JSON type and the edges a careless parser trips on. */
const ODD_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, '', 'x'.repeat(70_000), 'NaN', 'Infinity', '\u0000', [], [1, 2], {}, { a: { b: { c: 1 } } }, '2026-11-20', '999999999999999-999999-x'];

/**
 * Issue 7 D.17: malformed, huge, deeply nested, wrongly typed and out-of-order requests to push,
 * pull and login never get a 5xx, and a refused request stores nothing (same head, same refusals,
 * same clients, same tokens). Seeded: a failure names the seed and the case, and replays.
 */
describeOnEachDatabase('sync and login fuzz', (kind) => {
  let server: RunningTestServer;
  let db: Database;
  let baseUrl: string;
  let token: string;
  let acme: string;
  const admin = (...argv: string[]) => server.admin(...argv);

  beforeAll(async () => {
    server = await startTestServer(kind, { password: PASSWORD, loginRateLimit: { maxFailures: 100_000, windowMs: 60_000 } });
    ({ db, baseUrl } = server);
    await admin('create-user', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'csm');
    acme = await admin('create-account', '--name', 'Acme', '--plan', 'starter', '--arr', '1000', '--owner', 'ana@example.com');
    token = await loginToken(baseUrl, 'ana@example.com', PASSWORD);
  });
  afterAll(() => server?.close());

  const snapshot = async () =>
    JSON.stringify(
      await db.query(`SELECT (SELECT seq FROM sync_counter) AS head, (SELECT count(*) FROM change_log) AS log,
        (SELECT count(*) FROM mutation_rejections) AS refusals, (SELECT count(*) FROM sync_clients) AS clients,
        (SELECT count(*) FROM device_tokens) AS tokens, (SELECT count(*) FROM notes) AS notes`),
    );

  async function send(method: string, path: string, body: string | undefined, what: string, auth = true): Promise<number> {
    const before = await snapshot();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    expect(response.status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
    const answer = JSON.parse(text) as Record<string, unknown>;
    if (response.status !== 200) {
      expect(typeof answer.code, what).toBe('string');
      expect(await snapshot(), `${what} was refused (${response.status} ${String(answer.code)}) but stored something`).toBe(before);
    }
    return response.status;
  }

  function validPush(random: SeededRandom, clientId: string, firstId: number): Record<string, unknown> {
    const count = 1 + Math.floor(random.next() * 3);
    const mutations = Array.from({ length: count }, (_, i) => ({
      id: firstId + i,
      entity: 'notes',
      row_id: uuidv7(),
      account_id: acme,
      op: 'upsert',
      fields: newNoteFields(acme, `fuzz ${i}`),
      hlc: formatHlc({ wallMs: Date.now(), counter: i, node: clientId }),
    }));
    return { protocol: 1, schema: SUPPORTED_SCHEMA_VERSIONS.max, client_id: clientId, mutations };
  }

  /** Changes one random place of a valid body: drop, retype or add a key, at the top, in a mutation or in its fields. */
  function corrupt(random: SeededRandom, body: Record<string, unknown>): Record<string, unknown> {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;
    const mutation = (body.mutations as Record<string, unknown>[])[0] as Record<string, unknown>;
    const fields = mutation.fields as Record<string, unknown>;
    const target = pick([body, mutation, fields]);
    const keys = Object.keys(target);
    switch (pick(['drop', 'retype', 'add', 'future', 'gap', 'entity'])) {
      case 'drop':
        delete target[pick(keys)];
        break;
      case 'retype':
        target[pick(keys)] = pick(ODD_VALUES);
        break;
      case 'add':
        target[`unknown_${Math.floor(random.next() * 100)}`] = pick(ODD_VALUES);
        break;
      case 'future':
        mutation.hlc = formatHlc({ wallMs: Date.now() + 10 ** (6 + Math.floor(random.next() * 6)), counter: 0, node: String(body.client_id) });
        break;
      case 'gap':
        mutation.id = (mutation.id as number) + 1 + Math.floor(random.next() * 1000);
        break;
      default:
        mutation.entity = pick(['accounts', 'metrics', 'users', 'scoring_config', 'nope', '__proto__', 'constructor']);
    }
    return body;
  }

  it('push: 250 corrupted bodies, no 5xx, nothing stored from a refused one', async () => {
    const random = new SeededRandom(SEED);
    const raw = ['{', '{"protocol":', 'NaN', '[]', 'null', '"x"', '{"a":1}x', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, `{"mutations":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, 'x'.repeat(1_100_000)];
    for (const [i, body] of raw.entries()) await send('POST', '/v1/sync/push', body, `seed ${SEED} raw body ${i}`);
    const clientId = uuidv7();
    let next = 1;
    for (let i = 0; i < 250; i += 1) {
      const body = corrupt(random, validPush(random, clientId, next));
      const status = await send('POST', '/v1/sync/push', JSON.stringify(body), `seed ${SEED} case ${i}: ${JSON.stringify(body).slice(0, 200)}`);
      if (status === 200) next = Math.max(next, ...((body.mutations as { id: number }[]).map((m) => m.id + 1)));
    }
  });

  it('pull: odd query strings get a clear 4xx, never a 5xx', async () => {
    const id = uuidv7();
    const queries = ['', `client_id=${id}`, `cursor=0`, `client_id=${id}&cursor=-1`, `client_id=${id}&cursor=abc`, `client_id=${id}&cursor=1e30`, `client_id=${id}&cursor=0&limit=0`,
      `client_id=${id}&cursor=0&limit=99999999999`, `client_id=a%20b&cursor=0`, `client_id=${'x'.repeat(65)}&cursor=0`, `client_id=${id}&client_id=${id}&cursor=0`,
      `client_id=${id}&cursor=0&extra=1`, `client_id=${id}&cursor=0&protocol=abc`, `client_id=${id}&cursor=99999999999`, `client_id=${id}&cursor=0.5`, `client_id=%00&cursor=0`];
    for (const query of queries) await send('GET', `/v1/sync/pull?${query}`, undefined, `pull ?${query}`);
  });

  it('login: wrong types, unknown fields, huge and malformed bodies are refused without a token', async () => {
    const bodies = ['{', 'null', '[]', JSON.stringify({ email: 'ana@example.com', password: PASSWORD }), JSON.stringify({ email: 'ana@example.com', password: PASSWORD, device: 'x', admin: true }),
      JSON.stringify({ email: ['ana@example.com'], password: PASSWORD, device: 'x' }), JSON.stringify({ email: 'ana@example.com', password: 'p'.repeat(5000), device: 'x' }),
      JSON.stringify({ email: 'ana@example.com', password: 12345678, device: 'x' }), JSON.stringify({ email: 'a'.repeat(400), password: 'x', device: 'x' }), `{"email":${'['.repeat(10_000)}`];
    for (const [i, body] of bodies.entries()) expect(await send('POST', '/v1/auth/login', body, `login body ${i}`, false)).not.toBe(200);
  });
});
