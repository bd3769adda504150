import { z } from 'zod';
import type { PullResponse, PushResponse } from '../../src-shared/sync/sync-wire';

/**
 * The server's answers as the client checks them before acting on them: a proxy's HTML page or a
 * truncated body must fail the round (and be retried), never write half-understood data.
 */

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A pulled change, with the row's newest clock when the server sends it. */
export type PulledChange = PullResponse['changes'][number];

const pushAnswerSchema = z.object({
  last_mutation_id: seq,
  results: z.array(
    z.object({
      id: z.number().int(),
      status: z.enum(['applied', 'rejected']),
      code: z.string().optional(),
      message: z.string().optional(),
      resolution: z.enum(['resend', 'drop']).optional(),
    }),
  ),
});

/**
 * A change's envelope, checked by hand: a first sync is hundreds of thousands of changes and a zod
 * object per change was a tenth of its time. Its entity, op, key and fields are checked against the
 * registry when it is applied (SyncApplyRepository), which refuses the whole page on a bad one.
 */
function isChangeEnvelope(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const change = value as Record<string, unknown>;
  const { fields, hlc } = change;
  return (
    Number.isSafeInteger(change.seq) && (change.seq as number) >= 0 &&
    typeof change.entity === 'string' &&
    typeof change.row_id === 'string' &&
    (change.account_id === null || typeof change.account_id === 'string') &&
    (change.op === 'upsert' || change.op === 'delete') &&
    typeof fields === 'object' && fields !== null && !Array.isArray(fields) &&
    // Additive (not sent by every server): the row's newest field clock, for the HLC receive rule.
    (hlc === undefined || (typeof hlc === 'string' && hlc.length <= 200))
  );
}

const pullAnswerSchema = z.object({
  changes: z.array(z.custom<PulledChange>(isChangeEnvelope, 'not a change: {seq, entity, row_id, account_id, op, fields, hlc?}')),
  scope: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  cursor: seq,
  head: seq,
  has_more: z.boolean(),
  last_mutation_id: seq,
});

/** An error answer's body: `{code, message}` (DESIGN §3), with extras such as MUTATION_GAP's last id. */
const errorAnswerSchema = z.object({ code: z.string(), message: z.string().optional(), last_mutation_id: seq.optional() });

export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;

export function parsePushAnswer(body: unknown): PushResponse | null {
  const parsed = pushAnswerSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}


export function parsePullAnswer(body: unknown): (PullResponse & { changes: PulledChange[] }) | null {
  const parsed = pullAnswerSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export function parseErrorAnswer(body: unknown): ErrorAnswer | null {
  const parsed = errorAnswerSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}
