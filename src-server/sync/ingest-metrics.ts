import type { IngestMetricsRequest, IngestMetricsResponse } from '../../src-shared/sync/ingest-wire';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-errors';
import { commitWrites, type CommitResult, type RowWrite } from './change-log';
import { readRows } from './entity-rows';

/**
 * Stores a batch of metric values through the synced-write path, all or nothing: every account must
 * exist and be live, and one (account, key, date) may appear once. A value equal to the stored one
 * is not written again, so repeating a request changes nothing and wakes no device.
 */
export async function ingestMetrics(db: Database, request: IngestMetricsRequest, now: Date): Promise<{ response: IngestMetricsResponse; commit: CommitResult }> {
  const firstRowOf = new Map<string, number>();
  request.metrics.forEach((metric, index) => {
    const rowId = `${metric.account_id}|${metric.key}|${metric.date}`;
    const earlier = firstRowOf.get(rowId);
    if (earlier !== undefined) throw new HttpError(400, 'BAD_REQUEST', `metrics.${index}: ${metric.key} of account ${metric.account_id} on ${metric.date} is already in metrics.${earlier}`);
    firstRowOf.set(rowId, index);
  });
  return db.transaction(async (tx) => {
    const accountIds = [...new Set(request.metrics.map((metric) => metric.account_id))];
    const live = new Set((await tx.query<{ id: string }>('SELECT id FROM accounts WHERE id = ANY($1::text[]) AND deleted_at IS NULL', [accountIds])).map((row) => row.id));
    const unknown = request.metrics.findIndex((metric) => !live.has(metric.account_id));
    if (unknown >= 0) throw new HttpError(400, 'BAD_REQUEST', `metrics.${unknown}.account_id: no live account ${JSON.stringify(request.metrics[unknown]?.account_id)}`);

    const stored = await readRows(tx, 'metrics', [...firstRowOf.keys()]);
    const writes: RowWrite[] = [];
    for (const metric of request.metrics) {
      const before = stored.get(`${metric.account_id}|${metric.key}|${metric.date}`);
      if (before && before.value === metric.value && before.deleted_at === null) continue;
      writes.push({ entity: 'metrics', op: 'upsert', row: { account_id: metric.account_id, key: metric.key, date: metric.date, value: metric.value, deleted_at: null } });
    }
    const commit = await commitWrites(tx, writes, [], now);
    return { response: { received: request.metrics.length, changed: writes.length, head: commit.head }, commit };
  });
}
