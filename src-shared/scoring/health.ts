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

/** Health score with full breakdown per DESIGN §4.1 (missing data redistributed, never guessed). */
export function computeHealth(inputs: HealthInputs, config: ScoringConfig = DEFAULT_SCORING_CONFIG): HealthResult {
  // Plain loops and one breakdown object per metric: the engine scores 5,000 accounts on every
  // recompute and must stay above 200,000 accounts per second (DESIGN §5).
  const { metricWeights, curves, categoryWeights } = config.health;
  const categoryScores: Array<number | null> = [];
  const categoryMetricWeights: number[] = [];
  const metricScores: Array<number | null> = [];
  let totalCatWeight = 0;
  for (const category of CATEGORIES) {
    let totalWeight = 0;
    let weighted = 0;
    for (const key of HEALTH_METRICS[category]) {
      const input = inputs[key];
      const score = present(input) ? interpolate(curves[key], input) : null;
      metricScores.push(score);
      if (score === null) continue;
      totalWeight += metricWeights[key];
      weighted += metricWeights[key] * score;
    }
    const categoryScore = totalWeight > 0 ? weighted / totalWeight : null;
    categoryScores.push(categoryScore);
    categoryMetricWeights.push(totalWeight);
    if (categoryScore !== null) totalCatWeight += categoryWeights[category];
  }

  const categories = {} as Record<HealthCategory, CategoryBreakdown>;
  let health = 0;
  let metricIndex = 0;
  for (let c = 0; c < CATEGORIES.length; c++) {
    const category = CATEGORIES[c]!;
    const score = categoryScores[c] ?? null;
    const totalWeight = categoryMetricWeights[c]!;
    const weight = score !== null && totalCatWeight > 0 ? categoryWeights[category] / totalCatWeight : 0;
    if (score !== null) health += weight * score;
    const metrics: MetricBreakdown[] = [];
    for (const key of HEALTH_METRICS[category]) {
      const metricScore = metricScores[metricIndex++] ?? null;
      if (metricScore === null) {
        metrics.push({ key, input: null, score: null, weight: 0, points: 0 });
        continue;
      }
      const metricWeight = totalWeight > 0 ? metricWeights[key] / totalWeight : 0;
      metrics.push({ key, input: inputs[key] as number, score: metricScore, weight: metricWeight, points: metricWeight * weight * metricScore });
    }
    // A category an admin weighted 0 still shows its own score, but contributes nothing.
    categories[category] = { score, weight, metrics };
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
