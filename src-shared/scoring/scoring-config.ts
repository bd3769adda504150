import type { HealthCategory, HealthMetricKey, LoyaltyLevel, RiskSignalKey, Severity } from './types';

/** A piecewise-linear curve: [input, score] points sorted by input, clamped at both ends. */
export type CurvePoints = ReadonlyArray<readonly [number, number]>;

/** Team-wide weights and thresholds (DESIGN §4); stored in `scoring_config`, editable by an admin. */
export interface ScoringConfig {
  health: {
    categoryWeights: Record<HealthCategory, number>;
    /** Relative weight of each metric inside its category (equal by default). */
    metricWeights: Record<HealthMetricKey, number>;
    curves: Record<HealthMetricKey, CurvePoints>;
    /** Change over the trend window at or beyond which the trend is declining / improving. */
    trendDelta: number;
    /** The trend compares with the score this many days earlier. */
    trendWindowDays: number;
  };
  tiers: {
    /** health < atRiskFrom → critical; < stableFrom → at_risk; ≤ stableTo → stable; above → successful. */
    atRiskFrom: number;
    stableFrom: number;
    stableTo: number;
    /** Check-in cadence per tier, in days (monthly = 30, quarterly = 91). */
    cadenceDays: Record<'critical' | 'at_risk' | 'stable' | 'successful', number>;
  };
  risk: {
    severityPoints: Record<Severity, number>;
    signalSeverity: Record<RiskSignalKey, Severity>;
    thresholds: {
      lowSessionsPerWeek: number;
      lowHoursPerWeek: number;
      fewFeatures: number;
      noLoginDays: number;
      unansweredEmails: number;
      noSupportDays: number;
      lowNps: number;
      lowCsat: number;
      highCes: number;
      usageDeclineRatio: number;
      supportSpikeMin: number;
      supportSpikeFactor: number;
      paymentOverdueDays: number;
      championLeftDays: number;
    };
    /** Band lower bounds in points: ≥ high → high, ≥ medium → medium, ≥ low → low. */
    bands: { high: number; medium: number; low: number };
    cap: number;
  };
  loyalty: {
    /** Whole months since contract start at which each level begins. */
    fromMonths: Record<LoyaltyLevel, number>;
    discountPercent: Record<LoyaltyLevel, number>;
    /** Check-in interval in days; null = no CSM check-in (bronze). */
    checkInDays: Record<LoyaltyLevel, number | null>;
  };
  expansion: {
    seatsUsedRatio: number;
    featuresUsedRatio: number;
    volumeUsedRatio: number;
    npsAbove: number;
    minSignals: number;
  };
  advocacy: { tenureMonthsAbove: number; npsAbove: number; featureUsageAbove: number; minRenewals: number };
  schedule: {
    upsellMonths: readonly number[];
    renewalPrepDays: number;
    renewalCallDays: number;
    onboardingDays: number;
  };
  interventions: { emergencyRenewalDays: number; emergencyEscalationLevel: number };
  churnModel: { minLabelled: number };
}

/** The defaults of DESIGN §4. */
export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  health: {
    categoryWeights: { usage: 0.4, engagement: 0.3, business: 0.3 },
    metricWeights: {
      login_frequency: 1,
      feature_adoption: 1,
      data_volume: 1,
      api_calls: 1,
      support_tickets: 1,
      training_sessions: 1,
      feedback_participation: 1,
      community_engagement: 1,
      roi_achievement: 1,
      goal_completion: 1,
      revenue_impact: 1,
      cost_savings: 1,
    },
    curves: {
      login_frequency: [[0, 0], [2, 40], [3, 70], [5, 100]],
      feature_adoption: [[0, 0], [40, 50], [80, 90], [90, 100]],
      data_volume: [[0, 0], [30, 50], [70, 90], [90, 100]],
      api_calls: [[0, 0], [0.5, 40], [0.9, 80], [1, 90], [1.2, 100]],
      support_tickets: [[0, 60], [1, 100], [3, 100], [6, 60], [10, 20]],
      training_sessions: [[0, 0], [1, 60], [2, 85], [3, 100]],
      feedback_participation: [[0, 0], [50, 80], [100, 100]],
      community_engagement: [[0, 20], [1, 60], [3, 100]],
      roi_achievement: [[0, 0], [100, 100]],
      goal_completion: [[0, 0], [100, 100]],
      revenue_impact: [[0, 0], [100, 100]],
      cost_savings: [[0, 0], [100, 100]],
    },
    trendDelta: 5,
    trendWindowDays: 30,
  },
  tiers: {
    atRiskFrom: 60,
    stableFrom: 80,
    stableTo: 90,
    cadenceDays: { critical: 7, at_risk: 14, stable: 30, successful: 91 },
  },
  risk: {
    severityPoints: { high: 25, medium: 15, low: 5 },
    signalSeverity: {
      low_sessions: 'high',
      low_time: 'medium',
      few_features: 'high',
      no_login_7d: 'high',
      no_email_response: 'medium',
      no_support_contact: 'high',
      low_nps: 'high',
      low_csat: 'high',
      high_ces: 'medium',
      no_webinars: 'medium',
      no_downloads: 'medium',
      no_community: 'low',
      usage_decline: 'high',
      support_spike: 'medium',
      payment_overdue: 'high',
      champion_left: 'high',
      competitor_evaluation: 'high',
    },
    thresholds: {
      lowSessionsPerWeek: 2,
      lowHoursPerWeek: 1,
      fewFeatures: 3,
      noLoginDays: 7,
      unansweredEmails: 3,
      noSupportDays: 90,
      lowNps: 7,
      lowCsat: 3,
      highCes: 3,
      usageDeclineRatio: 0.75,
      supportSpikeMin: 3,
      supportSpikeFactor: 2,
      paymentOverdueDays: 15,
      championLeftDays: 90,
    },
    bands: { high: 80, medium: 50, low: 20 },
    cap: 100,
  },
  loyalty: {
    fromMonths: { bronze: 0, silver: 6, gold: 12, platinum: 24 },
    discountPercent: { bronze: 0, silver: 10, gold: 15, platinum: 20 },
    checkInDays: { bronze: null, silver: 30, gold: 14, platinum: 7 },
  },
  expansion: {
    seatsUsedRatio: 0.8,
    featuresUsedRatio: 0.7,
    volumeUsedRatio: 0.9,
    npsAbove: 8,
    minSignals: 2,
  },
  advocacy: { tenureMonthsAbove: 12, npsAbove: 9, featureUsageAbove: 80, minRenewals: 2 },
  schedule: { upsellMonths: [3, 6, 9, 12], renewalPrepDays: 90, renewalCallDays: 30, onboardingDays: 30 },
  interventions: { emergencyRenewalDays: 90, emergencyEscalationLevel: 4 },
  churnModel: { minLabelled: 30 },
};
