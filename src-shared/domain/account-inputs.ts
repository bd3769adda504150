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

export const HEALTH_METRIC_KEYS: readonly HealthMetricKey[] = Object.values(HEALTH_METRICS).flat();

/** Every key the metrics table may hold; anything else is rejected at import. */
export const STORED_METRIC_KEYS: readonly string[] = [...HEALTH_METRIC_KEYS, ...RISK_METRIC_KEYS];

/** Engine inputs of one account at one moment, as cached in account_inputs. */
export interface AccountInputs {
  health: HealthInputs;
  /** Risk inputs that come from stored observations; account flags are merged in by the caller. */
  risk: RiskInputs;
}

export interface LatestObservation {
  key: string;
  value: number;
  /** Calendar date (YYYY-MM-DD) the value was observed. */
  date: string;
}

const DAY_MS = 86_400_000;

function daysBetween(fromIsoDate: string, asOf: Date): number {
  return Math.max(0, Math.floor((asOf.getTime() - Date.parse(fromIsoDate)) / DAY_MS));
}

/**
 * Builds engine inputs from the latest observation of each metric, the latest survey answers and
 * the newest champion departure. "days since" observations age with the calendar: a value of 3
 * seen 10 days ago means 13 days today.
 */
export function assembleAccountInputs(args: {
  observations: readonly LatestObservation[];
  latestSurvey: { nps?: number; csat?: number; ces?: number };
  championDepartedAt: string | null;
  asOf: Date;
}): AccountInputs {
  const health: HealthInputs = {};
  const risk: RiskInputs = {};
  const healthKeys = new Set<string>(HEALTH_METRIC_KEYS);
  const riskKeys = new Set<string>(RISK_METRIC_KEYS);
  for (const { key, value, date } of args.observations) {
    if (healthKeys.has(key)) health[key as HealthMetricKey] = value;
    if (riskKeys.has(key)) {
      (risk as Record<string, number>)[key] = key.startsWith('days_since_') ? value + daysBetween(date, args.asOf) : value;
    }
  }
  if (health.login_frequency !== undefined) risk.login_frequency = health.login_frequency;
  if (health.support_tickets !== undefined) risk.tickets_30d = health.support_tickets;
  if (args.latestSurvey.nps !== undefined) risk.latest_nps = args.latestSurvey.nps;
  if (args.latestSurvey.csat !== undefined) risk.latest_csat = args.latestSurvey.csat;
  if (args.latestSurvey.ces !== undefined) risk.latest_ces = args.latestSurvey.ces;
  if (args.championDepartedAt && Date.parse(args.championDepartedAt) <= args.asOf.getTime()) {
    risk.days_since_champion_left = daysBetween(args.championDepartedAt, args.asOf);
  }
  return { health, risk };
}
