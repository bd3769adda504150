import type { FastifyInstance } from 'fastify';
import { ingestMetricsRequestSchema } from '../../src-shared/sync/ingest-wire';
import type { Database } from '../db/database';
import type { PokeHub } from '../sync/poke-hub';
import { ingestMetrics } from '../sync/ingest-metrics';
import { callerOf } from './auth-routes';
import { HttpError, parseBody } from './http-errors';

/** `POST /v1/ingest/metrics`, for admins and integrations (an integration signs in as an admin user of its own). */
export function registerIngestRoutes(app: FastifyInstance, db: Database, pokes: PokeHub, now: () => Date): void {
  app.post('/v1/ingest/metrics', async (request) => {
    if (callerOf(request).user.role !== 'admin') throw new HttpError(403, 'FORBIDDEN', 'Only an admin or an integration token may ingest metrics');
    const body = parseBody(ingestMetricsRequestSchema, request.body);
    const { response, commit } = await ingestMetrics(db, body, now());
    if (response.changed > 0) pokes.publish(commit.head);
    return response;
  });
}
