export type TargetMetric =
  | 'nps'
  | 'csat'
  | 'ces'
  | 'monthly_churn'
  | 'renewal_rate'
  | 'cohort_m1'
  | 'cohort_m3'
  | 'cohort_m6'
  | 'cohort_m12';

export interface Target {
  /** Lowest value that meets the target (inclusive), if bounded below. */
  min?: number;
  /** Highest value that meets the target, if bounded above; exclusive when maxExclusive. */
  max?: number;
  maxExclusive?: boolean;
  /** Which side is good, so the UI can colour 'above'/'below'. */
  better: 'higher' | 'lower';
}

/** The seed targets of DESIGN §4.7; rates are fractions, like the retention functions return. */
export const SEED_TARGETS: Readonly<Record<TargetMetric, Target>> = {
  nps: { min: 70, max: 80, better: 'higher' },
  csat: { min: 4.5, better: 'higher' },
  ces: { max: 2, maxExclusive: true, better: 'lower' },
  monthly_churn: { max: 0.05, maxExclusive: true, better: 'lower' },
  renewal_rate: { min: 0.85, max: 0.9, better: 'higher' },
  cohort_m1: { min: 0.9, max: 0.95, better: 'higher' },
  cohort_m3: { min: 0.8, max: 0.85, better: 'higher' },
  cohort_m6: { min: 0.7, max: 0.75, better: 'higher' },
  cohort_m12: { min: 0.6, max: 0.65, better: 'higher' },
};

/** Where a value sits against its seed target range: below it, inside it ('meets') or above it. */
export function compareToTarget(
  metric: TargetMetric,
  value: number,
  targets: Readonly<Record<TargetMetric, Target>> = SEED_TARGETS,
): 'meets' | 'below' | 'above' {
  if (Number.isNaN(value)) throw new RangeError(`Invalid ${metric} value NaN`);
  const t = targets[metric];
  if (t.min !== undefined && value < t.min) return 'below';
  if (t.max !== undefined && (t.maxExclusive ? value >= t.max : value > t.max)) return 'above';
  return 'meets';
}

/** A target range as text ("70–80", "≥ 4.5", "< 2"), each bound written by `show`. */
export function targetRangeText(target: Target, show: (value: number) => string): string {
  if (target.min !== undefined && target.max !== undefined) return `${show(target.min)}–${show(target.max)}`;
  if (target.min !== undefined) return `≥ ${show(target.min)}`;
  return `${target.maxExclusive ? '<' : '≤'} ${show(target.max ?? 0)}`;
}
