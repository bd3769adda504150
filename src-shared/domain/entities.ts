import { z } from 'zod';

/** ISO-8601 timestamp or calendar date as stored (UTC). */
const isoString = z.string().min(10);

export const planSchema = z.enum(['starter', 'professional', 'enterprise']);
export const accountStatusSchema = z.enum(['active', 'churned']);
export const lifecycleStageSchema = z.enum(['onboarding', 'adoption', 'growth', 'renewal', 'churned']);
export const touchpointKindSchema = z.enum([
  'call',
  'meeting',
  'email',
  'qbr',
  'onboarding',
  'renewal',
  'upsell',
  'check_in',
]);
export const touchpointOriginSchema = z.enum(['cadence', 'onboarding', 'renewal', 'upsell', 'manual']);
export const touchpointStatusSchema = z.enum(['planned', 'done', 'skipped', 'cancelled']);
export const sentimentSchema = z.enum(['positive', 'neutral', 'negative']);
export const tierSchema = z.enum(['critical', 'at_risk', 'stable', 'successful', 'unscored']);
export const riskBandSchema = z.enum(['high', 'medium', 'low', 'none']);

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  plan: planSchema,
  arr: z.number(),
  seats: z.number().int(),
  seatsUsed: z.number().int(),
  planFeatureCount: z.number().int(),
  volumeLimit: z.number(),
  contractStart: isoString,
  renewalDate: isoString,
  renewalsCount: z.number().int(),
  lifecycleStage: lifecycleStageSchema,
  ownerId: z.string().nullable(),
  status: accountStatusSchema,
  churnedAt: isoString.nullable(),
  competitorEvaluation: z.boolean(),
  paymentOverdueDays: z.number().int(),
});
export type Account = z.infer<typeof accountSchema>;

export const contactSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  isChampion: z.boolean(),
  departedAt: isoString.nullable(),
  certificationLevel: z.number().int().min(0).max(3),
});
export type Contact = z.infer<typeof contactSchema>;

export const touchpointSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: touchpointKindSchema,
  origin: touchpointOriginSchema,
  title: z.string(),
  dueAt: isoString,
  completedAt: isoString.nullable(),
  status: touchpointStatusSchema,
  outcome: z.string().nullable(),
  sentiment: sentimentSchema.nullable(),
  /** The contact it is with, when the CSM named one. */
  contactId: z.string().nullable(),
});
export type Touchpoint = z.infer<typeof touchpointSchema>;

/** The CSM's own read of an account, shown beside the computed score and never replacing it. */
export const csmRatingSchema = z.enum(['red', 'amber', 'green']);
export type CsmRating = z.infer<typeof csmRatingSchema>;

export const csmSentimentSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  rating: csmRatingSchema,
  reason: z.string(),
  at: isoString,
});
export type CsmSentiment = z.infer<typeof csmSentimentSchema>;

export const noteSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  touchpointId: z.string().nullable(),
  authorId: z.string().nullable(),
  body: z.string(),
  createdAt: isoString,
  updatedAt: isoString,
});
export type Note = z.infer<typeof noteSchema>;

export const escalationSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  level: z.number().int().min(1).max(5),
  reason: z.string(),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  status: z.enum(['open', 'resolved']),
  ownerId: z.string().nullable(),
  openedAt: isoString,
  resolvedAt: isoString.nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;
