import type { PullResponse, PushRequest, PushResponse } from '../../src-shared/sync/sync-wire';
import { SYNC_ERROR_CODES } from '../../src-shared/sync/sync-wire';
import { MIGRATIONS } from '../db/migrations';
import { parseErrorAnswer, parsePullAnswer, parsePushAnswer } from './sync-answers';

/** The wire format this client speaks (DESIGN §3 "Versions"). */
export const CLIENT_PROTOCOL_VERSION = 1;
/** The store's schema version as the server knows it: the number of its newest migration. */
export const CLIENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * How a request failed, which decides what the scheduler does next:
 * - offline: no answer (network down, DNS, reset): retry with backoff, phase 'offline'.
 * - transient: the server answered but could not serve now (5xx, 429, TRANSIENT, a garbled body): retry.
 * - unauthenticated: the token is revoked: stop until a new sign-in.
 * - upgrade: the server does not speak our protocol or schema: stop until the app is updated.
 * - gap: the server's record of our mutation ids is behind ours (MUTATION_GAP), or our client id is
 *   another user's (CLIENT_MISMATCH, a store copied between users): take a new identity.
 * - resync: our cursor is older than the server keeps (RESYNC_REQUIRED): pull from scratch.
 * - refused: any other refusal (a 4xx we did not expect): retry with backoff, shown as an error.
 */
export type SyncFailureKind = 'offline' | 'transient' | 'unauthenticated' | 'upgrade' | 'gap' | 'resync' | 'refused';

export class SyncRequestError extends Error {
  override readonly name = 'SyncRequestError';
  constructor(
    readonly kind: SyncFailureKind,
    readonly code: string,
    message: string,
    readonly status: number | null = null,
    readonly lastMutationId: number | null = null,
  ) {
    super(message);
  }
}

export interface SyncHttpOptions {
  serverUrl: string;
  token: string;
  fetch: typeof fetch;
  /** Aborts requests in flight when the client stops. */
  signal?: AbortSignal;
}

/** Push and pull over HTTP, with every failure turned into a SyncRequestError of a known kind. */
export class SyncHttp {
  constructor(private readonly options: SyncHttpOptions) {}

  async push(body: PushRequest): Promise<PushResponse> {
    const answer = await this.request('/v1/sync/push', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const parsed = parsePushAnswer(answer);
    if (!parsed) throw new SyncRequestError('transient', 'BAD_ANSWER', 'The server answered the push with something that is not a push result');
    return parsed;
  }

  async pull(query: { clientId: string; cursor: number; limit: number }): Promise<PullResponse> {
    const params = new URLSearchParams({
      client_id: query.clientId,
      cursor: String(query.cursor),
      limit: String(query.limit),
      protocol: String(CLIENT_PROTOCOL_VERSION),
      schema: String(CLIENT_SCHEMA_VERSION),
    });
    const parsed = parsePullAnswer(await this.request(`/v1/sync/pull?${params.toString()}`, { method: 'GET' }));
    if (!parsed) throw new SyncRequestError('transient', 'BAD_ANSWER', 'The server answered the pull with something that is not a page of changes');
    return parsed;
  }

  private async request(path: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await this.options.fetch(`${this.options.serverUrl}${path}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${this.options.token}`, accept: 'application/json' },
        signal: this.options.signal,
      });
    } catch (error) {
      throw new SyncRequestError('offline', 'OFFLINE', `The sync server cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch (error) {
      // An answer cut off mid-way is the network's fault, like no answer at all.
      if (response.ok) throw new SyncRequestError('transient', 'BAD_ANSWER', `The server's answer could not be read: ${(error as Error).message}`, response.status);
    }
    if (response.ok) return body;
    throw classifyRefusal(response.status, body);
  }
}

/** Maps a non-2xx answer to what the client does about it (see SyncFailureKind). */
export function classifyRefusal(status: number, body: unknown): SyncRequestError {
  const answer = parseErrorAnswer(body);
  const code = answer?.code ?? `HTTP_${status}`;
  const message = answer?.message ?? `The sync server answered ${status}`;
  const error = (kind: SyncFailureKind) => new SyncRequestError(kind, code, message, status, answer?.last_mutation_id ?? null);
  if (status === 401) return error('unauthenticated');
  if (status === 426 || code === SYNC_ERROR_CODES.upgradeRequired) return error('upgrade');
  if (code === SYNC_ERROR_CODES.mutationGap || code === SYNC_ERROR_CODES.clientMismatch) return error('gap');
  if (code === SYNC_ERROR_CODES.resyncRequired) return error('resync');
  if (status >= 500 || status === 429 || status === 408 || code === SYNC_ERROR_CODES.transient) return error('transient');
  return error('refused');
}
