import type { ChildProcess } from 'node:child_process';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src-server/admin-commands';
import type { Database } from '../../src-server/db/database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { startServerProcess, type RunningServer, stopServerProcesses } from './server-process';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from './server-test-databases';
import { loginToken, newNoteFields, WireClient } from './sync-test-client';

const PASSWORD = 'two-process-pass';

/** Reads an event stream until `count` heads arrived; returns them. */
async function headsFrom(baseUrl: string, token: string, signal: AbortSignal): Promise<(count: number) => Promise<number[]>> {
  const response = await fetch(`${baseUrl}/v1/sync/events`, { headers: { authorization: `Bearer ${token}` }, signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  return async (count) => {
    for (;;) {
      const heads = [...text.matchAll(/data: (\{.*\})/g)].map((match) => (JSON.parse(match[1] as string) as { head: number }).head);
      if (heads.length >= count) return heads;
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      text += decoder.decode(value);
    }
  };
}

/**
 * Issue 7 B.11: any number of stateless server processes on one PostgreSQL. Two real server
 * processes share the database; a push through one pokes the other's event streams (LISTEN/NOTIFY)
 * and devices on either converge. PostgreSQL only: PGlite is one process's embedded database.
 */
describe.skipIf(!TEST_DATABASE_KINDS.includes('postgres'))('two server processes on one PostgreSQL', () => {
  let target: TestDatabase;
  let db: Database;
  const started: ChildProcess[] = [];
  let servers: RunningServer[] = [];

  beforeAll(async () => {
    target = await createTestDatabase('postgres');
    db = await target.open();
    await migrateServerDatabase(db);
    const admin = (...argv: string[]) => runAdminCommand(db, argv, { readPassword: async () => PASSWORD });
    await admin('create-user', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'csm');
    await admin('create-account', '--name', 'Acme', '--plan', 'starter', '--arr', '1000', '--owner', 'ana@example.com');
    servers = await Promise.all([startServerProcess(target, started), startServerProcess(target, started)]);
  }, 60_000);
  afterAll(async () => {
    stopServerProcesses(started);
    await db?.close();
    await target?.dispose();
  });

  it('a push through one process pokes devices on the other, and devices on both converge', async () => {
    const [one, two] = servers as [RunningServer, RunningServer];
    const laptop = new WireClient(one.baseUrl, await loginToken(one.baseUrl, 'ana@example.com', PASSWORD));
    const phone = new WireClient(two.baseUrl, await loginToken(two.baseUrl, 'ana@example.com', PASSWORD));
    const acme = ((await laptop.pull(0)).scope.added)[0] as string;
    const controller = new AbortController();
    const heads = await headsFrom(two.baseUrl, phone.token, controller.signal);
    const [before] = await heads(1);

    await laptop.push([laptop.mutation('notes', uuidv7(), acme, newNoteFields(acme, 'from the laptop'), Date.now())]);
    const [, poked] = await heads(2);
    expect(poked).toBeGreaterThan(before as number);
    await phone.push([phone.mutation('notes', uuidv7(), acme, newNoteFields(acme, 'from the phone'), Date.now())]);

    const bodies = async (device: WireClient) => {
      const { pages } = await device.pullAll(0);
      return pages.flatMap((page) => page.changes).filter((change) => change.entity === 'notes').map((change) => change.fields.body).sort();
    };
    expect(await bodies(laptop)).toEqual(['from the laptop', 'from the phone']);
    expect(await bodies(phone)).toEqual(await bodies(laptop));
    controller.abort();
  }, 30_000);
});
