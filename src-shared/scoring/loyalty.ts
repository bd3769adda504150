import { utcWholeMonthsBetween } from '../schedule/utc-date';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './scoring-config';
import type { LoyaltyLevel } from './types';

export type LoyaltyPerk =
  | 'standard_support'
  | 'monthly_newsletter'
  | 'priority_support'
  | 'account_manager'
  | 'vip_support_24_7';

export interface LoyaltyStatus {
  level: LoyaltyLevel;
  /** Whole months since contract start (0 before the start). */
  months: number;
  discountPercent: number;
  /** Days between CSM check-ins; null = none (bronze). */
  checkInDays: number | null;
  perks: readonly LoyaltyPerk[];
}

/** Perks per level (DESIGN §4.5); discount and check-in cadence come from config. */
export const LOYALTY_PERKS: Readonly<Record<LoyaltyLevel, readonly LoyaltyPerk[]>> = {
  bronze: ['standard_support', 'monthly_newsletter'],
  silver: ['priority_support'],
  gold: ['account_manager'],
  platinum: ['vip_support_24_7'],
};

const LEVELS_HIGH_FIRST: LoyaltyLevel[] = ['platinum', 'gold', 'silver', 'bronze'];

/** Loyalty level by whole months since contract start (DESIGN §4.5). */
export function loyaltyFor(
  contractStart: Date,
  asOf: Date,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): LoyaltyStatus {
  // UTC calendar months, so the level never depends on the machine's time zone.
  const months = utcWholeMonthsBetween(contractStart, asOf);
  const level = LEVELS_HIGH_FIRST.find((l) => months >= config.loyalty.fromMonths[l]) ?? 'bronze';
  return {
    level,
    months,
    discountPercent: config.loyalty.discountPercent[level],
    checkInDays: config.loyalty.checkInDays[level],
    perks: LOYALTY_PERKS[level],
  };
}
