import { z } from 'zod';
import type { HealthInputs, HealthMetricKey, RiskInputs } from './types';

/** Finite number ≥ 0 (counts, ratios, rates, unbounded percentages). */
function nonNegative(field: string) {
  return z
    .number({ error: `${field} must be a finite number` })
    .refine(Number.isFinite, { message: `${field} must be a finite number` })
    .refine((v) => v >= 0, { message: `${field} must not be negative` });
}

/** Percentage of something bounded: 0..100. */
function percent(field: string) {
  return nonNegative(field).refine((v) => v <= 100, { message: `${field} must be at most 100 (%)` });
}

function between(field: string, min: number, max: number, integer = false) {
  return z
    .number({ error: `${field} must be a finite number` })
    .refine(Number.isFinite, { message: `${field} must be a finite number` })
    .refine((v) => v >= min && v <= max, { message: `${field} must be between ${min} and ${max}` })
    .refine((v) => !integer || Number.isInteger(v), { message: `${field} must be a whole number` });
}

const healthShape: Record<HealthMetricKey, z.ZodType<number>> = {
  login_frequency: nonNegative('login_frequency'),
  feature_adoption: percent('feature_adoption'),
  // Usage can run past the plan's limit, so > 100 is real data, not an error.
  data_volume: nonNegative('data_volume'),
  api_calls: nonNegative('api_calls'),
  support_tickets: nonNegative('support_tickets'),
  training_sessions: nonNegative('training_sessions'),
  feedback_participation: percent('feedback_participation'),
  community_engagement: nonNegative('community_engagement'),
  // Targets can be over-achieved (> 100%); the curve clamps the score, not the input.
  roi_achievement: nonNegative('roi_achievement'),
  goal_completion: percent('goal_completion'),
  revenue_impact: nonNegative('revenue_impact'),
  cost_savings: nonNegative('cost_savings'),
};

const optionalAll = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };

/** Health inputs: every key optional (missing = no data); unknown keys are rejected as typos. */
export const healthInputsSchema = z.strictObject(optionalAll(healthShape));

/** Risk inputs of DESIGN §4.3: every key optional (unknown = the signal does not fire). */
export const riskInputsSchema = z.strictObject({
  login_frequency: nonNegative('login_frequency').optional(),
  hours_per_user_week: nonNegative('hours_per_user_week').optional(),
  features_used_30d: nonNegative('features_used_30d').optional(),
  days_since_last_login: nonNegative('days_since_last_login').optional(),
  unanswered_emails: nonNegative('unanswered_emails').optional(),
  days_since_support_contact: nonNegative('days_since_support_contact').optional(),
  latest_nps: between('latest_nps', 0, 10, true).optional(),
  latest_csat: between('latest_csat', 1, 5).optional(),
  latest_ces: between('latest_ces', 1, 5).optional(),
  webinars_90d: nonNegative('webinars_90d').optional(),
  downloads_90d: nonNegative('downloads_90d').optional(),
  community_90d: nonNegative('community_90d').optional(),
  sessions_30d: nonNegative('sessions_30d').optional(),
  sessions_prev_30d: nonNegative('sessions_prev_30d').optional(),
  tickets_30d: nonNegative('tickets_30d').optional(),
  tickets_prev_30d: nonNegative('tickets_prev_30d').optional(),
  payment_overdue_days: nonNegative('payment_overdue_days').optional(),
  days_since_champion_left: nonNegative('days_since_champion_left').optional(),
  competitor_evaluation: z.boolean({ error: 'competitor_evaluation must be true or false' }).optional(),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** Null means "no data" over IPC/JSON; drop it so it reads as a missing key, never as 0. */
function dropNulls(x: unknown): unknown {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return x;
  return Object.fromEntries(Object.entries(x).filter(([, v]) => v !== null));
}

function parseWith<T>(schema: z.ZodType<T>, x: unknown): ParseResult<T> {
  const result = schema.safeParse(dropNulls(x));
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : String(issue?.path[0] ?? '');
  const raw = issue?.message ?? 'invalid input';
  const message = field && !raw.includes(field) ? `${field}: ${raw}` : raw;
  return { ok: false, field, message };
}

/** Validates health inputs, naming the first bad field; never clamps. */
export function parseHealthInputs(x: unknown): ParseResult<HealthInputs> {
  return parseWith(healthInputsSchema, x) as ParseResult<HealthInputs>;
}

/** Validates risk inputs, naming the first bad field; never clamps. */
export function parseRiskInputs(x: unknown): ParseResult<RiskInputs> {
  return parseWith(riskInputsSchema, x) as ParseResult<RiskInputs>;
}
