import { z } from 'zod';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { syncUserSchema } from '../../src-shared/ipc/sync-status';
import type { LoginRequest, LoginResponse } from '../../src-shared/sync/auth-wire';
import { CLIENT_PROTOCOL_VERSION, CLIENT_SCHEMA_VERSION } from '../sync/sync-http';

/** How long a sign-in waits for the server before saying it cannot be reached. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Signing out never waits long on a server that is away: the token is forgotten here anyway. */
const LOGOUT_TIMEOUT_MS = 3_000;

const healthSchema = z.object({
  status: z.literal('ok'),
  protocol: z.object({ min: z.number(), max: z.number() }),
  schema: z.object({ min: z.number(), max: z.number() }),
});
const loginResponseSchema = z.object({ token: z.string().min(1), user: syncUserSchema });
const wireErrorSchema = z.object({ code: z.string(), message: z.string() });


export interface AuthClientOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * The two calls of a session's life outside the sync engine: sign in (after checking the server
 * speaks our protocol and schema) and sign out. Every failure is a ServiceError with a stable code
 * the UI puts in words (BAD_CREDENTIALS, RATE_LIMITED, SERVER_UNREACHABLE, UPGRADE_REQUIRED, SERVER_ERROR).
 */
export class AuthClient {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: AuthClientOptions = {}) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  }

  async login(serverUrl: string, request: LoginRequest): Promise<LoginResponse> {
    await this.checkVersions(serverUrl);
    const response = await this.call(serverUrl, '/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = await readJson(response);
    if (response.ok) {
      const parsed = loginResponseSchema.safeParse(body);
      if (!parsed.success) throw notOurServer(serverUrl);
      return parsed.data;
    }
    throw errorOf(serverUrl, response.status, body);
  }

  /** Revokes the token on the server; best effort (offline, already revoked): never throws. */
  async logout(serverUrl: string, token: string): Promise<boolean> {
    try {
      const response = await this.fetch(`${serverUrl}/v1/auth/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(Math.min(this.timeoutMs, LOGOUT_TIMEOUT_MS)),
      });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** GET /v1/health: a server outside our versions is refused before any password is sent to it. */
  private async checkVersions(serverUrl: string): Promise<void> {
    const response = await this.call(serverUrl, '/v1/health', { method: 'GET' });
    const parsed = healthSchema.safeParse(await readJson(response));
    if (!response.ok || !parsed.success) throw notOurServer(serverUrl);
    const { protocol, schema } = parsed.data;
    const fits = (v: number, range: { min: number; max: number }) => v >= range.min && v <= range.max;
    if (!fits(CLIENT_PROTOCOL_VERSION, protocol) || !fits(CLIENT_SCHEMA_VERSION, schema)) {
      throw new ServiceError(
        'UPGRADE_REQUIRED',
        `${serverUrl} accepts protocol ${protocol.min}-${protocol.max} and schema ${schema.min}-${schema.max}; ` +
          `this app speaks protocol ${CLIENT_PROTOCOL_VERSION} with schema ${CLIENT_SCHEMA_VERSION}`,
      );
    }
  }

  private async call(serverUrl: string, path: string, init: RequestInit): Promise<Response> {
    try {
      // No redirects: a login body must not be replayed to wherever a proxy points.
      return await this.fetch(`${serverUrl}${path}`, { ...init, redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new ServiceError('SERVER_UNREACHABLE', `${serverUrl} could not be reached: ${cause}`, 'serverUrl');
    }
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function notOurServer(serverUrl: string): ServiceError {
  return new ServiceError('SERVER_ERROR', `${serverUrl} did not answer as a CSM Workstation team server`, 'serverUrl');
}

/** The server's refusal as our error: its stable code where we know it, its own words kept for support. */
function errorOf(serverUrl: string, status: number, body: unknown): ServiceError {
  const wire = wireErrorSchema.safeParse(body);
  const message = wire.success ? wire.data.message : `HTTP ${status}`;
  const code = wire.success ? wire.data.code : '';
  if (code === 'BAD_CREDENTIALS' || status === 401) return new ServiceError('BAD_CREDENTIALS', message);
  if (code === 'RATE_LIMITED' || status === 429) return new ServiceError('RATE_LIMITED', message);
  if (code === 'UPGRADE_REQUIRED' || status === 426) return new ServiceError('UPGRADE_REQUIRED', message);
  if (status === 400) return new ServiceError('VALIDATION', `${serverUrl} refused the sign-in: ${message}`);
  return new ServiceError('SERVER_ERROR', `${serverUrl} answered ${status}: ${message}`);
}
