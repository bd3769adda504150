import { expect } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../../src-shared/sync/hlc';
import { SUPPORTED_SCHEMA_VERSIONS } from '../../src-shared/sync/protocol-versions';
import type { PullResponse, PushResponse, WireMutation } from '../../src-shared/sync/sync-wire';

/** Raw HTTP calls of the sync protocol for server tests: what a device sends, byte for byte. */
export class WireClient {
  private nextId = 1;
  readonly clientId = uuidv7();

  constructor(
    private readonly baseUrl: string,
    readonly token: string,
  ) {}

  /** A mutation with this client's next id and an HLC at `wallMs`. */
  mutation(entity: string, rowId: string, accountId: string, fields: Record<string, unknown>, wallMs: number, op: 'upsert' | 'delete' = 'upsert'): WireMutation {
    return { id: this.nextId++, entity, row_id: rowId, account_id: accountId, op, fields, hlc: formatHlc({ wallMs, counter: 0, node: this.clientId }) };
  }

  async pushRaw(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.baseUrl}/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async push(mutations: WireMutation[]): Promise<PushResponse> {
    const answer = await this.pushRaw({ protocol: 1, schema: SUPPORTED_SCHEMA_VERSIONS.max, client_id: this.clientId, mutations });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as unknown as PushResponse;
  }

  async pullRaw(cursor: number, limit?: number, extra = ''): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.baseUrl}/v1/sync/pull?client_id=${this.clientId}&cursor=${cursor}${limit ? `&limit=${limit}` : ''}${extra}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async pull(cursor: number, limit?: number): Promise<PullResponse> {
    const answer = await this.pullRaw(cursor, limit);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as unknown as PullResponse;
  }

  /** Pulls page after page from `cursor` to the head; every page and the final cursor. */
  async pullAll(cursor: number, limit?: number): Promise<{ pages: PullResponse[]; cursor: number }> {
    const pages: PullResponse[] = [];
    let at = cursor;
    for (;;) {
      const page = await this.pull(at, limit);
      pages.push(page);
      at = page.cursor;
      if (!page.has_more) return { pages, cursor: at };
    }
  }
}

export async function loginToken(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, device: 'sync test' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** A note's complete fields as a device sends them when it creates one. */
export function newNoteFields(accountId: string, body: string, at = '2026-11-20T10:00:00.000Z'): Record<string, unknown> {
  return { account_id: accountId, body, touchpoint_id: null, created_at: at, updated_at: at, deleted_at: null };
}
