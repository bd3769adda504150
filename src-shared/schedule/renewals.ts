import type { Tier } from '../scoring/types';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../scoring/scoring-config';
import type { UpsellOffer } from './labels';
import { addUtcDays, addUtcMonths, utcDay, utcQuarter } from './utc-date';

/** Offers in the order of config.schedule.upsellMonths (3, 6, 9, 12 by default). */
export const UPSELL_OFFERS: readonly UpsellOffer[] = [
  'advanced_features',
  'higher_plan',
  'additional_services',
  'enterprise_plan',
];

export interface UpsellMoment {
  month: number;
  offer: UpsellOffer;
  dueAt: Date;
  /** True unless the account is tier 3 (stable) or 4 (successful): shown, but not to be pitched. */
  held: boolean;
}

/**
 * Upsell reviews at the configured months after contract start (UTC calendar months, clamped to
 * month end). Offers pair with months by position; months beyond the fourth reuse the last offer.
 */
export function upsellMoments(
  input: { contractStart: Date; tier: Tier },
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): UpsellMoment[] {
  const held = input.tier !== 'stable' && input.tier !== 'successful';
  const lastOffer = UPSELL_OFFERS[UPSELL_OFFERS.length - 1] ?? 'enterprise_plan';
  return config.schedule.upsellMonths.map((month, i) => ({
    month,
    offer: UPSELL_OFFERS[i] ?? lastOffer,
    dueAt: addUtcMonths(input.contractStart, month),
    held,
  }));
}

export interface RenewalTouchpoint {
  key: 'renewal_prep' | 'renewal_call';
  kind: 'renewal' | 'call';
  daysBefore: number;
  dueAt: Date;
}

/**
 * Renewal prep (90 days before) and renewal call (30 days before) as UTC days. When contractStart
 * is given, a touchpoint that would fall before the contract's first day (a contract shorter than
 * the lead time) is due on that first day instead, so nothing is scheduled before the contract.
 */
export function renewalTouchpoints(
  renewalDate: Date,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
  contractStart?: Date,
): RenewalTouchpoint[] {
  const floor = contractStart ? utcDay(contractStart).getTime() : -Infinity;
  const at = (daysBefore: number): Date => {
    const due = addUtcDays(renewalDate, -daysBefore);
    return due.getTime() < floor ? new Date(floor) : due;
  };
  return [
    { key: 'renewal_prep', kind: 'renewal', daysBefore: config.schedule.renewalPrepDays, dueAt: at(config.schedule.renewalPrepDays) },
    { key: 'renewal_call', kind: 'call', daysBefore: config.schedule.renewalCallDays, dueAt: at(config.schedule.renewalCallDays) },
  ];
}

export interface QbrStatus {
  due: boolean;
  /** 'YYYY-Qn' of asOf (UTC calendar quarter). */
  quarter: string;
  /** Last day of that quarter, 00:00Z. */
  dueBy: Date;
}

/**
 * One QBR per account per calendar quarter: due unless the last QBR was held on or after the first
 * day of asOf's quarter (UTC).
 */
export function qbrDue(input: { lastQbrAt: Date | null; asOf: Date }): QbrStatus {
  const q = utcQuarter(input.asOf);
  const heldThisQuarter = input.lastQbrAt !== null && input.lastQbrAt.getTime() >= q.start.getTime();
  return { due: !heldThisQuarter, quarter: q.key, dueBy: q.lastDay };
}
