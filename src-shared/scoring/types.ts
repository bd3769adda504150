/**
 * Engine-wide input and result types (DESIGN §4). Every module of the engine and every caller
 * (portfolio service, UI, server) speaks these shapes; change them only additively.
 */

/** The twelve health metric keys of DESIGN §4.1, grouped by category. */
export const HEALTH_METRICS = {
  usage: ['login_frequency', 'feature_adoption', 'data_volume', 'api_calls'],
  engagement: [
    'support_tickets',
    'training_sessions',
    'feedback_participation',
    'community_engagement',
  ],
  business: ['roi_achievement', 'goal_completion', 'revenue_impact', 'cost_savings'],
} as const;

export type HealthCategory = keyof typeof HEALTH_METRICS;
export type HealthMetricKey = (typeof HEALTH_METRICS)[HealthCategory][number];

/** Current value of each health metric; a missing key means "no data". */
export type HealthInputs = Partial<Record<HealthMetricKey, number>>;

export type Tier = 'critical' | 'at_risk' | 'stable' | 'successful' | 'unscored';

export interface MetricBreakdown {
  key: HealthMetricKey;
  /** The raw input, null when missing (the metric is then left out). */
  input: number | null;
  /** 0..100 from the metric's curve, null when missing. */
  score: number | null;
  /** Effective weight inside its category after redistribution (0 when missing). */
  weight: number;
  /** Points this metric contributes to the final health score (weight × category weight × score). */
  points: number;
}

export interface CategoryBreakdown {
  /** 0..100, null when none of its metrics has data. */
  score: number | null;
  /** Effective category weight after redistribution (0 when left out). */
  weight: number;
  metrics: MetricBreakdown[];
}

export interface HealthResult {
  /** Integer 0..100 rounded half up, null when unscored. */
  score: number | null;
  tier: Tier;
  categories: Record<HealthCategory, CategoryBreakdown>;
}

/**
 * Inputs of the churn-risk signals of DESIGN §4.3. Undefined means unknown: that signal does not
 * fire. Snake case so they map one-to-one onto stored metric keys.
 */
export interface RiskInputs {
  /** Sessions per active user per week, last 30 days (low_sessions). */
  login_frequency?: number;
  /** Hours in the product per active user per week (low_time). */
  hours_per_user_week?: number;
  /** Distinct features used in the last 30 days (few_features). */
  features_used_30d?: number;
  /** Days since anyone at the account last logged in (no_login_7d). */
  days_since_last_login?: number;
  /** How many of the most recent outreach emails in a row got no reply (no_email_response). */
  unanswered_emails?: number;
  /** Days since the last support interaction (no_support_contact). */
  days_since_support_contact?: number;
  latest_nps?: number;
  latest_csat?: number;
  latest_ces?: number;
  webinars_90d?: number;
  downloads_90d?: number;
  community_90d?: number;
  sessions_30d?: number;
  sessions_prev_30d?: number;
  tickets_30d?: number;
  tickets_prev_30d?: number;
  /** Days the oldest unpaid invoice is overdue (0 when none). */
  payment_overdue_days?: number;
  /** Days since a champion contact departed; undefined when no champion ever left. */
  days_since_champion_left?: number;
  competitor_evaluation?: boolean;
}

export type RiskSignalKey =
  | 'low_sessions'
  | 'low_time'
  | 'few_features'
  | 'no_login_7d'
  | 'no_email_response'
  | 'no_support_contact'
  | 'low_nps'
  | 'low_csat'
  | 'high_ces'
  | 'no_webinars'
  | 'no_downloads'
  | 'no_community'
  | 'usage_decline'
  | 'support_spike'
  | 'payment_overdue'
  | 'champion_left'
  | 'competitor_evaluation';

export type Severity = 'high' | 'medium' | 'low';
export type RiskBand = 'high' | 'medium' | 'low' | 'none';

export interface RiskSignal {
  key: RiskSignalKey;
  severity: Severity;
  points: number;
  /** What made it fire: the observed value and the threshold it crossed (null when a flag). */
  evidence: { value: number | boolean; threshold: number | null };
}

export interface RiskResponse {
  /** Hours within which to respond: 0 = immediately, null = no response needed. */
  withinHours: number | null;
  channels: Array<'phone' | 'email' | 'linkedin'>;
  message: 'how_can_we_help' | 'additional_value' | 'resources_best_practices' | null;
  goal: 'solve_critical_problems' | 're_engagement' | 'prevent_escalation' | null;
}

export interface RiskResult {
  /** 0..100, capped. */
  points: number;
  band: RiskBand;
  /** Only the signals that fired, highest severity first. */
  signals: RiskSignal[];
  response: RiskResponse;
}

export type LoyaltyLevel = 'bronze' | 'silver' | 'gold' | 'platinum';
