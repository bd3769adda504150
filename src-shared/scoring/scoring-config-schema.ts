import { z } from 'zod';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './scoring-config';
import { HEALTH_METRICS, type HealthMetricKey, type RiskSignalKey } from './types';

// Validates a team's stored scoring_config (DESIGN §4: every threshold and weight is editable by an
// admin). The stored JSON holds only what the admin changed; it is merged onto the defaults first,
// so a config written before a setting existed still yields a complete config. A setting this build
// does not know is refused by name rather than ignored.

const finite = z.number().finite();
const nonNegative = finite.min(0);
const positive = finite.gt(0);
const days = z.number().int().min(1);
const metricKeys = Object.values(HEALTH_METRICS).flat() as HealthMetricKey[];
const signalKeys = Object.keys(DEFAULT_SCORING_CONFIG.risk.signalSeverity) as RiskSignalKey[];

const byKeys = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  z.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>).strict();

const curve = z
  .array(z.tuple([finite, finite.min(0).max(100)]).readonly())
  .min(2, 'a curve needs at least two points')
  .refine((points) => points.every((p, i) => i === 0 || p[0] >= points[i - 1]![0]), 'curve inputs must not decrease')
  .readonly();

const severity = z.enum(['high', 'medium', 'low']);
const loyaltyLevels = ['bronze', 'silver', 'gold', 'platinum'] as const;

/** The full config's shape and sanity rules (also the wire schema of the config main sends to the UI). */
export const scoringConfigSchema = z
  .object({
    health: z.object({
      categoryWeights: byKeys(['usage', 'engagement', 'business'], nonNegative).refine(
        (w) => w.usage + w.engagement + w.business > 0,
        'at least one category needs a weight above 0, or no account could be scored',
      ),
      metricWeights: byKeys(metricKeys, nonNegative),
      curves: byKeys(metricKeys, curve),
      trendDelta: positive,
      trendWindowDays: days,
    }).strict(),
    tiers: z
      .object({
        atRiskFrom: finite,
        stableFrom: finite,
        stableTo: finite,
        cadenceDays: byKeys(['critical', 'at_risk', 'stable', 'successful'], days),
      })
      .strict()
      .refine((t) => t.atRiskFrom <= t.stableFrom && t.stableFrom <= t.stableTo, 'tier thresholds must increase: atRiskFrom ≤ stableFrom ≤ stableTo'),
    risk: z
      .object({
        severityPoints: byKeys(['high', 'medium', 'low'], nonNegative),
        signalSeverity: byKeys(signalKeys, severity),
        thresholds: byKeys(Object.keys(DEFAULT_SCORING_CONFIG.risk.thresholds) as Array<keyof ScoringConfig['risk']['thresholds']>, nonNegative),
        bands: z.object({ high: nonNegative, medium: nonNegative, low: nonNegative }).strict(),
        cap: positive,
      })
      .strict()
      .refine((r) => r.bands.low <= r.bands.medium && r.bands.medium <= r.bands.high, 'risk bands must increase: low ≤ medium ≤ high'),
    loyalty: z
      .object({
        fromMonths: byKeys(loyaltyLevels, z.number().int().min(0)),
        discountPercent: byKeys(loyaltyLevels, nonNegative.max(100)),
        checkInDays: byKeys(loyaltyLevels, days.nullable()),
      })
      .strict()
      .refine(
        (l) => l.fromMonths.bronze <= l.fromMonths.silver && l.fromMonths.silver <= l.fromMonths.gold && l.fromMonths.gold <= l.fromMonths.platinum,
        'loyalty levels must start in order: bronze ≤ silver ≤ gold ≤ platinum',
      ),
    expansion: z.object({
      seatsUsedRatio: nonNegative, featuresUsedRatio: nonNegative, volumeUsedRatio: nonNegative,
      npsAbove: finite.min(0).max(10), minSignals: z.number().int().min(1),
    }).strict(),
    advocacy: z.object({
      tenureMonthsAbove: nonNegative, npsAbove: finite.min(0).max(10), featureUsageAbove: nonNegative.max(100), minRenewals: z.number().int().min(0),
    }).strict(),
    schedule: z.object({
      upsellMonths: z.array(z.number().int().min(1)).readonly(), renewalPrepDays: days, renewalCallDays: days, onboardingDays: days,
    }).strict(),
    interventions: z.object({ emergencyRenewalDays: days, emergencyEscalationLevel: z.number().int().min(1).max(5) }).strict(),
    churnModel: z.object({ minLabelled: z.number().int().min(2) }).strict(),
  })
  .strict();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Overrides merged onto the defaults, object by object; arrays (curves, months) replace wholesale. */
function mergeOntoDefaults(defaults: unknown, overrides: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(overrides)) return overrides === undefined ? defaults : overrides;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    // defineProperty: a "__proto__" key stays an own key, so the schema refuses it by name.
    Object.defineProperty(merged, key, { value: mergeOntoDefaults(defaults[key], value), enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

/** A team's stored overrides as a full, checked config; the error names the offending setting. */
export function parseScoringConfig(
  overrides: unknown,
): { ok: true; config: ScoringConfig } | { ok: false; field: string; message: string } {
  if (!isPlainObject(overrides)) return { ok: false, field: '(root)', message: 'the scoring config must be a JSON object' };
  const parsed = scoringConfigSchema.safeParse(mergeOntoDefaults(DEFAULT_SCORING_CONFIG, overrides));
  if (parsed.success) return { ok: true, config: parsed.data as ScoringConfig };
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : '(root)';
  const detail = issue?.code === 'unrecognized_keys' ? `unknown setting ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid');
  return { ok: false, field, message: `scoring config ${field}: ${detail}` };
}
