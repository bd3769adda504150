import Fastify, { type FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../src-shared/sync/auth-wire';
import { SUPPORTED_PROTOCOL_VERSIONS, SUPPORTED_SCHEMA_VERSIONS } from '../../src-shared/sync/protocol-versions';
import { DEFAULT_LOGIN_RATE_LIMIT, LoginRateLimiter, type RateLimitOptions } from '../auth/login-rate-limiter';
import type { Database } from '../db/database';
import { registerAccountRoutes } from './account-routes';
import { registerLoginRoute, registerSessionRoutes, requireDeviceToken } from './auth-routes';
import { installErrorHandlers } from './http-errors';
import { registerSyncRoutes } from './sync-routes';
import { registerIngestRoutes } from './ingest-routes';
import { PokeHub } from '../sync/poke-hub';
import { currentHead } from '../sync/change-log';
import { pruneTombstones } from '../sync/tombstones';

const DAY_MS = 86_400_000;

export interface ServerLogOptions {
  level: string;
  /** Where log lines go (stdout by default); tests pass a stream to read them. */
  stream?: NodeJS.WritableStream;
}

export interface BuildServerOptions {
  db: Database;
  logger?: ServerLogOptions | false;
  loginRateLimit?: RateLimitOptions;
  /** The server's clock (tests and the simulation move it). */
  now?: () => Date;
  /** Days deletions stay in the change log (default 180); pruned at start and daily. */
  tombstoneDays?: number;
}

/** Largest request body accepted; a bigger one gets 413 before it is parsed. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

// Secrets never reach the log: credentials in headers, passwords and tokens in any logged object.
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token', '*.token'];

/**
 * The sync server's HTTP app over an open, migrated database. It does not listen: the CLI calls
 * `listen`, tests use `inject` or listen on port 0. Routes under the authenticated scope all need
 * a device token; health and login are the only public ones.
 */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: options.logger ? { level: options.logger.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, ...(options.logger.stream ? { stream: options.logger.stream } : {}) } : false,
  });
  app.decorateRequest('caller', null);
  installErrorHandlers(app);

  app.get('/v1/health', async (): Promise<HealthResponse> => ({
    status: 'ok',
    protocol: { ...SUPPORTED_PROTOCOL_VERSIONS },
    schema: { ...SUPPORTED_SCHEMA_VERSIONS },
  }));
  const pokes = new PokeHub();
  await pokes.start(db, await currentHead(db));
  app.addHook('onClose', () => pokes.stop());
  const now = options.now ?? (() => new Date());
  const prune = () => pruneTombstones(db, now(), options.tombstoneDays).catch((error: unknown) => app.log.error({ err: error }, 'pruning tombstones failed'));
  await prune();
  const pruneTimer = setInterval(() => void prune(), DAY_MS);
  pruneTimer.unref();
  app.addHook('onClose', async () => clearInterval(pruneTimer));
  registerLoginRoute(app, db, new LoginRateLimiter(options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT));

  // An encapsulated scope: its hook guards every route registered inside it, and only those.
  await app.register(async (authenticated) => {
    authenticated.addHook('onRequest', requireDeviceToken(db));
    registerSessionRoutes(authenticated, db);
    registerAccountRoutes(authenticated, db);
    registerSyncRoutes(authenticated, db, pokes, now);
    registerIngestRoutes(authenticated, db, pokes, now);
  });
  return app;
}
