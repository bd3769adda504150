import type { Account } from './entities';
import type { AccountInputs } from './account-inputs';
import { interventionFor, type Intervention } from '../scoring/escalation';
import { expansionSignals, isAdvocate, isExpansionCandidate, type ExpansionSignal } from '../scoring/expansion';
import { loyaltyFor, type LoyaltyStatus } from '../scoring/loyalty';
import type { ScoringConfig } from '../scoring/scoring-config';
import type { RiskBand, Tier } from '../scoring/types';
import { utcDaysBetween } from '../schedule/utc-date';

/** What an account's page shows beside its scores: loyalty, expansion, advocacy, the intervention due. */
export interface AccountSignals {
  loyalty: LoyaltyStatus;
  expansion: ExpansionSignal[];
  expansionCandidate: boolean;
  advocate: boolean;
  intervention: Intervention;
  /** Whole UTC days to the renewal date (negative once past). */
  daysToRenewal: number;
}

/** The signals of DESIGN §4.3-§4.5 for one account, from the same inputs its scores came from. */
export function accountSignals(
  account: Pick<Account, 'contractStart' | 'renewalDate' | 'seats' | 'seatsUsed' | 'planFeatureCount' | 'renewalsCount'>,
  inputs: AccountInputs,
  scores: { tier: Tier; riskBand: RiskBand; maxOpenEscalationLevel: number | null },
  asOf: Date,
  config: ScoringConfig,
): AccountSignals {
  const loyalty = loyaltyFor(new Date(account.contractStart), asOf, config);
  const latestNps = inputs.risk.latest_nps ?? null;
  const volumePercent = inputs.health.data_volume;
  const expansion = expansionSignals(
    {
      seats: account.seats,
      seatsUsed: account.seatsUsed,
      planFeatureCount: account.planFeatureCount,
      featuresUsed: inputs.risk.features_used_30d ?? null,
      // data_volume is already a percentage of the plan's limit.
      volumeLimit: volumePercent === undefined ? null : 100,
      volumeUsed: volumePercent ?? null,
      latestNps,
    },
    config,
  );
  const daysToRenewal = utcDaysBetween(asOf, new Date(account.renewalDate));
  return {
    loyalty,
    expansion,
    expansionCandidate: isExpansionCandidate(expansion, scores.tier, config),
    advocate: isAdvocate(
      { tenureMonths: loyalty.months, latestNps, featureUsagePercent: inputs.health.feature_adoption ?? null, renewalsCount: account.renewalsCount },
      config,
    ),
    intervention: interventionFor({ riskBand: scores.riskBand, tier: scores.tier, daysToRenewal, maxOpenEscalationLevel: scores.maxOpenEscalationLevel }, config),
    daysToRenewal,
  };
}
