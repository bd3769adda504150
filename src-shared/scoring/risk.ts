import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './scoring-config';
import type { RiskBand, RiskInputs, RiskResponse, RiskResult, RiskSignal, RiskSignalKey, Severity } from './types';

type Evidence = RiskSignal['evidence'];
type Rule = (i: RiskInputs, t: ScoringConfig['risk']['thresholds']) => Evidence | null;

const known = (v: number | undefined): v is number => typeof v === 'number';

function below(v: number | undefined, threshold: number): Evidence | null {
  return known(v) && v < threshold ? { value: v, threshold } : null;
}
function atLeast(v: number | undefined, threshold: number): Evidence | null {
  return known(v) && v >= threshold ? { value: v, threshold } : null;
}
function zero(v: number | undefined): Evidence | null {
  return known(v) && v === 0 ? { value: v, threshold: 0 } : null;
}

/** Firing rule per signal (DESIGN §4.3); a rule returns null when its input is unknown. */
const RULES: Record<RiskSignalKey, Rule> = {
  low_sessions: (i, t) => below(i.login_frequency, t.lowSessionsPerWeek),
  low_time: (i, t) => below(i.hours_per_user_week, t.lowHoursPerWeek),
  few_features: (i, t) => below(i.features_used_30d, t.fewFeatures),
  no_login_7d: (i, t) => atLeast(i.days_since_last_login, t.noLoginDays),
  no_email_response: (i, t) => atLeast(i.unanswered_emails, t.unansweredEmails),
  no_support_contact: (i, t) => atLeast(i.days_since_support_contact, t.noSupportDays),
  low_nps: (i, t) => below(i.latest_nps, t.lowNps),
  low_csat: (i, t) => below(i.latest_csat, t.lowCsat),
  high_ces: (i, t) => (known(i.latest_ces) && i.latest_ces > t.highCes ? { value: i.latest_ces, threshold: t.highCes } : null),
  no_webinars: (i) => zero(i.webinars_90d),
  no_downloads: (i) => zero(i.downloads_90d),
  no_community: (i) => zero(i.community_90d),
  usage_decline: (i, t) => {
    const now = i.sessions_30d;
    const prev = i.sessions_prev_30d;
    if (!known(now) || !known(prev) || prev <= 0) return null;
    const limit = t.usageDeclineRatio * prev;
    // Evidence is the ratio now/previous so the UI can say "60% of the previous 30 days".
    return now <= limit ? { value: now / prev, threshold: t.usageDeclineRatio } : null;
  },
  support_spike: (i, t) => {
    const now = i.tickets_30d;
    const prev = i.tickets_prev_30d;
    if (!known(now) || !known(prev)) return null;
    return now >= t.supportSpikeMin && now >= t.supportSpikeFactor * prev
      ? { value: now, threshold: Math.max(t.supportSpikeMin, t.supportSpikeFactor * prev) }
      : null;
  },
  payment_overdue: (i, t) =>
    known(i.payment_overdue_days) && i.payment_overdue_days > t.paymentOverdueDays
      ? { value: i.payment_overdue_days, threshold: t.paymentOverdueDays }
      : null,
  champion_left: (i, t) => {
    const d = i.days_since_champion_left;
    return known(d) && d >= 0 && d <= t.championLeftDays ? { value: d, threshold: t.championLeftDays } : null;
  },
  competitor_evaluation: (i) => (i.competitor_evaluation === true ? { value: true, threshold: null } : null),
};

/** Every signal key in DESIGN table order. */
export const RISK_SIGNAL_KEYS = Object.keys(RULES) as RiskSignalKey[];

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Band of a risk-point total (DESIGN §4.3). */
export function riskBandFor(points: number, config: ScoringConfig = DEFAULT_SCORING_CONFIG): RiskBand {
  const b = config.risk.bands;
  if (points >= b.high) return 'high';
  if (points >= b.medium) return 'medium';
  if (points >= b.low) return 'low';
  return 'none';
}

const RESPONSES: Record<RiskBand, RiskResponse> = {
  high: { withinHours: 0, channels: ['phone', 'email'], message: 'how_can_we_help', goal: 'solve_critical_problems' },
  medium: { withinHours: 24, channels: ['email', 'linkedin'], message: 'additional_value', goal: 're_engagement' },
  low: { withinHours: 48, channels: ['email'], message: 'resources_best_practices', goal: 'prevent_escalation' },
  none: { withinHours: null, channels: [], message: null, goal: null },
};

/** Response playbook of a risk band (DESIGN §4.3); returns a fresh copy callers may mutate. */
export function responseFor(band: RiskBand): RiskResponse {
  const r = RESPONSES[band];
  return { ...r, channels: [...r.channels] };
}

/** Churn-risk points, band, fired signals and response (DESIGN §4.3). */
export function computeRisk(inputs: RiskInputs, config: ScoringConfig = DEFAULT_SCORING_CONFIG): RiskResult {
  const signals: RiskSignal[] = [];
  for (const key of RISK_SIGNAL_KEYS) {
    const evidence = RULES[key](inputs, config.risk.thresholds);
    if (!evidence) continue;
    const severity = config.risk.signalSeverity[key];
    signals.push({ key, severity, points: config.risk.severityPoints[severity], evidence });
  }
  signals.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const raw = signals.reduce((sum, s) => sum + s.points, 0);
  const points = Math.min(raw, config.risk.cap);
  const band = riskBandFor(points, config);
  return { points, band, signals, response: responseFor(band) };
}

/** A band whose renewal counts as ARR at risk (Today's renewals, the Executive dashboard). */
export function isAtRiskBand(band: RiskBand): boolean {
  return band === 'high' || band === 'medium';
}
