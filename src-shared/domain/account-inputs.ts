import { MS_PER_DAY } from '../schedule/utc-date';
import { HEALTH_METRICS, type HealthInputs, type HealthMetricKey, type RiskInputs } from '../scoring/types';

/** Metric keys stored in `metrics` that feed the churn-risk signals (besides login_frequency). */
export const RISK_METRIC_KEYS = [
  'hours_per_user_week',
  'features_used_30d',
  'days_since_last_login',
  'unanswered_emails',
  'days_since_support_contact',
  'webinars_90d',
  'downloads_90d',
  'community_90d',
  'sessions_30d',
  'sessions_prev_30d',
  'tickets_prev_30d',
] as const;

const HEALTH_METRIC_KEYS: readonly HealthMetricKey[] = Object.values(HEALTH_METRICS).flat();

/** Every metric key the engine reads: what an import or an ingest may store. */
export const METRIC_KEYS: readonly string[] = [...new Set<string>([...HEALTH_METRIC_KEYS, 'login_frequency', ...RISK_METRIC_KEYS])];


/** Engine inputs of one account at one moment, as cached in account_inputs. */
export interface AccountInputs {
  health: HealthInputs;
  /** Risk inputs that come from stored observations; account flags are merged in by the caller. */
  risk: RiskInputs;
}

/** Latest observation of one metric: [key, value, calendar date YYYY-MM-DD] (compact for the cache). */
export type LatestObservation = readonly [key: string, value: number, date: string];

/**
 * What the store knows about an account's inputs at one moment: the latest observation of each
 * metric, the latest survey answers and the newest champion departure. Cached per account; turned
 * into engine inputs for any day by assembleAccountInputs.
 */
export interface AccountFacts {
  observations: LatestObservation[];
  latestSurvey: { nps?: number; csat?: number; ces?: number };
  championDepartedAt: string | null;
}


function daysBetween(fromIsoDate: string, asOfMs: number): number {
  return Math.max(0, Math.floor((asOfMs - Date.parse(fromIsoDate)) / MS_PER_DAY));
}

const HEALTH_KEY_SET: ReadonlySet<string> = new Set<string>(HEALTH_METRIC_KEYS);
const RISK_KEY_SET: ReadonlySet<string> = new Set<string>(RISK_METRIC_KEYS);
const AGING_KEYS: ReadonlySet<string> = new Set(RISK_METRIC_KEYS.filter((key) => key.startsWith('days_since_')));

// Fixed-shape objects (every key present, undefined = no data) keep V8 on its fast path when
// 5,000 accounts are scored; keys added in varying order would turn them into slow dictionaries.
function emptyHealthInputs(): HealthInputs {
  return {
    login_frequency: undefined, feature_adoption: undefined, data_volume: undefined, api_calls: undefined,
    support_tickets: undefined, training_sessions: undefined, feedback_participation: undefined,
    community_engagement: undefined, roi_achievement: undefined, goal_completion: undefined,
    revenue_impact: undefined, cost_savings: undefined,
  };
}

function emptyRiskInputs(): RiskInputs {
  return {
    login_frequency: undefined, hours_per_user_week: undefined, features_used_30d: undefined,
    days_since_last_login: undefined, unanswered_emails: undefined, days_since_support_contact: undefined,
    latest_nps: undefined, latest_csat: undefined, latest_ces: undefined, webinars_90d: undefined,
    downloads_90d: undefined, community_90d: undefined, sessions_30d: undefined, sessions_prev_30d: undefined,
    tickets_30d: undefined, tickets_prev_30d: undefined, payment_overdue_days: undefined,
    days_since_champion_left: undefined, competitor_evaluation: undefined,
  };
}

/**
 * Builds engine inputs from an account's facts as they stand on `asOf`. "days since"
 * observations age with the calendar: a value of 3 seen 10 days ago means 13 days today.
 */
export function assembleAccountInputs(facts: AccountFacts, asOf: Date): AccountInputs {
  const health = emptyHealthInputs();
  const risk = emptyRiskInputs();
  const asOfMs = asOf.getTime();
  // Observations of one snapshot share their date: parse each distinct date once.
  let lastDate = '';
  let lastAge = 0;
  for (const [key, value, date] of facts.observations) {
    if (HEALTH_KEY_SET.has(key)) health[key as HealthMetricKey] = value;
    else if (RISK_KEY_SET.has(key)) {
      if (AGING_KEYS.has(key)) {
        if (date !== lastDate) {
          lastDate = date;
          lastAge = daysBetween(date, asOfMs);
        }
        (risk as Record<string, number>)[key] = value + lastAge;
      } else (risk as Record<string, number>)[key] = value;
    }
  }
  if (health.login_frequency !== undefined) risk.login_frequency = health.login_frequency;
  if (health.support_tickets !== undefined) risk.tickets_30d = health.support_tickets;
  const survey = facts.latestSurvey;
  if (survey.nps !== undefined) risk.latest_nps = survey.nps;
  if (survey.csat !== undefined) risk.latest_csat = survey.csat;
  if (survey.ces !== undefined) risk.latest_ces = survey.ces;
  if (facts.championDepartedAt && Date.parse(facts.championDepartedAt) <= asOf.getTime()) {
    risk.days_since_champion_left = daysBetween(facts.championDepartedAt, asOfMs);
  }
  return { health, risk };
}
