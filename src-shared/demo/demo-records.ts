/**
 * The rows a generated book is made of (demo, bench, the server's demo organisation), in camelCase;
 * each property is its entity-registry column (src-shared/sync/entity-registry.ts) spelled in
 * camelCase, booleans standing for the stores' 0/1 flags. The generator hands them to a
 * DemoRecordSink; each store has one writer that turns them into its rows.
 */

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: 'csm' | 'manager' | 'admin';
  managerId: string | null;
  createdAt: string;
}

export interface AccountRecord {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  plan: 'starter' | 'professional' | 'enterprise';
  arr: number;
  seats: number;
  seatsUsed: number;
  planFeatureCount: number;
  volumeLimit: number;
  contractStart: string;
  renewalDate: string;
  renewalsCount: number;
  lifecycleStage: 'onboarding' | 'adoption' | 'growth' | 'renewal' | 'churned';
  ownerId: string | null;
  status: 'active' | 'churned';
  churnedAt: string | null;
  competitorEvaluation: boolean;
  paymentOverdueDays: number;
  createdAt: string;
  updatedAt: string;
}

export interface ContactRecord {
  id: string;
  accountId: string;
  name: string;
  email: string | null;
  role: string | null;
  isChampion: boolean;
  departedAt: string | null;
  certificationLevel: number;
  createdAt: string;
  updatedAt: string;
}

export interface MetricRecord {
  accountId: string;
  key: string;
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

export interface SurveyRecord {
  id: string;
  accountId: string;
  contactId: string | null;
  kind: 'nps' | 'csat' | 'ces';
  score: number;
  answeredAt: string;
  comment: string | null;
}

export type Sentiment = 'positive' | 'neutral' | 'negative';

export interface TouchpointRecord {
  id: string;
  accountId: string;
  kind: 'call' | 'meeting' | 'email' | 'qbr' | 'onboarding' | 'renewal' | 'upsell' | 'check_in';
  origin: 'cadence' | 'onboarding' | 'renewal' | 'upsell' | 'manual';
  title: string;
  dueAt: string;
  completedAt: string | null;
  status: 'planned' | 'done' | 'skipped' | 'cancelled';
  outcome: string | null;
  sentiment: Sentiment | null;
  /** Who it is with; the generated schedule names no one. */
  contactId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NoteRecord {
  id: string;
  accountId: string;
  touchpointId: string | null;
  authorId: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface EscalationRecord {
  id: string;
  accountId: string;
  level: number;
  reason: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  status: 'open' | 'resolved';
  ownerId: string | null;
  openedAt: string;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EscalationEventRecord {
  id: string;
  /** The escalation's account: the event's scope (DESIGN §3), carried so no writer looks it up. */
  accountId: string;
  escalationId: string;
  actorId: string | null;
  at: string;
  fromLevel: number | null;
  toLevel: number;
  why: string;
}

/** The CSM's red / amber / green read of an account, with the reason. */
export interface CsmSentimentRecord {
  id: string;
  accountId: string;
  authorId: string | null;
  rating: 'red' | 'amber' | 'green';
  reason: string;
  at: string;
}

export interface GoalRecord {
  id: string;
  accountId: string;
  title: string;
  target: string | null;
  dueAt: string | null;
  status: 'not_started' | 'in_progress' | 'done' | 'missed';
  progress: number;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OnboardingItemRecord {
  id: string;
  accountId: string;
  itemKey: string;
  phase: 'preparation' | 'go_live' | 'optimization';
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackRecord {
  id: string;
  accountId: string;
  category: string;
  sentiment: Sentiment;
  priority: 'low' | 'medium' | 'high';
  status: 'new' | 'reviewed' | 'planned' | 'done' | 'declined';
  body: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Where the generator hands each record, in the order it makes them (an account before its rows, an
 * escalation before its events). Metrics come positionally: a book has millions of them, and an
 * object per value would cost the hot path.
 */
export interface DemoRecordSink {
  user(u: UserRecord): void;
  account(a: AccountRecord): void;
  contact(c: ContactRecord): void;
  metric(accountId: string, key: string, date: string, value: number): void;
  survey(s: SurveyRecord): void;
  touchpoint(t: TouchpointRecord): void;
  note(n: NoteRecord): void;
  escalation(e: EscalationRecord): void;
  escalationEvent(e: EscalationEventRecord): void;
  csmSentiment(s: CsmSentimentRecord): void;
  goal(g: GoalRecord): void;
  onboardingItem(o: OnboardingItemRecord): void;
  feedback(f: FeedbackRecord): void;
}
