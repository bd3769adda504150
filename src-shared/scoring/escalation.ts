import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './scoring-config';
import { responseFor } from './risk';
import type { RiskBand, Tier } from './types';

export type EscalationLevel = 1 | 2 | 3 | 4 | 5;
export type EscalationRole = 'csm' | 'senior_csm' | 'cs_manager' | 'cs_director' | 'c_level';
export type EscalationScope =
  | 'day_to_day'
  | 'complex_or_at_risk_accounts'
  | 'team_and_critical_accounts'
  | 'strategy_and_enterprise_accounts'
  | 'critical_strategic_accounts';
export type EscalationDecision = 'operational' | 'tactical' | 'strategic' | 'executive' | 'corporate';

export interface EscalationLevelInfo {
  level: EscalationLevel;
  role: EscalationRole;
  scope: EscalationScope;
  decision: EscalationDecision;
  /** Who the next escalation goes to: the next level, or the board after level 5. */
  next: EscalationLevel | 'board';
}

/** The escalation ladder of DESIGN §4.6. */
export const ESCALATION_LEVELS: Readonly<Record<EscalationLevel, EscalationLevelInfo>> = {
  1: { level: 1, role: 'csm', scope: 'day_to_day', decision: 'operational', next: 2 },
  2: { level: 2, role: 'senior_csm', scope: 'complex_or_at_risk_accounts', decision: 'tactical', next: 3 },
  3: { level: 3, role: 'cs_manager', scope: 'team_and_critical_accounts', decision: 'strategic', next: 4 },
  4: { level: 4, role: 'cs_director', scope: 'strategy_and_enterprise_accounts', decision: 'executive', next: 5 },
  5: { level: 5, role: 'c_level', scope: 'critical_strategic_accounts', decision: 'corporate', next: 'board' },
};

export type InterventionKind = 'none' | 'early' | 'intensive' | 'emergency';
export type InterventionAction =
  | 'health_check_call'
  | 'success_review'
  | 'feature_optimization'
  | 'extra_training'
  | 'executive_engagement'
  | 'custom_solution'
  | 'pricing_adjustment'
  | 'contract_change'
  | 'c_level_meeting'
  | 'success_plan_revision'
  | 'resource_reallocation'
  | 'escalation_to_leadership';

/** Actions of each intervention kind (DESIGN §4.3 Interventions). */
export const INTERVENTION_ACTIONS: Readonly<Record<InterventionKind, readonly InterventionAction[]>> = {
  none: [],
  early: ['health_check_call', 'success_review', 'feature_optimization', 'extra_training'],
  intensive: ['executive_engagement', 'custom_solution', 'pricing_adjustment', 'contract_change'],
  emergency: ['c_level_meeting', 'success_plan_revision', 'resource_reallocation', 'escalation_to_leadership'],
};

export interface InterventionInputs {
  riskBand: RiskBand;
  tier: Tier;
  /** Days until the renewal date; null when unknown, negative when already past. */
  daysToRenewal: number | null;
  /** Highest level among the account's open escalations; null when none is open. */
  maxOpenEscalationLevel: number | null;
}

export interface Intervention {
  kind: InterventionKind;
  actions: InterventionAction[];
}

/** Which intervention an account calls for; the most severe applicable kind wins. */
export function interventionFor(
  inputs: InterventionInputs,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): Intervention {
  const { riskBand, tier, daysToRenewal, maxOpenEscalationLevel } = inputs;
  const c = config.interventions;
  const renewalSoon = daysToRenewal !== null && daysToRenewal >= 0 && daysToRenewal <= c.emergencyRenewalDays;
  const highEscalation = maxOpenEscalationLevel !== null && maxOpenEscalationLevel >= c.emergencyEscalationLevel;
  let kind: InterventionKind = 'none';
  if ((riskBand === 'high' && tier === 'critical' && renewalSoon) || highEscalation) kind = 'emergency';
  else if (riskBand === 'high' || tier === 'critical') kind = 'intensive';
  else if (riskBand === 'medium' || riskBand === 'low') kind = 'early';
  return { kind, actions: [...INTERVENTION_ACTIONS[kind]] };
}

/**
 * Default service time for an open escalation when the account's risk band is 'none': the
 * low-band 48 h, since an open escalation always needs some answer.
 */
export const DEFAULT_ESCALATION_RESPONSE_HOURS = 48;

export interface EscalationAge {
  /** Whole hours since the escalation was opened (0 if asOf is before it). */
  hours: number;
  responseHours: number;
  overdue: boolean;
}

/** Age of an open escalation against its risk band's response time (DESIGN §4.6). */
export function escalationAge(openedAt: Date, asOf: Date, band: RiskBand): EscalationAge {
  const ms = Math.max(0, asOf.getTime() - openedAt.getTime());
  const hours = Math.floor(ms / 3_600_000);
  const responseHours = responseFor(band).withinHours ?? DEFAULT_ESCALATION_RESPONSE_HOURS;
  // Overdue once strictly past the window; for the high band (respond immediately) any delay counts.
  return { hours, responseHours, overdue: ms > responseHours * 3_600_000 };
}
