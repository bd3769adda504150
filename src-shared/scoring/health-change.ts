import type { HealthCategory, HealthMetricKey, HealthResult } from './types';

/** One health metric then and now, and the points it moved the score by. */
export interface MetricChange {
  category: HealthCategory;
  key: HealthMetricKey;
  inputBefore: number | null;
  inputNow: number | null;
  scoreBefore: number | null;
  scoreNow: number | null;
  /**
   * How many points of today's score the metric's move is worth: its score change at today's
   * weights. (Comparing raw contributions would blame a metric for weight shifting to another that
   * gained data.) A metric with data on one side only counts its contribution on that side.
   */
  pointsDelta: number;
}

/**
 * What changed in an account's health since `before` (DESIGN §4.1 trend window), metric by metric,
 * the largest move first, so a drop explains itself. Empty when there is nothing to compare with.
 */
export function healthChanges(now: HealthResult, before: HealthResult | null): MetricChange[] {
  if (!before) return [];
  const changes: MetricChange[] = [];
  for (const category of Object.keys(now.categories) as HealthCategory[]) {
    const thenMetrics = new Map(before.categories[category].metrics.map((m) => [m.key, m]));
    const categoryWeight = now.categories[category].weight;
    for (const metric of now.categories[category].metrics) {
      const then = thenMetrics.get(metric.key);
      const both = metric.score !== null && then?.score !== null && then?.score !== undefined;
      changes.push({
        category,
        key: metric.key,
        inputBefore: then?.input ?? null,
        inputNow: metric.input,
        scoreBefore: then?.score ?? null,
        scoreNow: metric.score,
        pointsDelta: both ? (metric.score! - then.score!) * metric.weight * categoryWeight : metric.points - (then?.points ?? 0),
      });
    }
  }
  return changes.sort((a, b) => Math.abs(b.pointsDelta) - Math.abs(a.pointsDelta) || a.key.localeCompare(b.key));
}

/** The metric that moved the score most since `before`, or null when none moved. */
export function biggestMover(now: HealthResult, before: HealthResult | null): MetricChange | null {
  const [first] = healthChanges(now, before);
  return first && Math.abs(first.pointsDelta) >= 0.05 ? first : null;
}
