import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../src-server/auth/passwords';
import type { Database } from '../../src-server/db/database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { openPgliteDatabase } from '../../src-server/db/pglite-database';
import { buildServer } from '../../src-server/http/build-server';
import { insertUser } from '../../src-server/users/user-repository';
import type { WireUser } from '../../src-shared/sync/auth-wire';
import { makeTempDir } from './temp-store';

export interface TeamServer {
  url: string;
  db: Database;
  app: FastifyInstance;
  addUser: (user: { email: string; name: string; role?: WireUser['role']; password: string }) => Promise<WireUser>;
  close: () => Promise<void>;
}

/** The real sync server on embedded PGlite, listening on 127.0.0.1 at a free port (tests of the client side). */
export async function startTeamServer(options: { loginRateLimit?: { maxFailures: number; windowMs: number } } = {}): Promise<TeamServer> {
  const temp = makeTempDir('csm-team-server-');
  const db = await openPgliteDatabase(`${temp.dir}/pgdata`);
  await migrateServerDatabase(db);
  const app = await buildServer({ db, logger: false, ...(options.loginRateLimit ? { loginRateLimit: options.loginRateLimit } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    app,
    addUser: async ({ email, name, role = 'csm', password }) =>
      insertUser(db, { email, name, role, managerId: null, passwordHash: await hashPassword(password) }),
    close: async () => {
      // Keep-alive sockets of the client's fetch and an open poke stream would hold the close for the
      // server's idle timeout: this is a test server, cut them.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await db.close();
      temp.remove();
    },
  };
}
