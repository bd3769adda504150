import type { Queryable } from '../db/database';
import { HttpError } from '../http/http-errors';
import { SYNC_ERROR_CODES, type MutationResult } from '../../src-shared/sync/sync-wire';

/** SQL for the devices' sync identities (`sync_clients`) and their recorded refusals. */

/**
 * The client's last applied mutation id, creating its record on first contact. With `forUpdate` the
 * row stays locked to the end of the transaction, so two pushes of one client run one after the other.
 * A client id already taken by another user is refused: it would expose that user's progress.
 */
export async function clientProgress(tx: Queryable, clientId: string, userId: string, forUpdate: boolean): Promise<number> {
  // One statement either way: the no-op update on conflict returns the row and, like FOR UPDATE, locks it.
  const [row] = await tx.query<{ user_id: string; last_mutation_id: string | number }>(
    forUpdate
      ? `INSERT INTO sync_clients (client_id, user_id, last_mutation_id) VALUES ($1, $2, 0)
         ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id RETURNING user_id, last_mutation_id`
      : `WITH created AS (
           INSERT INTO sync_clients (client_id, user_id, last_mutation_id) VALUES ($1, $2, 0) ON CONFLICT (client_id) DO NOTHING RETURNING user_id, last_mutation_id
         )
         SELECT user_id, last_mutation_id FROM created UNION ALL SELECT user_id, last_mutation_id FROM sync_clients WHERE client_id = $1`,
    [clientId, userId],
  );
  if (!row || row.user_id !== userId) {
    throw new HttpError(403, SYNC_ERROR_CODES.clientMismatch, 'This client_id belongs to another user; a device makes its own');
  }
  return Number(row.last_mutation_id);
}

export async function setClientProgress(tx: Queryable, clientId: string, lastMutationId: number): Promise<void> {
  await tx.query('UPDATE sync_clients SET last_mutation_id = $2 WHERE client_id = $1', [clientId, lastMutationId]);
}

/** The refusals recorded for these ids of the client (applied ones have none). */
export async function recordedRejections(tx: Queryable, clientId: string, ids: readonly number[]): Promise<Map<number, MutationResult>> {
  const found = new Map<number, MutationResult>();
  if (ids.length === 0) return found;
  const rows = await tx.query<{ mutation_id: string | number; code: string; message: string; resolution: 'resend' | 'drop' | null }>(
    'SELECT mutation_id, code, message, resolution FROM mutation_rejections WHERE client_id = $1 AND mutation_id = ANY($2::bigint[])',
    [clientId, ids],
  );
  for (const row of rows) {
    found.set(Number(row.mutation_id), { id: Number(row.mutation_id), status: 'rejected', code: row.code, message: row.message, ...(row.resolution ? { resolution: row.resolution } : {}) });
  }
  return found;
}

export async function recordRejections(tx: Queryable, clientId: string, rejected: readonly MutationResult[]): Promise<void> {
  if (rejected.length === 0) return;
  await tx.query(
    `INSERT INTO mutation_rejections (client_id, mutation_id, code, message, resolution)
     SELECT $1, r.id, r.code, r.message, r.resolution FROM jsonb_to_recordset($2::jsonb) AS r(id bigint, code text, message text, resolution text)
     ON CONFLICT DO NOTHING`,
    [clientId, JSON.stringify(rejected)],
  );
}
