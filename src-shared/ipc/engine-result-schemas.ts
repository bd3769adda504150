import { z } from 'zod';
import { riskBandSchema, tierSchema } from '../domain/entities';
import { HEALTH_METRICS } from '../scoring/types';

// Wire schemas for the engine's results (scoring/types.ts) so responses are validated like requests.
const metricBreakdownSchema = z.object({
  key: z.enum([...HEALTH_METRICS.usage, ...HEALTH_METRICS.engagement, ...HEALTH_METRICS.business]),
  input: z.number().nullable(),
  score: z.number().nullable(),
  weight: z.number(),
  points: z.number(),
});
const categoryBreakdownSchema = z.object({
  score: z.number().nullable(),
  weight: z.number(),
  metrics: z.array(metricBreakdownSchema),
});

export const healthResultSchema = z.object({
  score: z.number().int().min(0).max(100).nullable(),
  tier: tierSchema,
  categories: z.object({
    usage: categoryBreakdownSchema,
    engagement: categoryBreakdownSchema,
    business: categoryBreakdownSchema,
  }),
});

export const riskResultSchema = z.object({
  points: z.number().min(0).max(100),
  band: riskBandSchema,
  signals: z.array(
    z.object({
      key: z.string(),
      severity: z.enum(['high', 'medium', 'low']),
      points: z.number(),
      evidence: z.object({ value: z.union([z.number(), z.boolean()]), threshold: z.number().nullable() }),
    }),
  ),
  response: z.object({
    withinHours: z.number().nullable(),
    channels: z.array(z.enum(['phone', 'email', 'linkedin'])),
    message: z.string().nullable(),
    goal: z.string().nullable(),
  }),
});

/** One point of an account's health history: the score on that day and the usage inputs behind it. */
export const healthHistoryPointSchema = z.object({
  date: z.string(),
  score: z.number().int().nullable(),
  usage: z.record(z.string(), z.number().nullable()),
});

/** domain/account-signals.ts on the wire: loyalty, expansion, advocacy and the intervention due. */
export const accountSignalsSchema = z.object({
  loyalty: z.object({
    level: z.enum(['bronze', 'silver', 'gold', 'platinum']),
    months: z.number().int(),
    discountPercent: z.number(),
    checkInDays: z.number().nullable(),
    perks: z.array(z.string()),
  }),
  expansion: z.array(z.object({ key: z.enum(['seats', 'features', 'volume', 'nps']), value: z.number(), threshold: z.number() })),
  expansionCandidate: z.boolean(),
  advocate: z.boolean(),
  intervention: z.object({ kind: z.enum(['none', 'early', 'intensive', 'emergency']), actions: z.array(z.string()) }),
  daysToRenewal: z.number().int(),
});
