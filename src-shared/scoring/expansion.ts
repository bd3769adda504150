import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './scoring-config';
import type { Tier } from './types';

export type ExpansionSignalKey = 'seats' | 'features' | 'volume' | 'nps';

export interface ExpansionSignal {
  key: ExpansionSignalKey;
  /** Usage ratio (0..1+) for seats/features/volume, the NPS answer for nps. */
  value: number;
  /** The value must be strictly above this to fire. */
  threshold: number;
}

export interface ExpansionInputs {
  seats?: number | null;
  seatsUsed?: number | null;
  planFeatureCount?: number | null;
  featuresUsed?: number | null;
  volumeLimit?: number | null;
  volumeUsed?: number | null;
  latestNps?: number | null;
}

export interface AdvocateInputs {
  tenureMonths: number | null;
  latestNps: number | null;
  /** Percent 0..100 of the plan's features used. */
  featureUsagePercent: number | null;
  renewalsCount: number | null;
}

const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function ratio(used: number | null | undefined, of: number | null | undefined): number | null {
  // A zero or unknown denominator means the plan has no limit on record: no signal.
  return num(used) && num(of) && of > 0 ? used / of : null;
}

/** Expansion signals that fired (DESIGN §4.5); unknown inputs never fire. */
export function expansionSignals(
  inputs: ExpansionInputs,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): ExpansionSignal[] {
  const e = config.expansion;
  const candidates: Array<[ExpansionSignalKey, number | null, number]> = [
    ['seats', ratio(inputs.seatsUsed, inputs.seats), e.seatsUsedRatio],
    ['features', ratio(inputs.featuresUsed, inputs.planFeatureCount), e.featuresUsedRatio],
    ['volume', ratio(inputs.volumeUsed, inputs.volumeLimit), e.volumeUsedRatio],
    ['nps', num(inputs.latestNps) ? inputs.latestNps : null, e.npsAbove],
  ];
  const fired: ExpansionSignal[] = [];
  for (const [key, value, threshold] of candidates) {
    if (value !== null && value > threshold) fired.push({ key, value, threshold });
  }
  return fired;
}

/** Expansion candidate: enough signals while in tier 3 (stable) or 4 (successful). */
export function isExpansionCandidate(
  signals: readonly ExpansionSignal[],
  tier: Tier,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): boolean {
  return (tier === 'stable' || tier === 'successful') && signals.length >= config.expansion.minSignals;
}

/** Advocate candidate (DESIGN §4.5); any unknown input means no. */
export function isAdvocate(inputs: AdvocateInputs, config: ScoringConfig = DEFAULT_SCORING_CONFIG): boolean {
  const a = config.advocacy;
  const { tenureMonths, latestNps, featureUsagePercent, renewalsCount } = inputs;
  return (
    num(tenureMonths) &&
    num(latestNps) &&
    num(featureUsagePercent) &&
    num(renewalsCount) &&
    tenureMonths > a.tenureMonthsAbove &&
    latestNps > a.npsAbove &&
    featureUsagePercent > a.featureUsageAbove &&
    renewalsCount >= a.minRenewals
  );
}
