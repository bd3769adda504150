import { DEFAULT_SCORING_CONFIG } from '../scoring/scoring-config';
import { MS_PER_DAY, addUtcMonths } from '../schedule/utc-date';
import { dateOf, dayOf, isoAt, isoDay } from './demo-days';
import type { AccountRecord } from './demo-records';
import type { Team } from './demo-team';
import { SeededRandom } from './seeded-random';
import { INDUSTRIES, companyDomain, companyName, type NoteLanguage } from './demo-text';

export type TargetTier = 'critical' | 'at_risk' | 'stable' | 'successful';
export type Trajectory = 'steady' | 'declining' | 'improving';
export type Cohort = 'active' | 'onboarding' | 'churned';

/** Everything the history generators need to know about one account, decided up front. */
export interface AccountProfile {
  index: number;
  record: AccountRecord;
  cohort: Cohort;
  tier: TargetTier;
  /** Latent health level the metrics aim at on the last observed day. */
  targetLevel: number;
  trajectory: Trajectory;
  startDay: number;
  /** Last day with history: churn day for churned accounts, as-of otherwise. */
  endDay: number;
  lang: NoteLanguage;
  supportSpike: boolean;
  championLeftRecently: boolean;
  /** A CSM running behind on this account: some of its recent touchpoints are still open. */
  lagging: boolean;
  missing: 'none' | 'all' | 'business' | 'api_calls' | 'surveys_engagement';
}

const PLAN_SPECS = {
  starter: { arr: [6_000, 24_000], seats: [5, 25], features: 10, volume: 10_000 },
  professional: { arr: [24_000, 96_000], seats: [20, 150], features: 25, volume: 100_000 },
  enterprise: { arr: [100_000, 480_000], seats: [150, 1_500], features: 40, volume: 1_000_000 },
} as const;

const TIER_LEVELS: Record<TargetTier, readonly [number, number]> = {
  critical: [30, 56],
  at_risk: [63, 77],
  stable: [79, 85],
  successful: [91.5, 97],
};

const SEAT_USE: Record<TargetTier, readonly [number, number]> = {
  critical: [0.3, 0.7],
  at_risk: [0.5, 0.8],
  stable: [0.65, 0.9],
  successful: [0.8, 1],
};

