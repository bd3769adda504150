import type { WireUser } from '../../src-shared/sync/auth-wire';
import { formatHlc, parseHlc } from '../../src-shared/sync/hlc';
import { ENTITIES, isEntityName, type EntityName } from '../../src-shared/sync/entity-registry';
import { mergeMutation, type StoredRow } from '../../src-shared/sync/merge-rules';
import { REJECTION_CODES, SYNC_ERROR_CODES, type MutationResult, type PushRequest, type PushResponse, type WireMutation } from '../../src-shared/sync/sync-wire';
import type { Database, Queryable } from '../db/database';
import { HttpError } from '../http/http-errors';
import { lockOwnersInScope } from '../scope/account-scope';
import { commitWrites, type CommitResult, type LoggedRow, type RowWrite } from './change-log';
import { readRowsWithLog } from './entity-rows';
import { clientProgress, recordedRejections, recordRejections, setClientProgress } from './sync-clients';

/** How far ahead of the server's clock a device's stamp may be before it is pulled back (DESIGN §3). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

/** A stamp more than five minutes ahead is pulled back to the server's now: a fast clock cannot win every merge. */
export function clampHlc(stamp: string, nowMs: number): string {
  const parsed = parseHlc(stamp);
  return parsed.wallMs > nowMs + MAX_CLOCK_AHEAD_MS ? formatHlc({ ...parsed, wallMs: nowMs }) : stamp;
}

/**
 * `POST /v1/sync/push` in one transaction: ids already applied are answered from the record
 * (idempotent), a gap is refused whole, and each new mutation is checked (scope, ownership,
 * fields, state machine) and merged field by field; permanent refusals are recorded and the id
 * still advances. Any other failure rolls everything back and is transient for the client.
 */
export async function handlePush(db: Database, caller: WireUser, request: PushRequest, now: Date): Promise<{ response: PushResponse; commit: CommitResult | null }> {
  checkBatchOrder(request.mutations);
  return db.transaction(async (tx) => {
    const last = await clientProgress(tx, request.client_id, caller.id, true);
    const fresh = request.mutations.filter((mutation) => mutation.id > last);
    const first = fresh[0];
    if (first && first.id !== last + 1) {
      throw new HttpError(409, SYNC_ERROR_CODES.mutationGap, `Mutation ${first.id} skips ahead: the server has applied up to ${last}`, { last_mutation_id: last });
    }
    const repeated = request.mutations.filter((mutation) => mutation.id <= last).map((mutation) => mutation.id);
    const recorded = await recordedRejections(tx, request.client_id, repeated);
    const results: MutationResult[] = repeated.map((id) => recorded.get(id) ?? { id, status: 'applied' });

    const owners = await lockAndScope(tx, caller, fresh);
    const stored = await storedRows(tx, fresh);
    const writes = new Map<string, RowWrite>();
    const rejected: MutationResult[] = [];
    const resend = new Map<string, LoggedRow>();
    const nowIso = now.toISOString();
    for (const mutation of fresh) {
      const { result, lost } = applyOne(mutation, caller, owners, stored, writes, nowIso, now.getTime());
      results.push(result);
      if (result.status === 'rejected') rejected.push(result);
      else if (!lost) continue;
      // The device already shows its refused (or outdated) edit: log the row again so its next pull
      // puts the server's version back (a refused mutation stays listed on the device, with the reason).
      // Also when the account left the device's scope: if it comes back, the device is behind this
      // entry and gets the row; if not, it purges the account anyway.
      // A refused row the server does not have (on that account) was made on the device alone: it drops it.
      const key = rowKey(mutation.entity, mutation.row_id);
      if (stored.get(key)?.row.account_id === mutation.account_id && isEntityName(mutation.entity)) {
        resend.set(key, { entity: mutation.entity, rowId: mutation.row_id, accountId: String(stored.get(key)?.row.account_id), op: stored.get(key)?.row.deleted_at ? 'delete' : 'upsert' });
        if (result.status === 'rejected') result.resolution = 'resend';
      } else if (result.status === 'rejected') result.resolution = 'drop';
    }
    for (const key of writes.keys()) resend.delete(key);
    await recordRejections(tx, request.client_id, rejected);
    const newLast = fresh.at(-1)?.id ?? last;
    if (newLast !== last) await setClientProgress(tx, request.client_id, newLast);
    const commit = writes.size > 0 || resend.size > 0 ? await commitWrites(tx, [...writes.values()], [...resend.values()], now) : null;
    return { response: { last_mutation_id: newLast, results }, commit };
  });
}

