import type { SyncProblem } from '../../src-shared/ipc/sync-status';
import type { RejectedOutboxRow } from '../db/repositories/sync-problems-repository';

/** The most refused changes listed or exported at once. */
export const MAX_LISTED_PROBLEMS = 5_000;

/** A stored refusal as the UI shows it; the server's reason is `{code, message}` in rejection_json. */
export function toSyncProblem(row: RejectedOutboxRow): SyncProblem {
  const reason = parseObject(row.rejection_json);
  return {
    mutationId: row.id,
    entity: row.entity,
    rowId: row.row_id,
    accountId: row.account_id,
    // An out-of-scope account is purged from the device after its refusal: the name the engine
    // may keep with the refusal stands in for the row that is gone.
    accountName: row.account_name ?? (typeof reason.accountName === 'string' ? reason.accountName : null),
    op: row.op,
    fields: parseObject(row.fields_json),
    createdAt: row.created_at,
    code: typeof reason.code === 'string' ? reason.code : 'REJECTED',
    message: typeof reason.message === 'string' ? reason.message : 'The server refused this change.',
  };
}

function parseObject(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const CSV_COLUMNS = ['made_at', 'account', 'account_id', 'entity', 'operation', 'row_id', 'server_code', 'server_message', 'fields'] as const;

/**
 * The refused changes as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet apps read accents right):
 * CSV because the admin who fixes the cause opens it in a spreadsheet. A cell that starts like a
 * formula (= + - @, tab, CR) gets a leading apostrophe so opening the file never runs it.
 */
export function problemsCsv(problems: readonly SyncProblem[], at: Date): { fileName: string; content: string } {
  const lines = [CSV_COLUMNS.join(',')];
  for (const p of problems) {
    const cells = [p.createdAt, p.accountName ?? '', p.accountId ?? '', p.entity, p.op, p.rowId, p.code, p.message, JSON.stringify(p.fields)];
    lines.push(cells.map(csvCell).join(','));
  }
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return { fileName: `sync-problems-${stamp}.csv`, content: `\uFEFF${lines.join('\r\n')}\r\n` };
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
