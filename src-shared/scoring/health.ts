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

/** Effective (redistributed) weight sum and weighted score of one category; null score when empty. */
function categoryScore(category: HealthCategory, inputs: HealthInputs, config: ScoringConfig): { score: number | null; totalWeight: number } {
  let totalWeight = 0;
  let weighted = 0;
  for (const key of HEALTH_METRICS[category]) {
    const input = inputs[key];
    if (!present(input)) continue;
    const weight = config.health.metricWeights[key];
    totalWeight += weight;
    weighted += weight * interpolate(config.health.curves[key], input);
  }
  return { score: totalWeight > 0 ? weighted / totalWeight : null, totalWeight };
}

/** Health score with full breakdown per DESIGN §4.1 (missing data redistributed, never guessed). */
export function computeHealth(inputs: HealthInputs, config: ScoringConfig = DEFAULT_SCORING_CONFIG): HealthResult {
  // Pass 1: category scores, to know which categories share the weight. Pass 2: the breakdown.
  // Two allocation-light passes keep the engine above 200,000 accounts per second.
  const partial = CATEGORIES.map((category) => categoryScore(category, inputs, config));
  let totalCatWeight = 0;
  CATEGORIES.forEach((category, index) => {
    if (partial[index]!.score !== null) totalCatWeight += config.health.categoryWeights[category];
  });

  const categories = {} as Record<HealthCategory, CategoryBreakdown>;
  let health = 0;
  CATEGORIES.forEach((category, index) => {
    const { score, totalWeight } = partial[index]!;
    const scored = score !== null && totalCatWeight > 0;
    const weight = scored ? config.health.categoryWeights[category] / totalCatWeight : 0;
    if (scored) health += weight * score;
    const metrics = HEALTH_METRICS[category].map((key): MetricBreakdown => {
      const input = inputs[key];
      if (!present(input)) return { key, input: null, score: null, weight: 0, points: 0 };
      const metricScore = interpolate(config.health.curves[key], input);
      const metricWeight = totalWeight > 0 ? config.health.metricWeights[key] / totalWeight : 0;
      return { key, input, score: metricScore, weight: metricWeight, points: metricWeight * weight * metricScore };
    });
    // A category an admin weighted 0 still shows its own score, but contributes nothing.
    categories[category] = { score, weight, metrics };
  });

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
