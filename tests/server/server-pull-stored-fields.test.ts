import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isEntityName, ENTITIES } from '../../src-shared/sync/entity-registry';
import type { PullResponse, WireChange } from '../../src-shared/sync/sync-wire';
import { readRows } from '../../src-server/sync/entity-rows';
import { makeTempDir } from '../helpers/temp-store';
import { describeOnEachDatabase } from './server-test-databases';
import { startTestServer, type RunningTestServer } from './test-server';
import { loginToken, newNoteFields, WireClient } from './sync-test-client';

const PASSWORD = 'stored-fields-pass';
const T0 = Date.parse('2026-11-20T10:00:00.000Z');

/**
 * A pull serves each row's fields as the change log stored them when the write path wrote the row,
 * and reads the row's table for rows written elsewhere (users, an owner set by `admin assign`, a row
 * logged again after a refused push). Either way the device must get the row as the table holds it.
 */
describeOnEachDatabase('pulled rows equal the server tables', (kind) => {
  let server: RunningTestServer;
  let baseUrl: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const admin = (...argv: string[]) => server.admin(...argv);
  const client = (who: string) => new WireClient(baseUrl, tokens[who] as string);
  const files = makeTempDir('csm-stored-fields-');

  beforeAll(async () => {
    server = await startTestServer(kind, { password: PASSWORD });
    ({ baseUrl } = server);
    await admin('create-user', '--email', 'maria@example.com', '--name', 'Maria', '--role', 'manager');
    await admin('create-user', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'csm', '--manager', 'maria@example.com');
    await admin('create-user', '--email', 'ben@example.com', '--name', 'Ben', '--role', 'csm', '--manager', 'maria@example.com');
    await admin('create-user', '--email', 'feed@example.com', '--name', 'Usage feed', '--role', 'admin');
    for (const who of ['maria', 'ana', 'ben', 'feed']) tokens[who] = await loginToken(baseUrl, `${who}@example.com`, PASSWORD);
    ids.acme = await admin('create-account', '--name', 'Acme', '--plan', 'professional', '--arr', '50000', '--owner', 'ana@example.com');
    ids.bolt = await admin('create-account', '--name', 'Bolt', '--plan', 'enterprise', '--arr', '90000', '--owner', 'ben@example.com');
  });
  afterAll(async () => {
    await server?.close();
    files.remove();
  });

  /** Every change of a pull from scratch, checked against the row its table holds now. */
  async function expectPulledRowsEqualTables(pages: PullResponse[]): Promise<number> {
    const changes: WireChange[] = pages.flatMap((page) => page.changes);
    for (const change of changes) {
      if (!isEntityName(change.entity)) throw new Error(`unknown entity ${change.entity}`);
      const row = (await readRows(server.db, change.entity, [change.row_id])).get(change.row_id);
      const fields = { ...row };
      for (const column of ENTITIES[change.entity].key) delete fields[column];
      expect(change.fields, `${change.entity} ${change.row_id}`).toEqual(fields);
    }
    return changes.length;
  }

  it('after pushes, a merge that loses a field, a refused push, an ingest and a reassignment', async () => {
    const ana = client('ana');
    const noteId = uuidv7();
    await ana.push([ana.mutation('notes', noteId, ids.acme as string, newNoteFields(ids.acme as string, 'Kick-off went well'), T0)]);
    // Two devices edit the same note: the later clock wins the body, the earlier one's edit of it is lost.
    const phone = client('ana');
    await phone.push([phone.mutation('notes', noteId, ids.acme as string, { body: 'Edited on the phone', updated_at: '2026-11-20T10:05:00.000Z' }, T0 + 5000)]);
    await ana.push([ana.mutation('notes', noteId, ids.acme as string, { body: 'Older laptop edit', updated_at: '2026-11-20T10:01:00.000Z' }, T0 + 1000)]);
    // Ben writes on Ana's account: refused, and the server logs the row again without stored fields.
    const ben = client('ben');
    const refused = await ben.push([ben.mutation('notes', noteId, ids.acme as string, { body: 'Not mine to edit' }, T0 + 9000)]);
    expect(refused.results[0]?.status).toBe('rejected');
    const ingest = await fetch(`${baseUrl}/v1/ingest/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.feed}` },
      body: JSON.stringify({ metrics: [{ account_id: ids.acme, date: '2026-11-16', key: 'login_frequency', value: 0.4 }] }),
    });
    expect(ingest.status).toBe(200);
    await admin('assign', '--account', ids.bolt as string, '--owner', 'ana@example.com');
    // Imported (fields stored with its log entry), then reassigned outside the write path.
    const cobalt = uuidv7();
    const anaId = String((await server.db.query<{ id: string }>("SELECT id FROM users WHERE email = 'ana@example.com'"))[0]?.id);
    const path = join(files.dir, 'accounts.json');
    writeFileSync(path, JSON.stringify([{
      id: cobalt, name: 'Cobalt', domain: 'cobalt.example', industry: 'retail', plan: 'starter', arr: 12_000, seats: 10, seats_used: 8,
      plan_feature_count: 10, volume_limit: 10_000, contract_start: '2026-01-01', renewal_date: '2027-01-01', renewals_count: 0,
      lifecycle_stage: 'adoption', owner_id: anaId, status: 'active', churned_at: null, competitor_evaluation: 0, payment_overdue_days: 0,
      created_at: '2026-01-01T10:00:00.000Z', updated_at: '2026-01-01T10:00:00.000Z',
    }]));
    await admin('import', '--kind', 'accounts', '--file', path);
    await admin('assign', '--account', cobalt, '--owner', 'ben@example.com');

    const { pages } = await client('maria').pullAll(0, 2);
    expect(await expectPulledRowsEqualTables(pages)).toBeGreaterThan(5);
    const note = pages.flatMap((page) => page.changes).find((change) => change.row_id === noteId);
    expect(note?.fields.body).toBe('Edited on the phone');
    // Reassigned by `admin assign` (outside the write path): the pull reads the new owners from the table.
    const userId = async (email: string) => String((await server.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]))[0]?.id);
    const owners = new Map(pages.flatMap((page) => page.changes).filter((change) => change.entity === 'accounts').map((change) => [change.row_id, change.fields.owner_id]));
    expect(owners.get(ids.bolt as string)).toBe(anaId);
    expect(owners.get(cobalt)).toBe(await userId('ben@example.com'));
  });
});
