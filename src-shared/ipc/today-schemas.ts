import { z } from 'zod';
import { escalationSchema, riskBandSchema, tierSchema, touchpointKindSchema, touchpointOriginSchema } from '../domain/entities';
import { HEALTH_METRICS } from '../scoring/types';

const todayAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  arr: z.number(),
  health: z.number().nullable(),
  tier: tierSchema,
  riskBand: riskBandSchema,
});

const dueTouchpointSchema = z.object({
  id: z.string(),
  kind: touchpointKindSchema,
  origin: touchpointOriginSchema,
  title: z.string(),
  dueAt: z.string(),
  account: todayAccountSchema,
  overdue: z.boolean(),
});

/** An open escalation with its account and its age against the response time of the account's risk band. */
export const todayEscalationSchema = z.object({
  account: todayAccountSchema,
  escalation: escalationSchema,
  ageHours: z.number(),
  responseHours: z.number(),
  overdue: z.boolean(),
});

/** The Today view's answer (DESIGN §4.4 ordering for the work; the rest as the issue lists it). */
export const todayOverviewSchema = z.object({
  asOf: z.string(),
  /** Active accounts in the book (none: the view says the book is empty instead of listing nothing). */
  activeAccounts: z.number().int(),
  /** Overdue and due-today touchpoints, in the day's working order; at most `TODAY_LIST_LIMIT`. */
  work: z.array(dueTouchpointSchema),
  workTotal: z.number().int(),
  overdueTotal: z.number().int(),
  /** Accounts whose risk band rose or whose health fell by the trend threshold since `comparedWith`. */
  movers: z.array(
    z.object({
      account: todayAccountSchema,
      healthBefore: z.number().nullable(),
      riskBandBefore: riskBandSchema,
      topMetric: z
        .object({ key: z.enum([...HEALTH_METRICS.usage, ...HEALTH_METRICS.engagement, ...HEALTH_METRICS.business]), pointsDelta: z.number() })
        .nullable(),
    }),
  ),
  /** The day compared with (YYYY-MM-DD), or null while last week's scores are still being computed. */
  comparedWith: z.string().nullable(),
  renewals: z.array(z.object({ account: todayAccountSchema, renewalDate: z.string(), daysToRenewal: z.number().int() })),
  /** ARR of the renewing accounts whose risk band is high or medium. */
  arrAtRisk: z.number(),
  escalations: z.array(todayEscalationSchema),
  onboarding: z.array(
    z.object({
      account: todayAccountSchema,
      contractStart: z.string(),
      nextStep: z.object({ id: z.string(), kind: touchpointKindSchema, title: z.string(), dueAt: z.string() }).nullable(),
      checklistDone: z.number().int(),
      checklistTotal: z.number().int(),
    }),
  ),
});
