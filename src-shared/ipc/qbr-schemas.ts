import { z } from 'zod';
import { accountSchema, escalationSchema, tierSchema, touchpointSchema } from '../domain/entities';
import { isQuarterKey } from '../schedule/utc-date';
import { accountSignalsSchema, riskResultSchema } from './engine-result-schemas';
import { goalSchema, goalStatusSchema } from './plan-schemas';
import { userText } from './text-schemas';

const id = z.string().min(1, 'must not be empty').max(64);
const quarter = z.string().refine(isQuarterKey, 'a quarter like 2026-Q4');
const startEnd = z.object({ start: z.number().nullable(), end: z.number().nullable() });
const healthPoint = z.object({ date: z.string(), score: z.number().int().nullable(), tier: tierSchema });

/** qbr/qbr-pack.ts QbrSnapshot: also how an exported pack's figures are read back from the store. */
export const qbrSnapshotSchema = z.object({
  quarter,
  health: z.number().int().nullable(),
  tier: tierSchema,
  goals: z.array(z.object({ id: z.string(), title: z.string(), status: goalStatusSchema, progress: z.number().int() })).max(500),
  risks: z.array(z.string()).max(100),
  commitments: z.array(z.string()).max(500),
});

/** qbr/qbr-pack.ts QbrPack on the wire. */
export const qbrPackSchema = z.object({
  quarter,
  period: z.object({ start: z.string(), end: z.string() }),
  asOf: z.string(),
  account: accountSchema.pick({ id: true, name: true, plan: true, arr: true, seats: true, seatsUsed: true, planFeatureCount: true, contractStart: true, renewalDate: true }),
  health: z.object({
    start: z.number().int().nullable(), end: z.number().int().nullable(), change: z.number().int().nullable(),
    startTier: tierSchema, endTier: tierSchema, trend: z.array(healthPoint),
  }),
  tierChanges: z.array(z.object({ date: z.string(), from: tierSchema, to: tierSchema })),
  usage: z.object({
    seats: z.object({ used: z.number(), of: z.number(), ratio: z.number().nullable() }),
    featureAdoption: startEnd,
    dataVolume: startEnd,
    loginFrequency: startEnd,
  }),
  roi: startEnd,
  goals: z.object({ list: z.array(goalSchema), completedInQuarter: z.number().int(), open: z.number().int(), averageProgress: z.number().nullable() }),
  touchpoints: z.object({ held: z.array(touchpointSchema), byKind: z.record(z.string(), z.number().int()) }),
  escalations: z.object({ openedInQuarter: z.array(escalationSchema), resolvedInQuarter: z.array(escalationSchema), openAtEnd: z.array(escalationSchema) }),
  surveys: z.object({
    answers: z.array(z.object({ kind: z.enum(['nps', 'csat', 'ces']), score: z.number().int(), answeredAt: z.string(), comment: z.string().nullable() })),
    nps: z.object({ value: z.number().nullable(), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(), n: z.number().int() }),
    csat: z.number().nullable(),
    ces: z.number().nullable(),
  }),
  risks: riskResultSchema.shape.signals,
  expansion: accountSignalsSchema.shape.expansion,
  comparison: z
    .object({
      previousQuarter: z.string(),
      health: z.object({ then: z.number().nullable(), now: z.number().nullable(), change: z.number().nullable() }),
      tier: z.object({ then: tierSchema, now: tierSchema }),
      goals: z.array(z.object({
        title: z.string(),
        then: z.object({ status: goalStatusSchema, progress: z.number() }),
        now: z.object({ status: goalStatusSchema, progress: z.number() }).nullable(),
      })),
      commitments: z.array(z.string()),
      risks: z.array(z.object({ key: z.string(), stillFiring: z.boolean() })),
    })
    .nullable(),
});

/** A pack as it travels (a QbrPack fits it): what the document and the exports read. */
export type QbrPackData = z.infer<typeof qbrPackSchema>;

/** The CSM's part of a QBR: the next-quarter plan and commentary they write, and when it was exported. */
export const qbrPlanSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  quarter: z.string(),
  nextPlan: z.string(),
  commentary: z.string(),
  exportedAt: z.string().nullable(),
  updatedAt: z.string(),
});

/** QBR packs (DESIGN §4.8): built from local data, with the CSM's plan and commentary kept as synced rows. */
export const qbrContract = {
  /** The pack of an account for a quarter, the CSM's plan for it (null before one is written). */
  'qbr.pack': {
    request: z.object({ accountId: id, quarter }).strict(),
    response: z.object({ pack: qbrPackSchema, plan: qbrPlanSchema.nullable() }),
  },
  /**
   * The pack as a file in the reader's language (a PDF with real text, or a self-contained HTML
   * page), its figures frozen now; they are kept with the account's QBR for next quarter's comparison.
   */
  'qbr.export': {
    request: z.object({ accountId: id, quarter, locale: z.enum(['en', 'es']), format: z.enum(['pdf', 'html']) }).strict(),
    response: z.object({ accountId: z.string(), fileName: z.string(), mimeType: z.string(), base64: z.string(), exportedAt: z.string() }),
  },
  /**
   * The same file written into the book's folder (`qbr/QUARTER/` beside the store), for preparing
   * every QBR of a quarter in one go without a download per account.
   */
  'qbr.exportToFolder': {
    request: z.object({ accountId: id, quarter, locale: z.enum(['en', 'es']), format: z.enum(['pdf', 'html']) }).strict(),
    response: z.object({ accountId: z.string(), fileName: z.string(), path: z.string(), exportedAt: z.string() }),
  },
  /** The active accounts whose QBR of the quarter is still to be held, with when each pack was last exported. */
  'qbr.due': {
    request: z.object({ quarter }).strict(),
    response: z.object({ quarter: z.string(), folder: z.string(), accounts: z.array(z.object({ id: z.string(), name: z.string(), exportedAt: z.string().nullable() })) }),
  },
  /** Saves the next-quarter plan and commentary of an account's QBR (one per account and quarter). */
  'qbr.save': {
    request: z.object({ accountId: id, quarter, nextPlan: userText({ max: 20_000 }), commentary: userText({ max: 20_000 }) }).strict(),
    response: z.object({ plan: qbrPlanSchema }),
  },
} as const;
