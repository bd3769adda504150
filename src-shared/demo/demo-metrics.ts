import { DEFAULT_SCORING_CONFIG, type CurvePoints } from '../scoring/scoring-config';
import type { HealthMetricKey } from '../scoring/types';
import type { AccountProfile } from './demo-accounts';
import { isoDay } from './demo-days';
import type { DemoRecordSink } from './demo-records';
import type { SeededRandom } from './seeded-random';

/** Three years of weekly observations, as in the bench's reference book (DESIGN §5). */
export const HISTORY_WEEKS = 156;

export type LevelFn = (day: number) => number;

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * The account's latent health over time (0-100). Metrics are drawn around it through the inverse
 * of the engine's own curves, so the computed health lands in the archetype's tier.
 */
export function levelFunction(profile: AccountProfile, rng: SeededRandom): LevelFn {
  const { targetLevel, trajectory, endDay, startDay, cohort } = profile;
  const drop = rng.float(14, 26);
  const declineDays = cohort === 'churned' ? rng.int(90, 150) : rng.int(45, 60);
  const riseDays = rng.int(60, 120);
  const drift = rng.float(-5, 5);
  const phase = rng.float(0, Math.PI * 2);
  const amplitude = rng.float(0.5, 2.5);
  return (day: number): number => {
    const ago = endDay - day;
    let level = targetLevel + (drift * ago) / 365 + amplitude * Math.sin(phase + day / 29);
    if (trajectory === 'declining') level += drop * clamp(ago / declineDays, 0, 1);
    if (trajectory === 'improving') level -= drop * clamp(ago / riseDays, 0, 1);
    // New customers ramp up during their first weeks.
    const age = day - startDay;
    if (age < 45) level -= (45 - age) / 4;
    return clamp(level, 5, 99);
  };
}

/** Input that a monotone curve maps to `score` (the first x reaching it). */
function invertCurve(curve: CurvePoints, score: number): number {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (!first || !last) return 0;
  if (score <= first[1]) return first[0];
  for (let i = 1; i < curve.length; i += 1) {
    const lo = curve[i - 1];
    const hi = curve[i];
    if (!lo || !hi) continue;
    if (score <= hi[1] && hi[1] > lo[1]) return lo[0] + ((score - lo[1]) / (hi[1] - lo[1])) * (hi[0] - lo[0]);
  }
  return last[0];
}

const CURVES = DEFAULT_SCORING_CONFIG.health.curves;
const round2 = (x: number): number => Math.round(x * 100) / 100;

const SCORED_KEYS: readonly HealthMetricKey[] = [
  'login_frequency', 'feature_adoption', 'data_volume', 'api_calls', 'training_sessions',
  'feedback_participation', 'community_engagement', 'roi_achievement', 'goal_completion',
  'revenue_impact', 'cost_savings',
];
const BUSINESS_KEYS = new Set(['roi_achievement', 'goal_completion', 'revenue_impact', 'cost_savings']);

/** Week days of the history grid (aligned on as-of so the newest value is "today"). */
export function weekDays(profile: AccountProfile, asOfDay: number): number[] {
  const days: number[] = [];
  for (let k = HISTORY_WEEKS - 1; k >= 0; k -= 1) {
    const day = asOfDay - 7 * k;
    if (day >= profile.startDay && day <= profile.endDay) days.push(day);
  }
  return days;
}

/**
 * Emits every stored metric key for every week of the account's life, or of its last `keepWeeks`
 * weeks, in primary-key order (key, then date) so a store's metrics table is filled by appends.
 * The whole history is drawn either way, so a kept value is the full book's value. Returns how many
 * it emitted.
 */
