import type { FastifyInstance } from 'fastify';
import { runAdminCommand } from '../../src-server/admin-commands';
import type { RateLimitOptions } from '../../src-server/auth/login-rate-limiter';
import type { Database } from '../../src-server/db/database';
import { migrateServerDatabase } from '../../src-server/db/migrations';
import { buildServer } from '../../src-server/http/build-server';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './server-test-databases';

/** A real server on a fresh test database, listening on a free loopback port. */
export interface RunningTestServer {
  db: Database;
  app: FastifyInstance;
  baseUrl: string;
  /** `npm run server -- admin ...` in-process; every password is the one given at start. */
  admin: (...argv: string[]) => Promise<string>;
  close: () => Promise<void>;
}

export async function startTestServer(kind: DatabaseKind, options: { password: string; now?: () => Date; loginRateLimit?: RateLimitOptions }): Promise<RunningTestServer> {
  const target: TestDatabase = await createTestDatabase(kind);
  const db = await target.open();
  await migrateServerDatabase(db);
  const app = await buildServer({ db, logger: false, ...(options.now ? { now: options.now } : {}), ...(options.loginRateLimit ? { loginRateLimit: options.loginRateLimit } : {}) });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    db,
    app,
    baseUrl,
    admin: (...argv) => runAdminCommand(db, argv, { readPassword: async () => options.password }),
    close: async () => {
      await app.close();
      await db.close();
      await target.dispose();
    },
  };
}
