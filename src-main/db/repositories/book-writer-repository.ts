import type { Database, Statement } from 'better-sqlite3';

/**
 * Bulk writer for generated books (demo, bench). Plain inserts without outbox rows: a generated
 * book stands for server-owned data that is already in sync, not for local edits to push.
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
  escalationId: string;
  actorId: string | null;
  at: string;
  fromLevel: number | null;
  toLevel: number;
  why: string;
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

export class BookWriterRepository {
  private readonly userStmt: Statement;
  private readonly accountStmt: Statement;
  private readonly contactStmt: Statement;
  private readonly metricStmt: Statement;
  private readonly surveyStmt: Statement;
  private readonly touchpointStmt: Statement;
  private readonly noteStmt: Statement;
  private readonly escalationStmt: Statement;
  private readonly escalationEventStmt: Statement;
  private readonly goalStmt: Statement;
  private readonly onboardingStmt: Statement;
  private readonly feedbackStmt: Statement;

  constructor(private readonly db: Database) {
    this.userStmt = db.prepare(
      `INSERT INTO users (id, email, name, role, manager_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.accountStmt = db.prepare(
      `INSERT INTO accounts (id, name, domain, industry, plan, arr, seats, seats_used, plan_feature_count,
         volume_limit, contract_start, renewal_date, renewals_count, lifecycle_stage, owner_id, status,
         churned_at, competitor_evaluation, payment_overdue_days, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.contactStmt = db.prepare(
      `INSERT INTO contacts (id, account_id, name, email, role, is_champion, departed_at, certification_level,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.metricStmt = db.prepare('INSERT INTO metrics (account_id, key, date, value) VALUES (?, ?, ?, ?)');
    this.surveyStmt = db.prepare(
      `INSERT INTO surveys (id, account_id, contact_id, kind, score, answered_at, comment)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.touchpointStmt = db.prepare(
      `INSERT INTO touchpoints (id, account_id, kind, origin, title, due_at, completed_at, status, outcome,
         sentiment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.noteStmt = db.prepare(
      `INSERT INTO notes (id, account_id, touchpoint_id, author_id, body, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.escalationStmt = db.prepare(
      `INSERT INTO escalations (id, account_id, level, reason, severity, status, owner_id, opened_at,
         resolved_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.escalationEventStmt = db.prepare(
      `INSERT INTO escalation_events (id, escalation_id, account_id, actor_id, at, from_level, to_level, why)
       VALUES (?, ?, (SELECT account_id FROM escalations WHERE id = ?), ?, ?, ?, ?, ?)`,
    );
    this.goalStmt = db.prepare(
      `INSERT INTO goals (id, account_id, title, target, due_at, status, progress, completed_at, created_at,
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.onboardingStmt = db.prepare(
      `INSERT INTO onboarding_items (id, account_id, item_key, phase, done_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.feedbackStmt = db.prepare(
      `INSERT INTO feedback (id, account_id, category, sentiment, priority, status, body, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Runs `work` in one transaction: bulk inserts are fast only when they share a commit. */
  inTransaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * Runs `work` with SQLite's page cache raised to `kib` KiB for this connection, then puts the
   * previous size back: a bulk load touches far more index pages than the app's default cache holds.
   */
  withPageCache<T>(kib: number, work: () => T): T {
    if (!Number.isSafeInteger(kib) || kib <= 0) throw new RangeError(`page cache size must be a positive whole KiB, got ${kib}`);
    const previous = this.db.pragma('cache_size', { simple: true }) as number;
    // A negative cache_size is a size in KiB rather than a page count.
    this.db.pragma(`cache_size = ${-kib}`);
    try {
      return work();
    } finally {
      this.db.pragma(`cache_size = ${previous}`);
    }
  }

  /** Copies the write-ahead log into the database file and truncates it, leaving one compact file. */
  checkpointWal(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  insertUser(u: UserRecord): void {
    this.userStmt.run(u.id, u.email, u.name, u.role, u.managerId, u.createdAt, u.createdAt);
  }

  insertAccount(a: AccountRecord): void {
    this.accountStmt.run(
      a.id, a.name, a.domain, a.industry, a.plan, a.arr, a.seats, a.seatsUsed, a.planFeatureCount,
      a.volumeLimit, a.contractStart, a.renewalDate, a.renewalsCount, a.lifecycleStage, a.ownerId, a.status,
      a.churnedAt, a.competitorEvaluation ? 1 : 0, a.paymentOverdueDays, a.createdAt, a.updatedAt,
    );
  }

  insertContact(c: ContactRecord): void {
    this.contactStmt.run(
      c.id, c.accountId, c.name, c.email, c.role, c.isChampion ? 1 : 0, c.departedAt, c.certificationLevel,
      c.createdAt, c.updatedAt,
    );
  }

  insertMetric(m: MetricRecord): void {
    this.metricStmt.run(m.accountId, m.key, m.date, m.value);
  }

  /** Positional form for the hot path: millions of metric rows, no record object per row. */
  insertMetricValues(accountId: string, key: string, date: string, value: number): void {
    this.metricStmt.run(accountId, key, date, value);
  }

  insertSurvey(s: SurveyRecord): void {
    this.surveyStmt.run(s.id, s.accountId, s.contactId, s.kind, s.score, s.answeredAt, s.comment);
  }

  insertTouchpoint(t: TouchpointRecord): void {
    this.touchpointStmt.run(
      t.id, t.accountId, t.kind, t.origin, t.title, t.dueAt, t.completedAt, t.status, t.outcome, t.sentiment,
      t.createdAt, t.updatedAt,
    );
  }

  insertNote(n: NoteRecord): void {
    this.noteStmt.run(n.id, n.accountId, n.touchpointId, n.authorId, n.body, n.createdAt, n.updatedAt);
  }

  insertEscalation(e: EscalationRecord): void {
    this.escalationStmt.run(
      e.id, e.accountId, e.level, e.reason, e.severity, e.status, e.ownerId, e.openedAt, e.resolvedAt,
      e.createdAt, e.updatedAt,
    );
  }

  insertEscalationEvent(e: EscalationEventRecord): void {
    this.escalationEventStmt.run(e.id, e.escalationId, e.escalationId, e.actorId, e.at, e.fromLevel, e.toLevel, e.why);
  }

  insertGoal(g: GoalRecord): void {
    this.goalStmt.run(
      g.id, g.accountId, g.title, g.target, g.dueAt, g.status, g.progress, g.completedAt, g.createdAt, g.updatedAt,
    );
  }

  insertOnboardingItem(o: OnboardingItemRecord): void {
    this.onboardingStmt.run(o.id, o.accountId, o.itemKey, o.phase, o.doneAt, o.createdAt, o.updatedAt);
  }

  insertFeedback(f: FeedbackRecord): void {
    this.feedbackStmt.run(
      f.id, f.accountId, f.category, f.sentiment, f.priority, f.status, f.body, f.createdAt, f.updatedAt,
    );
  }
}
