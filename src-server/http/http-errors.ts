import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { WireError } from '../../src-shared/sync/auth-wire';

/** An answer other than 2xx, with the stable code of DESIGN §3 ("Errors everywhere: {code, message}"). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** More fields of the answer beside code and message (additions only, e.g. MUTATION_GAP's last_mutation_id). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const MAX_REPORTED_ISSUES = 5;

/** Parses `value` with `schema`, or throws a 400 naming each wrong field. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // A huge bad body must not become a huge answer: the first few problems name the fields.
  const issues = result.error.issues;
  const problems = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  if (issues.length > MAX_REPORTED_ISSUES) problems.push(`and ${issues.length - MAX_REPORTED_ISSUES} more`);
  throw new HttpError(400, 'BAD_REQUEST', problems.join('; '));
}

// Fastify's own client errors (unparsable JSON, body too large, wrong content type) keep their status with our codes.
const CLIENT_ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

// PostgreSQL's "try again" family: serialization failure, deadlock, lock timeout, shutdown, lost connection.
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

/** Every error leaves as `{code, message}`; only the server's own faults are 5xx, and their details stay in the log. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ ...error.extra, code: error.code, message: error.message } satisfies WireError);
    }
    const sqlState = (error as { code?: unknown }).code;
    if (typeof sqlState === 'string' && TRANSIENT_SQLSTATES.has(sqlState)) {
      request.log.warn({ sqlState }, 'transient database failure');
      return reply.code(503).send({ code: 'TRANSIENT', message: 'The server is busy; nothing of this request was stored. Try again.' } satisfies WireError);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = CLIENT_ERROR_CODES[status] ?? 'BAD_REQUEST';
      return reply.code(status).send({ code, message: error.message } satisfies WireError);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ code: 'INTERNAL', message: 'The server failed to handle this request; it is logged.' } satisfies WireError);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } satisfies WireError),
  );
}
