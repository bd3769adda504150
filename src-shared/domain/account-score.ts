import { computeHealth } from '../scoring/health';
import { computeRisk } from '../scoring/risk';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../scoring/scoring-config';
import type { HealthResult, RiskInputs, RiskResult } from '../scoring/types';
import type { AccountInputs } from './account-inputs';

/** Account fields that feed risk signals directly (server-owned commercial flags). */
export interface AccountRiskFlags {
  paymentOverdueDays: number;
  competitorEvaluation: boolean;
}

export interface AccountScore {
  health: HealthResult;
  risk: RiskResult;
  /** Health 30 days earlier, for the trend; null when unscored then. */
  healthThirtyDaysAgo: number | null;
}

const NO_INPUTS: AccountInputs = { health: {}, risk: {} };

/** Risk inputs of an account: its stored observations plus its commercial flags. */
export function riskInputsFor(inputs: AccountInputs, flags: AccountRiskFlags): RiskInputs {
  return {
    ...inputs.risk,
    payment_overdue_days: flags.paymentOverdueDays,
    competitor_evaluation: flags.competitorEvaluation,
  };
}

/** Scores one account from its cached inputs; the one place that composes health and risk. */
export function scoreAccount(
  current: AccountInputs | null,
  previous: AccountInputs | null,
  flags: AccountRiskFlags,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): AccountScore {
  const now = current ?? NO_INPUTS;
  return {
    health: computeHealth(now.health, config),
    risk: computeRisk(riskInputsFor(now, flags), config),
    healthThirtyDaysAgo: previous ? computeHealth(previous.health, config).score : null,
  };
}

/** True while the account is in its first `onboardingDays` after purchase (DESIGN §4.4). */
export function isOnboarding(contractStart: string, asOf: Date, onboardingDays: number): boolean {
  const started = Date.parse(contractStart);
  return started <= asOf.getTime() && asOf.getTime() - started < onboardingDays * 86_400_000;
}
