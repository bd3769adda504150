import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesRepository } from '../../src-main/db/repositories/notes-repository';
import { resetSyncIdentity, SyncProgressRepository } from '../../src-main/db/repositories/sync-progress-repository';
import { pushOutbox } from '../../src-main/sync/push-outbox';
import { SyncHttp } from '../../src-main/sync/sync-http';
import { parseHlc } from '../../src-shared/sync/hlc';
import type { PushRequest } from '../../src-shared/sync/sync-wire';
import { FIXTURE_NOW, openFixtureStore } from '../helpers/temp-store';

/** The device identity a restored backup or a server that lost our record needs (resetSyncIdentity). */
let store: ReturnType<typeof openFixtureStore>;
let pushed: PushRequest[];
let http: SyncHttp;

beforeEach(() => {
  store = openFixtureStore();
  pushed = [];
  http = new SyncHttp({
    serverUrl: 'http://sync.test',
    token: 't',
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as PushRequest;
      pushed.push(body);
      return new Response(JSON.stringify({ last_mutation_id: body.mutations.at(-1)!.id, results: body.mutations.map((m) => ({ id: m.id, status: 'applied' })) }));
    },
  });
});
afterEach(() => store.remove());

const addNote = (id: string) =>
  new NotesRepository(store.db).insertIfNew({ id, accountId: store.ids.acmeId, touchpointId: null, authorId: null, body: id }, FIXTURE_NOW);

describe('resetting the sync identity', () => {
  it('with nothing pending, the next change is mutation 1 of a new client, stamped with the new client id', async () => {
    addNote('a');
    addNote('b');
    await pushOutbox(store.db, http);
    const before = new SyncProgressRepository(store.db).clientId();

    const after = resetSyncIdentity(store.db);
    addNote('c');
    await pushOutbox(store.db, http);

    expect(after).not.toBe(before);
    expect(pushed.map((push) => [push.client_id, push.mutations.map((m) => m.id)])).toEqual([
      [before, [1, 2]],
      [after, [1]],
    ]);
    expect(parseHlc(pushed[1]!.mutations[0]!.hlc).node).toBe(after);
    expect(pushed[1]!.mutations[0]!.hlc > pushed[0]!.mutations[1]!.hlc).toBe(true);
  });

  it('with changes pending, the oldest pending one becomes mutation 1, so none is skipped or taken for an old one', async () => {
    addNote('a');
    await pushOutbox(store.db, http);
    addNote('b');
    addNote('c');
    const after = resetSyncIdentity(store.db);
    await pushOutbox(store.db, http);
    expect(pushed[1]).toMatchObject({ client_id: after });
    expect(pushed[1]!.mutations.map((m) => [m.id, m.row_id])).toEqual([[1, 'b'], [2, 'c']]);
  });
});
