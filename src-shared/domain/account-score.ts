import { computeHealth } from '../scoring/health';
import { MS_PER_DAY } from '../schedule/utc-date';
import { computeRisk } from '../scoring/risk';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../scoring/scoring-config';
import type { HealthResult, RiskInputs, RiskResult } from '../scoring/types';
import { assembleAccountInputs, type AccountFacts, type AccountInputs } from './account-inputs';

/** Account fields that feed risk signals directly (server-owned commercial flags). */
export interface AccountRiskFlags {
  paymentOverdueDays: number;
  competitorEvaluation: boolean;
}

export interface AccountScore {
  health: HealthResult;
  risk: RiskResult;
  /** Health one trend window earlier with its breakdown (what changed, the trend); null when not asked for. */
  healthBefore: HealthResult | null;
}

const NO_FACTS: AccountFacts = { observations: [], latestSurvey: {}, championDepartedAt: null };

/** Risk inputs of an account: its stored observations plus its commercial flags. */
export function riskInputsFor(inputs: AccountInputs, flags: AccountRiskFlags): RiskInputs {
  return {
    ...inputs.risk,
    payment_overdue_days: flags.paymentOverdueDays,
    competitor_evaluation: flags.competitorEvaluation,
  };
}

/**
 * Scores one account from its cached facts on `asOf`; the one place that composes health and risk.
 * `previous` holds the facts as they stood one trend window earlier (null when not needed).
 */
export function scoreAccount(
  current: AccountFacts | null,
  previous: AccountFacts | null,
  flags: AccountRiskFlags,
  asOf: Date,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): AccountScore & { inputs: AccountInputs } {
  const inputs = assembleAccountInputs(current ?? NO_FACTS, asOf);
  const before = previous
    ? assembleAccountInputs(previous, new Date(asOf.getTime() - config.health.trendWindowDays * MS_PER_DAY))
    : null;
  return {
    inputs,
    health: computeHealth(inputs.health, config),
    risk: computeRisk(riskInputsFor(inputs, flags), config),
    healthBefore: before ? computeHealth(before.health, config) : null,
  };
}

/** True while the account is in its first `onboardingDays` after purchase (DESIGN §4.4). */
export function isOnboarding(contractStart: string, asOf: Date, onboardingDays: number): boolean {
  const started = Date.parse(contractStart);
  return started <= asOf.getTime() && asOf.getTime() - started < onboardingDays * MS_PER_DAY;
}
