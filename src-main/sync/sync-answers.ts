import { z } from 'zod';
import type { PullResponse, PushResponse } from '../../src-shared/sync/sync-wire';

/**
 * The server's answers as the client checks them before acting on them: a proxy's HTML page or a
 * truncated body must fail the round (and be retried), never write half-understood data.
 */

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

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

const pullAnswerSchema = z.object({
  changes: z.array(
    z.object({
      seq,
      entity: z.string(),
      row_id: z.string(),
      account_id: z.string().nullable(),
      op: z.enum(['upsert', 'delete']),
      fields: z.record(z.string(), z.unknown()),
      // Additive (not sent by every server): the row's newest field clock, for the HLC receive rule.
      hlc: z.string().max(200).optional(),
    }),
  ),
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

/** A pulled change, with the row's newest clock when the server sends it. */
export type PulledChange = PullResponse['changes'][number];

export function parsePullAnswer(body: unknown): (PullResponse & { changes: PulledChange[] }) | null {
  const parsed = pullAnswerSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export function parseErrorAnswer(body: unknown): ErrorAnswer | null {
  const parsed = errorAnswerSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}
