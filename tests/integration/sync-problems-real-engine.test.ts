import { v7 as uuidv7 } from 'uuid';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookWriterRepository } from '../../src-main/db/repositories/book-writer-repository';
import { Workspace } from '../../src-main/workspace/workspace';
import type { AppStatus } from '../../src-shared/ipc/app-status';
import type { SyncProblem, SyncStatus } from '../../src-shared/ipc/sync-status';
import { startTeamServer, type TeamServer } from '../helpers/team-server';
import { makeTempDir, seedFixtureBook } from '../helpers/temp-store';

let server: TeamServer;
beforeAll(async () => {
  server = await startTeamServer();
}, 60_000);
afterAll(() => server?.close());

describe('sync problems with the real engine and server', () => {
  it('a change the server refuses is kept, counted, listed with its account and reason, and exported', async () => {
    const user = await server.addUser({ email: 'cy@example.com', name: 'Cy', password: 'pass phrase 2' });
    const temp = makeTempDir('csm-problems-');
    const workspace = new Workspace({ dataDir: temp.dir });
    try {
      workspace.start();
      const call = async <T>(operation: string, payload: unknown = {}) => {
        const result = await workspace.dispatch(operation, payload);
        if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
        return result.data as T;
      };
      await call<SyncStatus>('sync.signIn', { serverUrl: server.url, email: user.email, password: 'pass phrase 2' });
      // An account that is not in Cy's scope on the server, put in the synced book behind the app's back.
      const { storeFile } = await call<AppStatus>('app.status');
      const side = new BetterSqlite3(storeFile);
      const { acmeId } = seedFixtureBook(side);
      // Cy's own row, as a pull of their scope brings it (notes name their author).
      new BookWriterRepository(side).insertUser({ id: user.id, email: user.email, name: 'Cy', role: 'csm', managerId: null, createdAt: new Date().toISOString() });
      side.close();
      await call('notes.add', { id: uuidv7(), accountId: acmeId, body: 'Note on an account that is not mine' });
      expect((await call<SyncStatus>('sync.status')).pending).toBe(1);

      const after = await call<SyncStatus>('sync.now');
      expect(after).toMatchObject({ pending: 0, rejected: 1 });
      const { problems } = await call<{ problems: SyncProblem[] }>('sync.problems');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ entity: 'notes', op: 'upsert', accountId: acmeId, code: 'OUT_OF_SCOPE' });
      expect(problems[0]?.message.length).toBeGreaterThan(0);
      const exported = await call<{ fileName: string; content: string }>('sync.exportProblems');
      expect(exported.fileName).toMatch(/^sync-problems-\d{8}T\d{6}Z\.csv$/);
      expect(exported.content).toContain('OUT_OF_SCOPE');
      // Refused changes do not block signing out: only unsent ones do.
      expect(await call<SyncStatus>('sync.signOut', {})).toMatchObject({ phase: 'signed-out' });
    } finally {
      workspace.close();
      temp.remove();
    }
  });
});
