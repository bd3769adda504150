import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AUTH_ERROR_CODES, loginRequestSchema, type LoginResponse, type WireUser } from '../../src-shared/sync/auth-wire';
import { bearerTokenOf, hashDeviceToken, newDeviceToken } from '../auth/device-tokens';
import type { LoginRateLimiter } from '../auth/login-rate-limiter';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { Database } from '../db/database';
import { findUserByEmail, insertDeviceToken, revokeDeviceToken, useDeviceToken } from '../users/user-repository';
import { HttpError, parseBody } from './http-errors';

/** Who is calling, set by `requireDeviceToken` on every authenticated route. */
export interface Caller {
  user: WireUser;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

const unauthenticated = () => new HttpError(401, AUTH_ERROR_CODES.unauthenticated, 'Sign in again: this request has no valid device token.');

/** An onRequest hook: refuses the request unless it carries a live `Authorization: Bearer` token. */
export function requireDeviceToken(db: Database) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) throw unauthenticated();
    const tokenHash = hashDeviceToken(token);
    const user = await useDeviceToken(db, tokenHash);
    if (!user) throw unauthenticated();
    request.caller = { user, tokenHash };
  };
}

/** The authenticated caller of a route registered behind `requireDeviceToken`. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthenticated();
  return request.caller;
}

/**
 * `POST /v1/auth/login`. Unknown email and wrong password give the same answer after the same
 * work (an unknown email is checked against a stand-in hash), so the answer does not reveal who
 * has an account. Failures count per email and per address; over the limit the password is not
 * even checked.
 */
export function registerLoginRoute(app: FastifyInstance, db: Database, limiter: LoginRateLimiter): void {
  // Made once up front, so even the first unknown email costs one hash check, like a known one.
  const standInHash = hashPassword('stand-in for an unknown email');

  app.post('/v1/auth/login', async (request, reply): Promise<LoginResponse> => {
    const body = parseBody(loginRequestSchema, request.body);
    const emailKey = `email:${body.email.toLowerCase()}`;
    const keys = [emailKey, `address:${request.ip}`];
    if (limiter.isLimited(keys)) {
      throw new HttpError(429, AUTH_ERROR_CODES.rateLimited, 'Too many failed sign-in attempts; wait a few minutes and try again.');
    }
    const user = await findUserByEmail(db, body.email);
    const passwordMatches = await verifyPassword(body.password, user?.password_hash ?? (await standInHash));
    if (!user || !passwordMatches) {
      limiter.recordFailure(keys);
      throw new HttpError(401, AUTH_ERROR_CODES.badCredentials, 'The email or the password is wrong.');
    }
    limiter.clear(emailKey);
    const token = newDeviceToken();
    await insertDeviceToken(db, { tokenHash: hashDeviceToken(token), userId: user.id, device: body.device });
    reply.code(200);
    return { token, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  });
}

/** Routes for a signed-in device: who am I, and sign out (revoke this device's token). */
export function registerSessionRoutes(app: FastifyInstance, db: Database): void {
  app.get('/v1/auth/me', async (request) => ({ user: callerOf(request).user }));
  app.post('/v1/auth/logout', async (request, reply) => {
    await revokeDeviceToken(db, callerOf(request).tokenHash);
    return reply.code(204).send();
  });
}
