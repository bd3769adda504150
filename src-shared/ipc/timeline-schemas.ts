import { z } from 'zod';
import { csmRatingSchema } from '../domain/entities';

const id = z.string().min(1, 'must not be empty').max(64);

export const TIMELINE_KINDS = ['touchpoint', 'note', 'escalation', 'survey', 'sentiment'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One thing that happened on an account, newest first on its timeline. */
export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('touchpoint'), id: z.string(), at: z.string(), touchpointKind: z.string(), title: z.string(),
    status: z.enum(['done', 'skipped', 'cancelled']), outcome: z.string().nullable(), sentiment: z.enum(['positive', 'neutral', 'negative']).nullable(),
  }),
  z.object({ kind: z.literal('note'), id: z.string(), at: z.string(), excerpt: z.string(), authorName: z.string().nullable() }),
  z.object({ kind: z.literal('escalation'), id: z.string(), at: z.string(), fromLevel: z.number().int().nullable(), toLevel: z.number().int(), why: z.string() }),
  z.object({ kind: z.literal('survey'), id: z.string(), at: z.string(), surveyKind: z.enum(['nps', 'csat', 'ces']), score: z.number().int(), comment: z.string().nullable() }),
  z.object({ kind: z.literal('sentiment'), id: z.string(), at: z.string(), rating: csmRatingSchema, reason: z.string(), authorName: z.string().nullable() }),
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineContract = {
  /** Touchpoints held, notes, escalation events, survey answers and the CSM's sentiments of an account, newest first. */
  'account.timeline': {
    request: z.object({ accountId: id, limit: z.number().int().min(1).max(500).optional() }).strict(),
    response: z.object({ entries: z.array(timelineEntrySchema) }),
  },
} as const;
