import { storedTitle } from './touchpoint-titles';
import type { LoyaltyLevel, Tier } from '../scoring/types';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../scoring/scoring-config';
import { addUtcDays, utcDay } from './utc-date';

/**
 * Interval for an unscored account with no loyalty check-in (bronze): monthly, the cadence of a
 * stable account, so a new account without data is neither ignored nor over-contacted.
 */
export const UNSCORED_CHECK_IN_DAYS = 30;

/** Check-in interval in days: the shorter of the tier interval and the loyalty interval (DESIGN §4.4, §4.5). */
export function checkInIntervalDays(
  tier: Tier,
  loyalty: LoyaltyLevel,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): number {
  const loyaltyDays = config.loyalty.checkInDays[loyalty];
  // Unscored has no tier interval: the loyalty interval alone decides, else the monthly fallback.
  if (tier === 'unscored') return loyaltyDays ?? UNSCORED_CHECK_IN_DAYS;
  const tierDays = config.tiers.cadenceDays[tier];
  // Bronze has no CSM check-in of its own (null), so only the tier interval applies.
  return loyaltyDays === null ? tierDays : Math.min(tierDays, loyaltyDays);
}

export interface NextCheckInInput {
  lastCompletedCheckIn: Date | null;
  tier: Tier;
  loyalty: LoyaltyLevel;
  asOf: Date;
}

export interface NextCheckIn {
  dueAt: Date;
  intervalDays: number;
  /** True when dueAt falls on a UTC day before asOf's day (same rule as isOverdue). */
  overdue: boolean;
}

/**
 * Next recurring check-in. Due on the UTC calendar day `interval` days after the last completed
 * check-in's day (day granularity, so the time the call ended does not matter); with no completed
 * check-in the account is due now (dueAt = asOf, not overdue).
 */
export function nextCheckIn(
  input: NextCheckInInput,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): NextCheckIn {
  const intervalDays = checkInIntervalDays(input.tier, input.loyalty, config);
  if (input.lastCompletedCheckIn === null) {
    return { dueAt: new Date(input.asOf.getTime()), intervalDays, overdue: false };
  }
  const dueAt = addUtcDays(input.lastCompletedCheckIn, intervalDays);
  return { dueAt, intervalDays, overdue: dueAt.getTime() < utcDay(input.asOf).getTime() };
}

/** The stored title of a recurring check-in by its interval (shown as "Weekly check-in", "Seguimiento semanal"…). */
export function checkInTitle(intervalDays: number): string {
  return storedTitle({ key: 'checkIn', days: intervalDays });
}

/** The first recurring check-in is due when onboarding ends (DESIGN §4.4: onboarding has its own touchpoints). */
export function firstCheckInDue(contractStart: Date, config: ScoringConfig = DEFAULT_SCORING_CONFIG): Date {
  return addUtcDays(contractStart, config.schedule.onboardingDays);
}