/** Ids must rise one by one within a batch; anything else is a malformed request. */
function checkBatchOrder(mutations: readonly WireMutation[]): void {
  for (let i = 1; i < mutations.length; i += 1) {
    const previous = mutations[i - 1] as WireMutation;
    const current = mutations[i] as WireMutation;
    if (current.id !== previous.id + 1) throw new HttpError(400, 'BAD_REQUEST', `mutations.${i}.id: ${current.id} does not follow ${previous.id} (ids rise by one within a push)`);
  }
}

/** Locks each account the batch writes and returns those in scope with their owners. */
async function lockAndScope(tx: Queryable, caller: WireUser, mutations: readonly WireMutation[]): Promise<Map<string, string | null>> {
  const accounts = [...new Set(mutations.map((mutation) => mutation.account_id))];
  return accounts.length ? lockOwnersInScope(tx, caller, accounts) : new Map();
}

const rowKey = (entity: string, rowId: string): string => `${entity}\u0000${rowId}`;

/** The server's current version of every row the batch names, with its clocks and creator. */
async function storedRows(tx: Queryable, mutations: readonly WireMutation[]): Promise<Map<string, StoredRow>> {
  const byEntity = new Map<EntityName, string[]>();
  for (const mutation of mutations) {
    if (!isEntityName(mutation.entity) || ENTITIES[mutation.entity].owner !== 'csm') continue;
    const ids = byEntity.get(mutation.entity) ?? [];
    ids.push(mutation.row_id);
    byEntity.set(mutation.entity, ids);
  }
  const stored = new Map<string, StoredRow>();
  for (const [entity, rowIds] of byEntity) {
    for (const [rowId, { row, log }] of await readRowsWithLog(tx, entity, rowIds)) {
      const clocks = typeof log.clocks === 'string' ? (JSON.parse(log.clocks) as Record<string, string>) : (log.clocks ?? {});
      stored.set(rowKey(entity, rowId), { row, clocks, createdBy: log.created_by });
    }
  }
  return stored;
}

function applyOne(
  mutation: WireMutation,
  caller: WireUser,
  owners: Map<string, string | null>,
  stored: Map<string, StoredRow>,
  writes: Map<string, RowWrite>,
  nowIso: string,
  nowMs: number,
): { result: MutationResult; lost: boolean } {
  if (!owners.has(mutation.account_id)) {
    return { result: { id: mutation.id, status: 'rejected', code: REJECTION_CODES.outOfScope, message: `Account ${mutation.account_id} is not in your book (reassigned, deleted or never yours)` }, lost: false };
  }
  const key = rowKey(mutation.entity, mutation.row_id);
  const outcome = mergeMutation(stored.get(key) ?? null, { ...mutation, hlc: clampHlc(mutation.hlc, nowMs) }, {
    callerId: caller.id,
    callerOwnsAccount: owners.get(mutation.account_id) === caller.id,
    nowIso,
  });
  if (outcome.status === 'rejected') return { result: { id: mutation.id, status: 'rejected', code: outcome.code, message: outcome.message }, lost: false };
  if (outcome.row && isEntityName(mutation.entity)) {
    // Later mutations of the batch see this one's result.
    stored.set(key, { row: outcome.row, clocks: outcome.clocks, createdBy: outcome.createdBy });
    writes.set(key, { entity: mutation.entity, row: outcome.row, op: outcome.op, clocks: outcome.clocks, createdBy: outcome.createdBy });
  }
  return { result: { id: mutation.id, status: 'applied' }, lost: outcome.lost };
}
