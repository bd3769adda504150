import { interpolate } from './curve';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './scoring-config';
import { tierFor } from './tiers';
import {
  HEALTH_METRICS,
  type CategoryBreakdown,
  type HealthCategory,
  type HealthInputs,
  type HealthResult,
  type MetricBreakdown,
} from './types';

export type HealthTrend = 'declining' | 'improving' | 'steady' | 'unknown';

const CATEGORIES = Object.keys(HEALTH_METRICS) as HealthCategory[];

/** Rounds half up after snapping to 1e-9, so float noise like 79.4999999999 still gives 80. */
export function roundHalfUp(x: number): number {
  const snapped = Math.round(x * 1e9) / 1e9;
  return Math.floor(snapped + 0.5);
}

function present(value: number | undefined): value is number {
  return value !== undefined && value !== null;
}

interface PartialCategory {
  score: number | null;
  metrics: MetricBreakdown[];
}

function scoreCategory(category: HealthCategory, inputs: HealthInputs, config: ScoringConfig): PartialCategory {
  const keys = HEALTH_METRICS[category];
  let totalWeight = 0;
  for (const key of keys) {
    if (present(inputs[key])) totalWeight += config.health.metricWeights[key];
  }
  let score = 0;
  const metrics = keys.map((key): MetricBreakdown => {
    const input = inputs[key];
    if (!present(input)) return { key, input: null, score: null, weight: 0, points: 0 };
    const metricScore = interpolate(config.health.curves[key], input);
    const weight = totalWeight > 0 ? config.health.metricWeights[key] / totalWeight : 0;
    score += weight * metricScore;
    return { key, input, score: metricScore, weight, points: 0 };
  });
  return { score: totalWeight > 0 ? score : null, metrics };
}

/** Health score with full breakdown per DESIGN §4.1 (missing data redistributed, never guessed). */
export function computeHealth(inputs: HealthInputs, config: ScoringConfig = DEFAULT_SCORING_CONFIG): HealthResult {
  const partial = {} as Record<HealthCategory, PartialCategory>;
  let totalCatWeight = 0;
  for (const category of CATEGORIES) {
    const result = scoreCategory(category, inputs, config);
    partial[category] = result;
    if (result.score !== null) totalCatWeight += config.health.categoryWeights[category];
  }

  const categories = {} as Record<HealthCategory, CategoryBreakdown>;
  let health = 0;
  for (const category of CATEGORIES) {
    const { score, metrics } = partial[category];
    const scored = score !== null && totalCatWeight > 0;
    const weight = scored ? config.health.categoryWeights[category] / totalCatWeight : 0;
    if (scored) health += weight * score;
    categories[category] = {
      // A category an admin weighted 0 still shows its own score, but contributes nothing.
      score,
      weight,
      metrics: metrics.map((m) => ({ ...m, points: m.score === null ? 0 : m.weight * weight * m.score })),
    };
  }

  const finalScore = totalCatWeight > 0 ? roundHalfUp(health) : null;
  return { score: finalScore, tier: tierFor(finalScore, config), categories };
}

/** Trend of the health score against its value 30 days earlier (DESIGN §4.1). */
export function healthTrend(
  current: number | null,
  thirtyDaysAgo: number | null,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): HealthTrend {
  if (current === null || thirtyDaysAgo === null) return 'unknown';
  const change = current - thirtyDaysAgo;
  if (change <= -config.health.trendDelta) return 'declining';
  if (change >= config.health.trendDelta) return 'improving';
  return 'steady';
}