/** Exact shares (not coin flips) so even a 60-account book has every cohort and tier. */
function quotaList<T>(n: number, shares: ReadonlyArray<readonly [T, number]>, rng: SeededRandom): T[] {
  const out: T[] = [];
  shares.forEach(([value, share], i) => {
    const count = i === shares.length - 1 ? n - out.length : Math.min(n - out.length, Math.round(n * share));
    for (let k = 0; k < count; k += 1) out.push(value);
  });
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

const SCHEDULE = DEFAULT_SCORING_CONFIG.schedule;
/** Share of accounts whose CSM is behind (some recent touchpoints left open). */
const LAGGING_SHARE = 0.06;

export function buildAccountProfiles(seed: number, count: number, asOfDay: number, team: Team): AccountProfile[] {
  const bookRng = SeededRandom.derive(seed, 0xb00c);
  const cohorts = quotaList<Cohort>(count, [['onboarding', 0.05], ['churned', 0.08], ['active', 0.87]], bookRng);
  const tiers = quotaList<TargetTier>(
    count,
    // About two thirds healthy (stable or successful), as a CSM's real book is.
    [['critical', 0.1], ['at_risk', 0.23], ['stable', 0.4], ['successful', 0.27]],
    bookRng,
  );
  // Fewer than one account in ten has overdue work: a real Monday, not a backlog.
  const lagging = quotaList<boolean>(count, [[true, LAGGING_SHARE], [false, 1 - LAGGING_SHARE]], bookRng);
  const names = new Set<string>();
  const domains = new Set<string>();
  let unscoredLeft = count >= 100 ? 2 : 1;
  const profiles: AccountProfile[] = [];

  for (let index = 0; index < count; index += 1) {
    const rng = SeededRandom.derive(seed, 1, index);
    const cohort = cohorts[index] ?? 'active';
    // Churned accounts mostly slid into trouble before leaving.
    const tier: TargetTier =
      cohort === 'churned' ? rng.weighted<TargetTier>([['critical', 6], ['at_risk', 3], ['stable', 1]]) : (tiers[index] ?? 'stable');
    const plan = rng.weighted<AccountRecord['plan']>([['starter', 50], ['professional', 35], ['enterprise', 15]]);
    const spec = PLAN_SPECS[plan];
    const name = companyName(rng, names);
    const domain = companyDomain(rng, name, domains);

    const tenureDays =
      cohort === 'onboarding' ? rng.int(0, SCHEDULE.onboardingDays - 1)
        : cohort === 'churned' ? rng.int(400, 1_275) : rng.int(SCHEDULE.onboardingDays + 1, 1_275);
    const startDay = asOfDay - tenureDays;
    const start = dateOf(startDay);
    const anniversaries: number[] = [];
    for (let k = 1; ; k += 1) {
      const day = dayOf(addUtcMonths(start, 12 * k));
      anniversaries.push(day);
      if (day > asOfDay) break;
    }
    const passed = anniversaries.filter((d) => d <= asOfDay - 14);
    let churnDay: number | null = null;
    let renewalDay = anniversaries[anniversaries.length - 1] ?? asOfDay + 365;
    let renewalsCount = anniversaries.filter((d) => d <= asOfDay).length;
    if (cohort === 'churned' && passed.length > 0) {
      const k = rng.int(0, passed.length - 1);
      churnDay = passed[k] ?? null;
      renewalDay = churnDay ?? renewalDay;
      renewalsCount = k;
    }

    const seats = rng.int(spec.seats[0], spec.seats[1]);
    const [useLo, useHi] = SEAT_USE[tier];
    const onboarding = cohort === 'onboarding';
    const lifecycleStage: AccountRecord['lifecycleStage'] =
      churnDay !== null ? 'churned'
        : onboarding ? 'onboarding'
          : renewalDay - asOfDay <= SCHEDULE.renewalPrepDays ? 'renewal'
            : tenureDays > 365 ? 'growth' : 'adoption';
    const competitor = churnDay === null && rng.chance({ critical: 0.2, at_risk: 0.08, stable: 0.02, successful: 0.005 }[tier]);
    const overdueRoll = rng.next();
    const overdueChance = { critical: 0.18, at_risk: 0.09, stable: 0.04, successful: 0.02 }[tier];
    const paymentOverdueDays = churnDay !== null ? 0 : overdueRoll < overdueChance ? rng.int(16, 75) : overdueRoll < overdueChance + 0.05 ? rng.int(1, 15) : 0;

    let missing: AccountProfile['missing'] = 'none';
    if (!onboarding && churnDay === null && unscoredLeft > 0 && index % 37 === 11) {
      missing = 'all';
      unscoredLeft -= 1;
    } else {
      const roll = rng.next();
      missing = roll < 0.03 ? 'business' : roll < 0.06 ? 'api_calls' : roll < 0.08 ? 'surveys_engagement' : 'none';
    }

    const [lo, hi] = TIER_LEVELS[tier];
    const trajectory: Trajectory = onboarding
      ? 'steady'
      : rng.weighted<Trajectory>(
        tier === 'critical' || tier === 'at_risk'
          ? [['steady', 6], ['declining', 3], ['improving', 1]]
          : [['steady', 14], ['declining', 1], ['improving', 1]],
      );
    const createdDay = startDay - rng.int(3, 20);
    const arrRaw = rng.int(spec.arr[0], spec.arr[1]);
    profiles.push({
      index,
      cohort,
      tier,
      targetLevel: rng.float(lo, hi),
      trajectory,
      startDay,
      endDay: churnDay ?? asOfDay,
      lang: rng.chance(0.5) ? 'es' : 'en',
      supportSpike: churnDay === null && rng.chance(tier === 'critical' ? 0.25 : tier === 'at_risk' ? 0.12 : 0.03),
      championLeftRecently: churnDay === null && !onboarding && rng.chance(tier === 'critical' || tier === 'at_risk' ? 0.12 : 0.02),
      lagging: lagging[index] ?? false,
      missing,
      record: {
        id: rng.uuidV7(createdDay * MS_PER_DAY + rng.int(0, MS_PER_DAY - 1)),
        name,
        domain,
        industry: rng.pick(INDUSTRIES),
        plan,
        arr: Math.round(arrRaw / 100) * 100,
        seats,
        seatsUsed: Math.min(seats, Math.round(seats * rng.float(useLo, useHi))),
        planFeatureCount: spec.features,
        volumeLimit: spec.volume,
        contractStart: isoDay(startDay),
        renewalDate: isoDay(renewalDay),
        renewalsCount,
        lifecycleStage,
        ownerId: rng.pick(team.bookOwnerIds),
        status: churnDay === null ? 'active' : 'churned',
        churnedAt: churnDay === null ? null : isoAt(churnDay, 17 * 60),
        competitorEvaluation: competitor,
        paymentOverdueDays,
        createdAt: isoAt(createdDay, 10 * 60),
        updatedAt: isoAt(churnDay ?? Math.max(startDay, asOfDay - rng.int(0, 30)), 11 * 60),
      },
    });
  }
  return profiles;
}
