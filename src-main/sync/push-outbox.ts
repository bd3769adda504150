import type { Database } from 'better-sqlite3';
import { MAX_PUSH_MUTATIONS, type PushResponse, type WireMutation } from '../../src-shared/sync/sync-wire';
import { OutboxQueueRepository, type QueuedMutation } from '../db/repositories/outbox-queue-repository';
import { SyncApplyRepository } from '../db/repositories/sync-apply-repository';
import { SyncProgressRepository } from '../db/repositories/sync-progress-repository';
import { CLIENT_PROTOCOL_VERSION, CLIENT_SCHEMA_VERSION, SyncRequestError, type SyncHttp } from './sync-http';

/** What a push phase did: accounts with newly refused mutations (their panels show the problem). */
export interface PushOutcome {
  pushed: number;
  rejectedAccounts: string[];
}

/**
 * Sends every pending outbox mutation, oldest first, in batches of at most MAX_PUSH_MUTATIONS, and
 * records each answer in one transaction: applied rows leave the outbox, refused ones stay with the
 * server's reason. A MUTATION_GAP (the server lost our record, or this store was restored from a
 * backup) is answered once per phase by taking a new identity and pushing again; any other failure
 * ends the phase and is thrown (what was recorded so far stays recorded).
 */
export async function pushOutbox(db: Database, http: SyncHttp, batchSize = MAX_PUSH_MUTATIONS): Promise<PushOutcome> {
  const outbox = new OutboxQueueRepository(db);
  const progress = new SyncProgressRepository(db);
  const apply = new SyncApplyRepository(db);
  const rejectedAccounts = new Set<string>();
  let pushed = 0;
  let identityReset = false;
  for (;;) {
    const batch = outbox.pendingRun(batchSize);
    if (batch.length === 0) break;
    const base = progress.mutationIdBase();
    let answer: PushResponse;
    try {
      answer = await http.push({
        protocol: CLIENT_PROTOCOL_VERSION,
        schema: CLIENT_SCHEMA_VERSION,
        client_id: progress.clientId(),
        mutations: batch.map((row) => toWire(row, base)),
      });
    } catch (error) {
      if (error instanceof SyncRequestError && error.kind === 'gap' && !identityReset) {
        identityReset = true;
        progress.resetIdentity();
        continue;
      }
      throw error;
    }
    const settled = recordAnswer(apply, outbox, batch, base, answer, rejectedAccounts);
    pushed += settled;
    // The server stops a batch at a transient error and answers what it did; nothing settled means
    // it did nothing, and asking again at once would spin.
    if (settled === 0) throw new SyncRequestError('transient', 'PUSH_STALLED', 'The server settled none of the pushed changes');
  }
  return { pushed, rejectedAccounts: [...rejectedAccounts] };
}

function toWire(row: QueuedMutation, base: number): WireMutation {
  return {
    id: row.id - base,
    entity: row.entity,
    row_id: row.rowId,
    // Rows queued before outbox rows named their account (migration 0005) whose row is gone have
    // none: the server refuses them visibly rather than the whole batch failing its schema.
    account_id: row.accountId ?? 'unknown',
    op: row.op,
    fields: JSON.parse(row.fieldsJson) as Record<string, unknown>,
    hlc: row.hlc,
  };
}

/** Applies one push answer to the outbox in one transaction; returns how many mutations it settled. */
function recordAnswer(
  apply: SyncApplyRepository,
  outbox: OutboxQueueRepository,
  batch: readonly QueuedMutation[],
  base: number,
  answer: PushResponse,
  rejectedAccounts: Set<string>,
): number {
  const sent = new Map(batch.map((row) => [row.id - base, row]));
  return outbox.inTransaction(() => {
    let settled = 0;
    for (const result of answer.results) {
      const row = sent.get(result.id);
      if (!row) continue;
      sent.delete(result.id);
      settled++;
      if (result.status === 'applied') {
        outbox.remove(row.id);
      } else {
        outbox.reject(row.id, result.code ?? 'REJECTED', result.message ?? 'The server refused this change');
        if (result.resolution === 'drop') apply.dropLocalRow(row.entity, row.rowId);
        if (row.accountId) rejectedAccounts.add(row.accountId);
      }
    }
    return settled;
  });
}
