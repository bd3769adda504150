import type { RiskBand, Tier } from '../scoring/types';
import { utcDay } from './utc-date';

export type TouchpointStatus = 'planned' | 'done' | 'skipped' | 'cancelled';

const CLOSED_STATUSES: ReadonlySet<string> = new Set<TouchpointStatus>(['done', 'skipped', 'cancelled']);

/** Overdue = due before the start of today's UTC day and still open (not done, skipped or cancelled). */
export function isOverdue(item: { dueAt: Date; status: TouchpointStatus }, today: Date): boolean {
  return !CLOSED_STATUSES.has(item.status) && item.dueAt.getTime() < utcDay(today).getTime();
}

/** Rank by response time of the band (DESIGN §4.3): immediately, 24 h, 48 h, none. */
const BAND_RANK: Readonly<Record<RiskBand, number>> = { high: 0, medium: 1, low: 2, none: 3 };
const TIER_RANK: Readonly<Record<Tier, number>> = { critical: 0, at_risk: 1, stable: 2, successful: 3, unscored: 4 };

export interface DayWorkItem {
  riskBand: RiskBand;
  tier: Tier;
  arr: number;
  dueAt: Date;
}

/** Orders the day's work: risk-band response time, then tier, then ARR descending, then dueAt ascending. Returns a new array. */
export function sortDayWork<T extends DayWorkItem>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      BAND_RANK[a.riskBand] - BAND_RANK[b.riskBand] ||
      TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
      b.arr - a.arr ||
      a.dueAt.getTime() - b.dueAt.getTime(),
  );
}
