import { z } from 'zod';
import { escalationSchema } from '../domain/entities';
import { todayEscalationSchema } from './today-schemas';
import { userText, uuidV7Schema } from './text-schemas';

const id = z.string().min(1, 'must not be empty').max(64);
const level = z.number().int().min(1, 'levels go from 1 to 5').max(5, 'levels go from 1 to 5');
/** Why an escalation was opened, moved or resolved: required, as DESIGN §4.6 keeps the why of every change. */
const why = userText({ max: 2000, emptyMessage: 'say why' });

export const escalationEventSchema = z.object({
  id: z.string(),
  escalationId: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  fromLevel: z.number().int().nullable(),
  toLevel: z.number().int(),
  why: z.string(),
});

/** Escalation operations (DESIGN §4.6): every change is an event with who, when, from, to and why. */
export const escalationContract = {
  'escalations.open': {
    request: z
      .object({
        /** Made by the client once: repeating the request opens nothing new. */
        id: uuidV7Schema,
        accountId: id,
        level,
        reason: why,
        severity: z.enum(['low', 'medium', 'high', 'critical']),
      })
      .strict(),
    response: z.object({ escalation: escalationSchema }),
  },
  /** Raise or lower an open escalation; `eventId` made by the client makes a repeat harmless. */
  'escalations.change': {
    request: z.object({ eventId: uuidV7Schema, escalationId: id, toLevel: level, why }).strict(),
    response: z.object({ escalation: escalationSchema }),
  },
  'escalations.resolve': {
    request: z.object({ eventId: uuidV7Schema, escalationId: id, why }).strict(),
    response: z.object({ escalation: escalationSchema }),
  },
  /** An account's escalations, open ones first, with every event of their history. */
  'escalations.ofAccount': {
    request: z.object({ accountId: id }).strict(),
    response: z.object({ escalations: z.array(escalationSchema), events: z.array(escalationEventSchema) }),
  },
  /** Every open escalation of the book with its age against its account's response time. */
  'escalations.board': {
    request: z.object({}).strict(),
    response: z.object({ asOf: z.string(), escalations: z.array(todayEscalationSchema) }),
  },
} as const;
