import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src-server/db/database';
import { pruneTombstones } from '../../src-server/sync/tombstones';
import { describeOnEachDatabase } from './server-test-databases';
import { startTestServer, type RunningTestServer } from './test-server';
import { loginToken, newNoteFields, WireClient } from './sync-test-client';

const PASSWORD = 'tombstone-pass';

describeOnEachDatabase('sync tombstone window', (kind) => {
  let server: RunningTestServer;
  let db: Database;
  let baseUrl: string;
  const admin = (...argv: string[]) => server.admin(...argv);

  beforeAll(async () => {
    server = await startTestServer(kind, { password: PASSWORD });
    ({ db, baseUrl } = server);
  });
  afterAll(() => server?.close());

  it('keeps a deletion for the window, then sends a device away longer than it to download its book again', async () => {
    await admin('create-user', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'csm');
    const acme = await admin('create-account', '--name', 'Acme', '--plan', 'starter', '--arr', '1000', '--owner', 'ana@example.com');
    const token = await loginToken(baseUrl, 'ana@example.com', PASSWORD);
    const [writer, away] = [new WireClient(baseUrl, token), new WireClient(baseUrl, token)];
    const [kept, gone] = [uuidv7(), uuidv7()];
    const now = Date.now();
    await writer.push([writer.mutation('notes', kept, acme, newNoteFields(acme, 'kept'), now), writer.mutation('notes', gone, acme, newNoteFields(acme, 'deleted'), now)]);
    const awayAt = (await away.pullAll(0)).cursor;
    await writer.push([writer.mutation('notes', gone, acme, { deleted_at: new Date(now).toISOString() }, now + 1, 'delete')]);

    expect(await pruneTombstones(db, new Date(now + 179 * 86_400_000))).toMatchObject({ pruned: 0 });
    const within = await away.pull(awayAt);
    expect(within.changes.filter((change) => change.row_id === gone).map((change) => change.op)).toEqual(['delete']);

    const after = await pruneTombstones(db, new Date(now + 181 * 86_400_000));
    expect(after.pruned).toBe(1);
    const stale = await away.pullRaw(awayAt);
    expect(stale.status).toBe(410);
    expect(stale.body.code).toBe('RESYNC_REQUIRED');
    const fresh = await away.pullAll(0);
    const notes = fresh.pages.flatMap((page) => page.changes).filter((change) => change.entity === 'notes').map((change) => change.row_id);
    expect(notes).toEqual([kept]);
    // A device that was up to date when the deletion was pruned goes on without a resync.
    expect((await writer.pullRaw(fresh.cursor)).status).toBe(200);
  });
});
