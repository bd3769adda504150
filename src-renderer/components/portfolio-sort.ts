import type { PortfolioRow } from '../../src-shared/ipc/contract';

/**
 * Sort keys for the portfolio columns. Tier, risk band and plan sort by meaning, not by label;
 * a missing value is returned as undefined so the table keeps it last in either direction.
 */
const TIER_SEVERITY: Readonly<Record<PortfolioRow['tier'], number | undefined>> = {
  critical: 4,
  at_risk: 3,
  stable: 2,
  successful: 1,
  unscored: undefined,
};

const BAND_SEVERITY: Readonly<Record<PortfolioRow['riskBand'], number>> = {
  high: 3,
  medium: 2,
  low: 1,
  none: 0,
};

export const PLAN_RANK: Readonly<Record<PortfolioRow['plan'], number>> = {
  starter: 1,
  professional: 2,
  enterprise: 3,
};

/** Higher = more severe: band first, then the points inside the band. */
export function riskSortKey(row: PortfolioRow): number {
  return BAND_SEVERITY[row.riskBand] * 1000 + row.riskPoints;
}

export function tierSortKey(row: PortfolioRow): number | undefined {
  return TIER_SEVERITY[row.tier];
}

export function healthSortKey(row: PortfolioRow): number | undefined {
  return row.health ?? undefined;
}

/** Epoch milliseconds of the due date, so an ISO string with an offset still sorts correctly. */
export function touchpointSortKey(row: PortfolioRow): number | undefined {
  if (!row.nextTouchpoint) return undefined;
  const time = Date.parse(row.nextTouchpoint.dueAt);
  return Number.isNaN(time) ? undefined : time;
}

export function renewalSortKey(row: PortfolioRow): number | undefined {
  const time = Date.parse(row.renewalDate);
  return Number.isNaN(time) ? undefined : time;
}

export function escalationSortKey(row: PortfolioRow): number | undefined {
  return row.escalationLevel ?? undefined;
}
