import type { ChurnFeatures } from '../scoring/churn-model';
import type { RiskBand, Tier } from '../scoring/types';

/** One account as every dashboard reads it: stored facts plus the engine's cached scores. */
export interface DashboardAccount {
  id: string;
  name: string;
  arr: number;
  status: 'active' | 'churned';
  contractStart: string;
  renewalDate: string;
  churnedAt: string | null;
  ownerId: string | null;
  ownerName: string | null;
  health: number | null;
  tier: Tier;
  riskBand: RiskBand;
}

export interface DashboardSurvey {
  accountId: string;
  kind: 'nps' | 'csat' | 'ces';
  score: number;
  answeredAt: string;
}

/** An account whose outcome is known (churned, or renewed at least once), with the model's features. */
export interface LabelledOutcome {
  accountId: string;
  churned: boolean;
  /** Null when one of the six inputs is unknown (such rows are left out of training). */
  features: ChurnFeatures | null;
}

export interface DashboardTouchpoint {
  accountId: string;
  dueAt: string;
  completedAt: string | null;
  status: 'planned' | 'done' | 'skipped' | 'cancelled';
}

export interface DashboardEscalation {
  accountId: string;
  level: number;
  openedAt: string;
}

export interface DashboardOnboarding {
  accountId: string;
  checklistDone: number;
}

export interface DashboardFeedback {
  accountId: string;
  category: string;
  sentiment: 'positive' | 'neutral' | 'negative';
}

export interface DashboardContact {
  accountId: string;
  certificationLevel: number;
}

export interface DashboardGoal {
  accountId: string;
  status: 'not_started' | 'in_progress' | 'done' | 'missed';
  progress: number;
}

/** How many touchpoints each account had done and notes written in the activity window. */
export interface DashboardActivity {
  accountId: string;
  touchpointsDone: number;
  notes: number;
}

/** Active accounts only; most figures are about the live book. */
export function activeAccounts(accounts: readonly DashboardAccount[]): DashboardAccount[] {
  return accounts.filter((a) => a.status === 'active');
}
