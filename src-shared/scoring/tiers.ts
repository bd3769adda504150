import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './scoring-config';
import type { Tier } from './types';

export type ScoredTier = Exclude<Tier, 'unscored'>;

/** Tier of a (rounded) health score per DESIGN §4.2; null → 'unscored'. */
export function tierFor(score: number | null, config: ScoringConfig = DEFAULT_SCORING_CONFIG): Tier {
  if (score === null) return 'unscored';
  const t = config.tiers;
  if (score < t.atRiskFrom) return 'critical';
  if (score < t.stableFrom) return 'at_risk';
  if (score <= t.stableTo) return 'stable';
  return 'successful';
}

const TIER_NUMBERS: Record<ScoredTier, 1 | 2 | 3 | 4> = {
  critical: 1,
  at_risk: 2,
  stable: 3,
  successful: 4,
};

/** DESIGN's tier number (1 critical … 4 successful); null when unscored. */
export function tierNumber(tier: Tier): 1 | 2 | 3 | 4 | null {
  return tier === 'unscored' ? null : TIER_NUMBERS[tier];
}

export type TierCadence = 'weekly' | 'biweekly' | 'monthly' | 'quarterly';
export type TierAction =
  | 'immediate_intervention'
  | 'active_monitoring'
  | 'continuous_optimization'
  | 'expansion_and_references';
export type TierResource = 'csm' | 'executive' | 'technical_support' | 'consulting' | 'marketing';

export interface TierPlaybookEntry {
  cadence: TierCadence;
  action: TierAction;
  resources: readonly TierResource[];
}

/** What each tier calls for (DESIGN §4.2); day intervals live in config.tiers.cadenceDays. */
export const TIER_PLAYBOOK: Readonly<Record<ScoredTier, TierPlaybookEntry>> = {
  critical: { cadence: 'weekly', action: 'immediate_intervention', resources: ['csm', 'executive'] },
  at_risk: { cadence: 'biweekly', action: 'active_monitoring', resources: ['csm', 'technical_support'] },
  stable: { cadence: 'monthly', action: 'continuous_optimization', resources: ['csm', 'consulting'] },
  successful: {
    cadence: 'quarterly',
    action: 'expansion_and_references',
    resources: ['csm', 'executive', 'marketing'],
  },
};
