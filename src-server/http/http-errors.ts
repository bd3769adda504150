import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { WireError } from '../../src-shared/sync/auth-wire';

/** An answer other than 2xx, with the stable code of DESIGN §3 ("Errors everywhere: {code, message}"). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Parses `value` with `schema`, or throws a 400 naming each wrong field. */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new HttpError(400, 'BAD_REQUEST', problems.join('; '));
}

// Fastify's own client errors (unparsable JSON, body too large, wrong content type) keep their status with our codes.
const CLIENT_ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Every error leaves as `{code, message}`; only the server's own faults are 5xx, and their details stay in the log. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ code: error.code, message: error.message } satisfies WireError);
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
