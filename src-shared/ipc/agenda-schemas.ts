import { z } from 'zod';
import { riskBandSchema, tierSchema, touchpointKindSchema, touchpointOriginSchema } from '../domain/entities';

const day = z.iso.date();

export const agendaItemSchema = z.object({
  id: z.string(),
  kind: touchpointKindSchema,
  origin: touchpointOriginSchema,
  title: z.string(),
  dueAt: z.string(),
  account: z.object({ id: z.string(), name: z.string(), tier: tierSchema, riskBand: riskBandSchema }),
});

/** The planned schedule: a week on screen, or a stretch of it as a calendar file. */
export const agendaContract = {
  'touchpoints.agenda': {
    request: z.object({ from: day, days: z.number().int().min(1).max(31) }).strict(),
    response: z.object({ items: z.array(agendaItemSchema), limited: z.boolean() }),
  },
  /** The planned touchpoints from `from` for `days` days as an iCalendar (.ics) file, titles in `locale`. */
  'touchpoints.ics': {
    request: z.object({ from: day, days: z.number().int().min(1).max(366), locale: z.enum(['en', 'es']) }).strict(),
    response: z.object({ fileName: z.string(), ics: z.string(), events: z.number().int() }),
  },
} as const;
