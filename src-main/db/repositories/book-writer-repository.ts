import type { Database, Statement } from 'better-sqlite3';
import type {
  AccountRecord, ContactRecord, CsmSentimentRecord, EscalationEventRecord, EscalationRecord, FeedbackRecord, GoalRecord, MetricRecord, NoteRecord,
  OnboardingItemRecord, SurveyRecord, TouchpointRecord, UserRecord,
} from '../../../src-shared/demo/demo-records';
import { insertSql, rowParams } from '../entity-sql';

/**
 * Bulk writer for generated books (demo, bench). Plain inserts without outbox rows: a generated
 * book stands for server-owned data that is already in sync, not for local edits to push.
 */

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
  private readonly csmSentimentStmt: Statement;
  private readonly goalStmt: Statement;
  private readonly onboardingStmt: Statement;
  private readonly feedbackStmt: Statement;

  constructor(private readonly db: Database) {
    // Column lists come from the entity registry (entity-sql.ts); rows bind by column name.
    this.userStmt = db.prepare(insertSql('users'));
    this.accountStmt = db.prepare(insertSql('accounts'));
    this.contactStmt = db.prepare(insertSql('contacts'));
    // Left hand-written: the hot path of a generated book (millions of rows) binds positionally,
    // with no object per row; the registry's other metrics column, deleted_at, stays NULL (live).
    this.metricStmt = db.prepare('INSERT INTO metrics (account_id, key, date, value) VALUES (?, ?, ?, ?)');
    this.surveyStmt = db.prepare(insertSql('surveys'));
    this.touchpointStmt = db.prepare(insertSql('touchpoints'));
    this.noteStmt = db.prepare(insertSql('notes'));
    this.escalationStmt = db.prepare(insertSql('escalations'));
    this.escalationEventStmt = db.prepare(insertSql('escalation_events'));
    this.csmSentimentStmt = db.prepare(insertSql('csm_sentiments'));
    this.goalStmt = db.prepare(insertSql('goals'));
    this.onboardingStmt = db.prepare(insertSql('onboarding_items'));
    this.feedbackStmt = db.prepare(insertSql('feedback'));
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
    this.userStmt.run(rowParams('users', u, { updated_at: u.createdAt }));
  }

  insertAccount(a: AccountRecord): void {
    this.accountStmt.run(rowParams('accounts', a));
  }

  insertContact(c: ContactRecord): void {
    this.contactStmt.run(rowParams('contacts', c));
  }

  insertMetric(m: MetricRecord): void {
    this.metricStmt.run(m.accountId, m.key, m.date, m.value);
  }

  /** Positional form for the hot path: millions of metric rows, no record object per row. */
  insertMetricValues(accountId: string, key: string, date: string, value: number): void {
    this.metricStmt.run(accountId, key, date, value);
  }

  insertSurvey(s: SurveyRecord): void {
    this.surveyStmt.run(rowParams('surveys', s));
  }

  insertTouchpoint(t: TouchpointRecord): void {
    this.touchpointStmt.run(rowParams('touchpoints', t));
  }

  insertNote(n: NoteRecord): void {
    this.noteStmt.run(rowParams('notes', n));
  }

  insertEscalation(e: EscalationRecord): void {
    this.escalationStmt.run(rowParams('escalations', e));
  }

  insertEscalationEvent(e: EscalationEventRecord): void {
    this.escalationEventStmt.run(rowParams('escalation_events', e));
  }

  insertCsmSentiment(s: CsmSentimentRecord): void {
    this.csmSentimentStmt.run(rowParams('csm_sentiments', s));
  }

  insertGoal(g: GoalRecord): void {
    this.goalStmt.run(rowParams('goals', g));
  }

  insertOnboardingItem(o: OnboardingItemRecord): void {
    this.onboardingStmt.run(rowParams('onboarding_items', o));
  }

  insertFeedback(f: FeedbackRecord): void {
    this.feedbackStmt.run(rowParams('feedback', f));
  }
}
