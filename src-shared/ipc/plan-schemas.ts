import { z } from 'zod';
import { ONBOARDING_CHECKLIST } from '../schedule/onboarding-checklist';
import { userText, uuidV7Schema } from './text-schemas';

const id = z.string().min(1, 'must not be empty').max(64);
const day = z.iso.date();
const checklistKeys = ONBOARDING_CHECKLIST.map((item) => item.key) as [string, ...string[]];

export const goalStatusSchema = z.enum(['not_started', 'in_progress', 'done', 'missed']);
export const goalSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  title: z.string(),
  target: z.string().nullable(),
  dueAt: z.string().nullable(),
  status: goalStatusSchema,
  progress: z.number().int(),
  completedAt: z.string().nullable(),
});
export type Goal = z.infer<typeof goalSchema>;

/** The account's success plan (goals) and onboarding checklist (DESIGN §2, §4.4). */
export const planContract = {
  'plan.ofAccount': {
    request: z.object({ accountId: id }).strict(),
    response: z.object({
      goals: z.array(goalSchema),
      /** The checklist items ticked so far (the 15 items and their phases are in src-shared). */
      checklist: z.array(z.object({ itemKey: z.string(), doneAt: z.string().nullable() })),
    }),
  },
  /** Adds a goal (a new id) or changes one; `done` stamps its completion, progress 100. */
  'goals.save': {
    request: z
      .object({
        /** Made by the client for a new goal; an existing goal's id to change it. */
        id: uuidV7Schema,
        accountId: id,
        title: userText({ max: 500, emptyMessage: 'a goal needs a title' }),
        target: userText({ max: 2000 }).nullable(),
        dueAt: day.nullable(),
        status: goalStatusSchema,
        progress: z.number().int('progress is a whole percentage').min(0, 'progress goes from 0 to 100').max(100, 'progress goes from 0 to 100'),
      })
      .strict(),
    response: z.object({ goal: goalSchema }),
  },
  'onboarding.setItem': {
    request: z.object({ accountId: id, itemKey: z.enum(checklistKeys), done: z.boolean() }).strict(),
    response: z.object({ accountId: z.string(), itemKey: z.string(), doneAt: z.string().nullable() }),
  },
} as const;
