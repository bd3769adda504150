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
import { accountSignalsSchema, healthHistoryPointSchema, healthResultSchema, riskResultSchema } from './engine-result-schemas';
import { scoringConfigSchema } from '../scoring/scoring-config-schema';
import { appStatusSchema, backupInfoSchema, backupNameSchema } from './app-status';
import type { IpcOperationName } from './operation-names';
import { syncSessionContract } from './sync-session-schemas';
import { todayOverviewSchema } from './today-schemas';
import { escalationContract } from './escalation-schemas';
import { planContract } from './plan-schemas';
import { timelineContract } from './timeline-schemas';
import { agendaContract } from './agenda-schemas';
import { sentimentContract } from './sentiment-schemas';
import { qbrContract } from './qbr-schemas';
import { dashboardContract } from './dashboard-schemas';
import { userText, uuidV7Schema } from './text-schemas';

const id = z.string().min(1, 'must not be empty').max(64);
/** A note's markdown: valid Unicode with something visible in it. */
const noteBody = userText({ max: 100_000, emptyMessage: 'a note needs some text' });
/** What a CSM types into a search box; normalized into a bounded full-text query by the service. */
const searchText = userText({ max: 200, emptyMessage: 'type something to search for' });
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
  /** Loyalty level by months since contract start (DESIGN §4.5). */
  loyalty: z.enum(['bronze', 'silver', 'gold', 'platinum']),
  health: z.number().nullable(),
  tier: tierSchema,
  riskPoints: z.number(),
  riskBand: riskBandSchema,
  nextTouchpoint: z
    .object({ id: z.string(), kind: touchpointKindSchema, title: z.string(), dueAt: z.string(), overdue: z.boolean() })
    .nullable(),
  escalationLevel: z.number().int().nullable(),
  /** The account's owner (a manager's book holds several); the name from the local users table. */
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
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
  /** The rows of some accounts, as portfolio.list shows them (after a change names them). */
  'portfolio.rows': {
    request: z.object({ accountIds: z.array(id).min(1).max(500) }).strict(),
    /** Accounts that no longer exist (or are deleted) are left out. */
    response: z.object({ asOf: z.string(), rows: z.array(portfolioRowSchema) }),
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
      /** Health one trend window ago, metric by metric: the page shows what changed. */
      healthBefore: healthResultSchema.nullable(),
      /** Month ends of the last year and today, oldest first: the trend and usage charts. */
      healthHistory: z.array(healthHistoryPointSchema),
      risk: riskResultSchema,
      signals: accountSignalsSchema,
      openEscalations: z.array(escalationSchema),
      upcomingTouchpoints: z.array(touchpointSchema),
    }),
  },
  /** The home view: the day's touchpoints, what moved since last week, renewals, escalations, onboarding. */
  'today.overview': {
    request: z.object({}).strict(),
    response: todayOverviewSchema,
  },
  'notes.list': {
    request: z
      .object({
        accountId: id,
        limit: z.number().int().min(1).max(200).optional(),
        /** Opaque cursor from the previous page's `nextBefore`: the page starts after it (older notes). */
        before: z.string().min(1).max(200).optional(),
        /** Only the account's notes matching this text (same rules as notes.search). */
        query: searchText.optional(),
      })
      .strict(),
    response: z.object({ notes: z.array(noteSchema), nextBefore: z.string().nullable() }),
  },
  'notes.add': {
    request: z
      .object({
        /** Made by the client once per note: repeating the request with the same id creates nothing new. */
        id: uuidV7Schema,
        accountId: id,
        body: noteBody,
        touchpointId: id.optional(),
      })
      .strict(),
    response: z.object({ note: noteSchema }),
  },
  'notes.update': {
    request: z.object({ id, body: noteBody }).strict(),
    response: z.object({ note: noteSchema }),
  },
  'notes.delete': {
    request: z.object({ id }).strict(),
    /** The note as it was when tombstoned, so views know which account to refresh. */
    response: z.object({ note: noteSchema }),
  },
  'notes.search': {
    request: z.object({ query: searchText, limit: z.number().int().min(1).max(200).optional() }).strict(),
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
        outcome: userText({ max: 2000 }).optional(),
        sentiment: sentimentSchema.optional(),
      })
      .strict(),
    response: z.object({ touchpoint: touchpointSchema }),
  },
  'touchpoints.reschedule': {
    request: z.object({ touchpointId: id, dueAt: isoDateTime }).strict(),
    response: z.object({ touchpoint: touchpointSchema }),
  },
  /** A touchpoint the CSM plans by hand (a next step, a call the customer asked for). */
  'touchpoints.create': {
    request: z
      .object({
        /** Made by the client once: repeating the request plans nothing new. */
        id: uuidV7Schema,
        accountId: id,
        kind: touchpointKindSchema,
        title: userText({ max: 500, emptyMessage: 'a touchpoint needs a title' }),
        dueAt: isoDateTime,
        /** A contact of the account the touchpoint is with. */
        contactId: id.nullable().optional(),
      })
      .strict(),
    response: z.object({ touchpoint: touchpointSchema }),
  },
  /** Skips a planned touchpoint with the reason why (kept as its outcome). */
  'touchpoints.skip': {
    request: z.object({ touchpointId: id, reason: userText({ max: 2000, emptyMessage: 'say why it is skipped' }) }).strict(),
    response: z.object({ touchpoint: touchpointSchema }),
  },
  'app.status': {
    request: z.object({}).strict(),
    response: appStatusSchema,
  },
  'app.openDemo': {
    request: z.object({}).strict(),
    response: appStatusSchema,
  },
  /** Opens the book again after the user fixed what was wrong (permissions, disk space, a lock). */
  'app.reopen': {
    request: z.object({}).strict(),
    response: appStatusSchema,
  },
  'backups.list': {
    request: z.object({}).strict(),
    response: z.object({ backups: z.array(backupInfoSchema) }),
  },
  'backups.create': {
    request: z.object({}).strict(),
    response: z.object({ backup: backupInfoSchema }),
  },
  'backups.restore': {
    request: z.object({ name: backupNameSchema }).strict(),
    response: appStatusSchema,
  },
  ...escalationContract,
  ...planContract,
  ...timelineContract,
  ...agendaContract,
  ...sentimentContract,
  ...qbrContract,
  ...dashboardContract,
  ...syncSessionContract,
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
