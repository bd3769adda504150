import { z } from 'zod';
import { riskBandSchema, tierSchema } from '../domain/entities';

// Wire schemas for the engine's results (scoring/types.ts) so responses are validated like requests.
const metricBreakdownSchema = z.object({
  key: z.string(),
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
