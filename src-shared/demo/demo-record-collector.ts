import type {
  AccountRecord, ContactRecord, CsmSentimentRecord, DemoRecordSink, EscalationEventRecord, EscalationRecord, FeedbackRecord, GoalRecord, MetricRecord,
  NoteRecord, OnboardingItemRecord, SurveyRecord, TouchpointRecord, UserRecord,
} from './demo-records';

/** A generated book's records gathered by kind, for a writer that stores them in batches. */
export interface DemoRecords {
  users: UserRecord[];
  accounts: AccountRecord[];
  contacts: ContactRecord[];
  metrics: MetricRecord[];
  surveys: SurveyRecord[];
  touchpoints: TouchpointRecord[];
  notes: NoteRecord[];
  escalations: EscalationRecord[];
  escalationEvents: EscalationEventRecord[];
  csmSentiments: CsmSentimentRecord[];
  goals: GoalRecord[];
  onboardingItems: OnboardingItemRecord[];
  feedback: FeedbackRecord[];
}

export function emptyDemoRecords(): DemoRecords {
  return {
    users: [], accounts: [], contacts: [], metrics: [], surveys: [], touchpoints: [], notes: [], escalations: [],
    escalationEvents: [], csmSentiments: [], goals: [], onboardingItems: [], feedback: [],
  };
}

/** A sink that appends every record it is handed to `into`, in the order they come. */
export function collectingSink(into: DemoRecords): DemoRecordSink {
  return {
    user: (u) => into.users.push(u),
    account: (a) => into.accounts.push(a),
    contact: (c) => into.contacts.push(c),
    metric: (accountId, key, date, value) => into.metrics.push({ accountId, key, date, value }),
    survey: (s) => into.surveys.push(s),
    touchpoint: (t) => into.touchpoints.push(t),
    note: (n) => into.notes.push(n),
    escalation: (e) => into.escalations.push(e),
    escalationEvent: (e) => into.escalationEvents.push(e),
    csmSentiment: (s) => into.csmSentiments.push(s),
    goal: (g) => into.goals.push(g),
    onboardingItem: (o) => into.onboardingItems.push(o),
    feedback: (f) => into.feedback.push(f),
  };
}
