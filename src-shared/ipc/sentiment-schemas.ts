import { z } from 'zod';
import { csmRatingSchema, csmSentimentSchema } from '../domain/entities';
import { userText, uuidV7Schema } from './text-schemas';

const id = z.string().min(1, 'must not be empty').max(64);

/** The CSM's sentiment on an account (red / amber / green with a required reason), kept as a history. */
export const sentimentContract = {
  /** The current sentiment (the newest) and every earlier one, newest first. */
  'sentiment.ofAccount': {
    request: z.object({ accountId: id }).strict(),
    response: z.object({ current: csmSentimentSchema.nullable(), history: z.array(csmSentimentSchema) }),
  },
  /** Records a new judgement; it becomes the current one and the earlier ones stay in the history. */
  'sentiment.record': {
    request: z
      .object({
        /** Made by the client once: repeating the request records nothing new. */
        id: uuidV7Schema,
        accountId: id,
        rating: csmRatingSchema,
        reason: userText({ max: 2000, emptyMessage: 'say why: a sentiment needs a reason' }),
      })
      .strict(),
    response: z.object({ sentiment: csmSentimentSchema }),
  },
} as const;
