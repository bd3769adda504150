import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from './server-test-databases';
import { startTestServer, type RunningTestServer } from './test-server';
import { loginToken, newNoteFields, WireClient } from './sync-test-client';

const PASSWORD = 'concurrency-pass';
const CSMS = 4;
const DEVICES_PER_CSM = 2;
const BATCHES = 12;
const NOTES_PER_BATCH = 3;

/**
 * No cursor gaps (issue 7 B.9): many devices push at once while a reader pulls small pages the
 * whole time. With a log fed by a plain sequence, a transaction that took a lower number but
 * committed later is skipped forever by a reader that already moved past it; with the counter row
 * every note pushed must reach the reader, exactly once per version.
 */
describeOnEachDatabase('sync under concurrent pushes and pulls', (kind) => {
  let server: RunningTestServer;
  let baseUrl: string;
  const admin = (...argv: string[]) => server.admin(...argv);

  beforeAll(async () => {
    server = await startTestServer(kind, { password: PASSWORD });
    ({ baseUrl } = server);
  });
  afterAll(() => server?.close());

  it('a reader pulling during concurrent pushes ends with every pushed note', async () => {
    await admin('create-user', '--email', 'root@example.com', '--name', 'Root', '--role', 'admin');
    const devices: { client: WireClient; account: string }[] = [];
    for (let i = 0; i < CSMS; i += 1) {
      const email = `csm${i}@example.com`;
      await admin('create-user', '--email', email, '--name', `CSM ${i}`, '--role', 'csm');
      const account = await admin('create-account', '--name', `Account ${i}`, '--plan', 'starter', '--arr', '1000', '--owner', email);
      for (let d = 0; d < DEVICES_PER_CSM; d += 1) devices.push({ client: new WireClient(baseUrl, await loginToken(baseUrl, email, PASSWORD)), account });
    }
    const reader = new WireClient(baseUrl, await loginToken(baseUrl, 'root@example.com', PASSWORD));

    const pushed = new Set<string>();
    let pushing = true;
    const pushers = devices.map(async ({ client, account }) => {
      for (let b = 0; b < BATCHES; b += 1) {
        const batch = Array.from({ length: NOTES_PER_BATCH }, () => {
          const id = uuidv7();
          pushed.add(id);
          return client.mutation('notes', id, account, newNoteFields(account, `note ${id}`), Date.now());
        });
        const answer = await client.push(batch);
        expect(answer.results.every((result) => result.status === 'applied')).toBe(true);
      }
    });
    const seen = new Set<string>();
    let cursor = 0;
    let pulls = 0;
    const pullOnce = async (): Promise<boolean> => {
      const page = await reader.pull(cursor, 4);
      pulls += 1;
      for (const change of page.changes) if (change.entity === 'notes') seen.add(change.row_id);
      cursor = page.cursor;
      return page.has_more;
    };
    const pulling = (async () => {
      while (pushing) await pullOnce();
    })();
    await Promise.all(pushers);
    pushing = false;
    await pulling;
    while (await pullOnce());

    expect(pushed.size).toBe(CSMS * DEVICES_PER_CSM * BATCHES * NOTES_PER_BATCH);
    expect([...pushed].filter((id) => !seen.has(id))).toEqual([]);
    expect(pulls).toBeGreaterThan(5);
  });
});