export function emitMetrics(
  sink: DemoRecordSink,
  profile: AccountProfile,
  level: LevelFn,
  rng: SeededRandom,
  asOfDay: number,
  keepWeeks = HISTORY_WEEKS,
): number {
  if (profile.missing === 'all') return 0;
  const days = weekDays(profile, asOfDay);
  const n = days.length;
  const series = new Map<string, number[]>();
  const put = (key: string, w: number, value: number): void => {
    let arr = series.get(key);
    if (!arr) series.set(key, (arr = new Array<number>(n).fill(0)));
    arr[w] = value;
  };
  const { seatsUsed, planFeatureCount } = profile.record;
  const users = Math.max(1, seatsUsed);
  const offsets = new Map<string, number>();
  const noise = new Map<string, number>();
  for (const key of SCORED_KEYS) {
    offsets.set(key, rng.normal(0, Math.min(8, (100 - profile.targetLevel) / 2.5)));
    noise.set(key, 0);
  }
  const hoursFactor = rng.float(0.35, 0.6);
  // Struggling accounts either go quiet or flood support; few flip between the two.
  const noisyTickets = rng.chance(0.5);
  const spikeFrom = profile.supportSpike ? asOfDay - 28 : Number.POSITIVE_INFINITY;

  for (let w = 0; w < n; w += 1) {
    const day = days[w] as number;
    const L = level(day);
    const scoreFor = (key: HealthMetricKey): number => {
      // AR(1) noise: weekly values wander smoothly instead of jumping.
      const e = (noise.get(key) ?? 0) * 0.7 + rng.normal(0, 3);
      noise.set(key, e);
      return clamp(L + (offsets.get(key) ?? 0) + e, 0, 100);
    };
    // A declining account's usage falls off a step in its last month, so usage_decline fires.
    const dropOff = profile.trajectory === 'declining' && profile.endDay - day < 25 ? 0.65 : 1;
    const login = round2(invertCurve(CURVES.login_frequency, scoreFor('login_frequency')) * rng.float(1, 1.15) * dropOff);
    put('login_frequency', w, login);
    const features = Math.min(planFeatureCount, Math.round((invertCurve(CURVES.feature_adoption, scoreFor('feature_adoption')) * planFeatureCount) / 100));
    put('features_used_30d', w, features);
    put('feature_adoption', w, round2((features / planFeatureCount) * 100));
    put('data_volume', w, round2(Math.min(100, invertCurve(CURVES.data_volume, scoreFor('data_volume')))));
    put('api_calls', w, round2(clamp(invertCurve(CURVES.api_calls, scoreFor('api_calls')) * rng.float(1, 1.1), 0, 1.5)));
    put('training_sessions', w, Math.round(invertCurve(CURVES.training_sessions, scoreFor('training_sessions'))));
    put('feedback_participation', w, round2(invertCurve(CURVES.feedback_participation, scoreFor('feedback_participation'))));
    const community = Math.round(invertCurve(CURVES.community_engagement, scoreFor('community_engagement')) + rng.float(0, 1.5));
    const webinars = rng.int(0, community);
    put('community_engagement', w, community);
    put('webinars_90d', w, webinars);
    put('community_90d', w, community - webinars);
    put('downloads_90d', w, Math.max(0, Math.round(rng.normal(L / 20, 1.2))));
    for (const key of BUSINESS_KEYS) put(key, w, round2(invertCurve(CURVES[key as HealthMetricKey], scoreFor(key as HealthMetricKey))));

    // Ranges chosen so support_spike (≥3 and ≥2× the month before) fires only for spike accounts.
    const tickets =
      day > spikeFrom ? rng.int(5, 9)
        : profile.supportSpike && day > spikeFrom - 42 ? rng.int(1, 2)
          : L >= 80 ? rng.int(1, 2)
            : L >= 60 ? rng.int(0, 2)
              : noisyTickets ? rng.int(4, 7) : rng.int(0, 1);
    put('support_tickets', w, tickets);
    put('days_since_support_contact', w, tickets > 0 ? rng.int(0, 25) : rng.int(30, L < 60 ? 140 : 80));
    put('hours_per_user_week', w, round2(login * hoursFactor));
    put('days_since_last_login', w, L >= 60 ? rng.int(0, 2) : L >= 40 ? rng.int(0, 6) : rng.int(3, 20));
    put('unanswered_emails', w, L >= 70 ? 0 : L >= 50 ? rng.int(0, 2) : rng.int(1, 4));
    put('sessions_30d', w, Math.round((login * users * 30) / 7));
  }
  // "Previous 30 days" values are the same series four weeks earlier, so the decline and spike
  // signals agree with the history a chart shows.
  const sessions = series.get('sessions_30d') ?? [];
  const tickets = series.get('support_tickets') ?? [];
  for (let w = 0; w < n; w += 1) {
    const back = w - 4;
    put('sessions_prev_30d', w, back >= 0 ? (sessions[back] ?? 0) : Math.round((sessions[w] ?? 0) * rng.float(0.95, 1.1)));
    put('tickets_prev_30d', w, back >= 0 ? (tickets[back] ?? 0) : (tickets[w] ?? 0));
  }

  const skip = new Set<string>();
  if (profile.missing === 'business') for (const key of BUSINESS_KEYS) skip.add(key);
  if (profile.missing === 'api_calls') skip.add('api_calls');
  if (profile.missing === 'surveys_engagement') {
    skip.add('feedback_participation');
    skip.add('training_sessions');
  }
  const isoDays = days.map(isoDay);
  const accountId = profile.record.id;
  const firstKeptDay = asOfDay - 7 * (keepWeeks - 1);
  let first = 0;
  while (first < n && (days[first] as number) < firstKeptDay) first += 1;
  let rows = 0;
  for (const key of [...series.keys()].sort()) {
    if (skip.has(key)) continue;
    const values = series.get(key) as number[];
    for (let w = first; w < n; w += 1) {
      sink.metric(accountId, key, isoDays[w] as string, values[w] as number);
    }
    rows += n - first;
  }
  return rows;
}
