import { z } from 'zod';
import {
  accountSchema,
  contactSchema,
  escalationSchema,
  noteSchema,
  planSchema,
  riskBandSchema,
  sentimentSchema,
  tierSchema,
  touchpointKindSchema,
  touchpointSchema,
  touchpointStatusSchema,
} from '../domain/entities';
import { healthResultSchema, riskResultSchema } from './engine-result-schemas';
import { scoringConfigSchema } from '../scoring/scoring-config-schema';
import type { IpcOperationName } from './operation-names';

const id = z.string().min(1, 'must not be empty').max(64);
/** Calendar date or timestamp the user picked; parsed, not trusted. */
const isoDateTime = z.iso.datetime({ offset: true }).or(z.iso.date());

export const portfolioRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  industry: z.string().nullable(),
  plan: planSchema,
  arr: z.number(),
  renewalDate: z.string(),
  status: z.enum(['active', 'churned']),
  onboarding: z.boolean(),
  health: z.number().nullable(),
  tier: tierSchema,
  riskPoints: z.number(),
  riskBand: riskBandSchema,
  nextTouchpoint: z
    .object({ id: z.string(), kind: touchpointKindSchema, title: z.string(), dueAt: z.string(), overdue: z.boolean() })
    .nullable(),
  escalationLevel: z.number().int().nullable(),
});
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;

/**
 * The one IPC contract: every operation's request and response schema. The preload and the web
 * shell accept only these names; main validates every payload against `request` first.
 */
export const ipcContract = {
  'portfolio.list': {
    request: z.object({}).strict(),
    response: z.object({
      asOf: z.string(),
      rows: z.array(portfolioRowSchema),
      /** Set when the team's scoring config could not be applied and the default rules are in use. */
      scoringConfigProblem: z.string().nullable(),
    }),
  },
  'account.detail': {
    request: z.object({ accountId: id }).strict(),
    response: z.object({
      /** The moment main scored the account; the panel judges overdue and escalation age against it. */
      asOf: z.string(),
      /** The team's config the scores were computed with; the panel explains and trends with the same one. */
      scoringConfig: scoringConfigSchema,
      account: accountSchema,
      contacts: z.array(contactSchema),
      health: healthResultSchema,
      healthThirtyDaysAgo: z.number().nullable(),
      risk: riskResultSchema,
      openEscalations: z.array(escalationSchema),
      upcomingTouchpoints: z.array(touchpointSchema),
    }),
  },
  'notes.list': {
    request: z.object({ accountId: id, limit: z.number().int().min(1).max(500).optional() }).strict(),
    response: z.object({ notes: z.array(noteSchema) }),
  },
  'notes.add': {
    request: z
      .object({
        accountId: id,
        body: z.string().trim().min(1, 'a note needs some text').max(100_000),
        touchpointId: id.optional(),
      })
      .strict(),
    response: z.object({ note: noteSchema }),
  },
  'notes.search': {
    request: z
      .object({ query: z.string().trim().min(1, 'type something to search for').max(200), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    response: z.object({
      hits: z.array(z.object({ note: noteSchema, accountName: z.string(), snippet: z.string() })),
    }),
  },
  'touchpoints.list': {
    request: z
      .object({
        accountId: id.optional(),
        status: touchpointStatusSchema.optional(),
        from: isoDateTime.optional(),
        to: isoDateTime.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    response: z.object({ touchpoints: z.array(touchpointSchema) }),
  },
  'touchpoints.complete': {
    request: z
      .object({
        touchpointId: id,
        outcome: z.string().max(2000).optional(),
        sentiment: sentimentSchema.optional(),
      })
      .strict(),
    response: z.object({ touchpoint: touchpointSchema }),
  },
  'touchpoints.reschedule': {
    request: z.object({ touchpointId: id, dueAt: isoDateTime }).strict(),
    response: z.object({ touchpoint: touchpointSchema }),
  },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcOperation = keyof IpcContract;
export type IpcRequest<Op extends IpcOperation> = z.input<IpcContract[Op]['request']>;
export type IpcResponse<Op extends IpcOperation> = z.infer<IpcContract[Op]['response']>;

// Compile-time check that the plain name list and the contract's keys are the same set.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _namesMatchContract: SameKeys<IpcOperation, IpcOperationName> = true;
void _namesMatchContract;

export { IPC_EVENTS, IPC_OPERATION_NAMES, isIpcOperation, type IpcEvent } from './operation-names';
