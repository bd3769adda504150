import type { FastifyInstance } from 'fastify';
import { SUPPORTED_PROTOCOL_VERSIONS, SUPPORTED_SCHEMA_VERSIONS, type VersionRange } from '../../src-shared/sync/protocol-versions';
import { pullQuerySchema, pushRequestSchema, SYNC_ERROR_CODES, type PokeMessage } from '../../src-shared/sync/sync-wire';
import type { Database } from '../db/database';
import type { PokeHub } from '../sync/poke-hub';
import { handlePull } from '../sync/pull-handler';
import { handlePush } from '../sync/push-handler';
import { callerOf } from './auth-routes';
import { HttpError, parseBody } from './http-errors';

/** Seconds between heartbeat comments on an idle poke channel, so proxies and clients see it alive. */
const HEARTBEAT_MS = 25_000;

const within = (range: VersionRange, value: number): boolean => value >= range.min && value <= range.max;

/** UPGRADE_REQUIRED (426) for a protocol or store schema version this server does not speak. */
function checkVersions(protocol: number | undefined, schema: number | undefined): void {
  const badProtocol = protocol !== undefined && !within(SUPPORTED_PROTOCOL_VERSIONS, protocol);
  const badSchema = schema !== undefined && !within(SUPPORTED_SCHEMA_VERSIONS, schema);
  if (!badProtocol && !badSchema) return;
  const { min: pMin, max: pMax } = SUPPORTED_PROTOCOL_VERSIONS;
  const { min: sMin, max: sMax } = SUPPORTED_SCHEMA_VERSIONS;
  throw new HttpError(
    426,
    SYNC_ERROR_CODES.upgradeRequired,
    `This server speaks protocol ${pMin}-${pMax} and store schema ${sMin}-${sMax}; the request has protocol ${protocol ?? '?'}, schema ${schema ?? '?'}. Update the app (or the server).`,
    { protocol: SUPPORTED_PROTOCOL_VERSIONS, schema: SUPPORTED_SCHEMA_VERSIONS },
  );
}

/** Push, pull and the poke channel (DESIGN §3), inside the authenticated scope. */
export function registerSyncRoutes(app: FastifyInstance, db: Database, pokes: PokeHub, now: () => Date): void {
  app.post('/v1/sync/push', async (request) => {
    const body = parseBody(pushRequestSchema, request.body);
    checkVersions(body.protocol, body.schema);
    const { response, commit } = await handlePush(db, callerOf(request).user, body, now());
    // NOTIFY reaches this process too, but only after a round trip: tell local channels at once.
    if (commit) pokes.publish(commit.head);
    return response;
  });

  app.get('/v1/sync/pull', async (request, reply) => {
    const query = parseBody(pullQuerySchema, request.query);
    checkVersions(query.protocol, query.schema);
    // Built as text (a first sync is hundreds of thousands of rows): sent as it is, not serialized again.
    const answer = await handlePull(db, callerOf(request).user, query);
    return reply.type('application/json; charset=utf-8').send(answer.json);
  });

  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    // Open event streams would hold the server's close forever.
    for (const end of open) end();
  });
  app.get('/v1/sync/events', (request, reply) => {
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    const send = (head: number): void => {
      stream.write(`event: head\ndata: ${JSON.stringify({ head } satisfies PokeMessage)}\n\n`);
    };
    send(pokes.currentHead());
    const unsubscribe = pokes.subscribe(send);
    const heartbeat = setInterval(() => stream.write(': alive\n\n'), HEARTBEAT_MS);
    const end = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
      if (!stream.writableEnded) stream.end();
    };
    open.add(end);
    request.raw.on('close', end);
  });
}
