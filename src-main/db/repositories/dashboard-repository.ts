import type { Database } from 'better-sqlite3';
import type {
  DashboardAccount,
  DashboardContact,
  DashboardEscalation,
  DashboardFeedback,
  DashboardGoal,
  DashboardSurvey,
  DashboardTouchpoint,
} from '../../../src-shared/dashboards/dashboard-sources';

/** What the dashboards read, book-wide: one query per source, each a single pass. */
export class DashboardRepository {
  private readonly accountsStmt;
  private readonly renewedStmt;
  private readonly surveysStmt;
  private readonly touchpointsStmt;
  private readonly overdueStmt;
  private readonly escalationsStmt;
  private readonly feedbackStmt;
  private readonly contactsStmt;
  private readonly goalsStmt;
  private readonly doneStmt;
  private readonly notesStmt;

  constructor(db: Database) {
    this.accountsStmt = db.prepare<[], DashboardAccount>(
      `SELECT a.id, a.name, a.arr, a.status, a.contract_start AS contractStart, a.renewal_date AS renewalDate,
              a.churned_at AS churnedAt, a.owner_id AS ownerId, u.name AS ownerName, s.health,
              COALESCE(s.tier, 'unscored') AS tier, COALESCE(s.risk_band, 'none') AS riskBand
       FROM accounts a LEFT JOIN users u ON u.id = a.owner_id LEFT JOIN account_scores s ON s.account_id = a.id
       WHERE a.deleted_at IS NULL`,
    );
    this.renewedStmt = db.prepare<[], { id: string }>(
      `SELECT id FROM accounts WHERE deleted_at IS NULL AND status = 'active' AND renewals_count > 0`,
    );
    this.surveysStmt = db.prepare<[string], DashboardSurvey>(
      `SELECT sv.account_id AS accountId, sv.kind, sv.score, sv.answered_at AS answeredAt
       FROM surveys sv JOIN accounts a ON a.id = sv.account_id
       WHERE sv.deleted_at IS NULL AND a.deleted_at IS NULL AND a.status = 'active' AND sv.answered_at >= ?`,
    );
    const liveTouchpoints = `FROM touchpoints t JOIN accounts a ON a.id = t.account_id
       WHERE t.deleted_at IS NULL AND a.deleted_at IS NULL AND a.status = 'active'`;
    // Two index ranges rather than one OR, which SQLite answers by walking every touchpoint.
    const touchpointColumns = 'SELECT t.account_id AS accountId, t.due_at AS dueAt, t.completed_at AS completedAt, t.status';
    this.touchpointsStmt = db.prepare<{ from: string; to: string }, DashboardTouchpoint>(
      `${touchpointColumns} ${liveTouchpoints} AND t.due_at >= @from AND t.due_at < @to
       UNION ALL
       ${touchpointColumns} ${liveTouchpoints} AND t.completed_at >= @from AND t.completed_at < @to AND (t.due_at < @from OR t.due_at >= @to)`,
    );
    this.overdueStmt = db.prepare<[string], { accountId: string }>(
      `SELECT t.account_id AS accountId ${liveTouchpoints} AND t.status = 'planned' AND t.due_at < ?`,
    );
    this.escalationsStmt = db.prepare<[], DashboardEscalation>(
      `SELECT e.account_id AS accountId, e.level, e.opened_at AS openedAt
       FROM escalations e JOIN accounts a ON a.id = e.account_id
       WHERE e.status = 'open' AND e.deleted_at IS NULL AND a.deleted_at IS NULL`,
    );
    this.feedbackStmt = db.prepare<[string], DashboardFeedback>(
      `SELECT f.account_id AS accountId, f.category, f.sentiment
       FROM feedback f JOIN accounts a ON a.id = f.account_id
       WHERE f.deleted_at IS NULL AND a.deleted_at IS NULL AND a.status = 'active' AND f.created_at >= ?`,
    );
    this.contactsStmt = db.prepare<[], DashboardContact>(
      `SELECT c.account_id AS accountId, c.certification_level AS certificationLevel
       FROM contacts c JOIN accounts a ON a.id = c.account_id
       WHERE c.deleted_at IS NULL AND c.departed_at IS NULL AND a.deleted_at IS NULL AND a.status = 'active'`,
    );
    this.goalsStmt = db.prepare<[], DashboardGoal>(
      `SELECT g.account_id AS accountId, g.status, g.progress
       FROM goals g JOIN accounts a ON a.id = g.account_id
       WHERE g.deleted_at IS NULL AND a.deleted_at IS NULL AND a.status = 'active'`,
    );
    this.doneStmt = db.prepare<[string], { accountId: string; n: number }>(
      // "+t.status": most touchpoints are done, so the status index would read nearly all of them;
      // the completion index reads only the window's.
      `SELECT t.account_id AS accountId, COUNT(*) AS n ${liveTouchpoints} AND +t.status = 'done' AND t.completed_at >= ?
       GROUP BY t.account_id`,
    );
    this.notesStmt = db.prepare<[string], { accountId: string; n: number }>(
      `SELECT account_id AS accountId, COUNT(*) AS n FROM notes WHERE deleted_at IS NULL AND created_at >= ? GROUP BY account_id`,
    );
  }

  /** Every live account (churned ones too) with its cached scores and owner's name. */
  accounts(): DashboardAccount[] {
    return this.accountsStmt.all();
  }

  /** Active accounts that renewed at least once: the "renewed" outcomes of the churn model. */
  renewedAccountIds(): string[] {
    return this.renewedStmt.all().map((r) => r.id);
  }

  surveysSince(iso: string): DashboardSurvey[] {
    return this.surveysStmt.all(iso);
  }

  /** Touchpoints of active accounts due, or completed, in [fromIso, toIso). */
  touchpointsBetween(fromIso: string, toIso: string): DashboardTouchpoint[] {
    return this.touchpointsStmt.all({ from: fromIso, to: toIso });
  }

  /** The account of each planned touchpoint of an active account due before `iso`. */
  overdueAccountIds(beforeIso: string): string[] {
    return this.overdueStmt.all(beforeIso).map((r) => r.accountId);
  }

  /** Open escalations of every live account (a churned account's open one is still open work, as on the board). */
  openEscalations(): DashboardEscalation[] {
    return this.escalationsStmt.all();
  }

  feedbackSince(iso: string): DashboardFeedback[] {
    return this.feedbackStmt.all(iso);
  }

  /** Contacts still at active accounts, with their certification level. */
  currentContacts(): DashboardContact[] {
    return this.contactsStmt.all();
  }

  goals(): DashboardGoal[] {
    return this.goalsStmt.all();
  }

  /** Per account: touchpoints done and notes written on or after `iso`. */
  activitySince(iso: string): Map<string, { touchpointsDone: number; notes: number }> {
    const out = new Map<string, { touchpointsDone: number; notes: number }>();
    for (const r of this.doneStmt.all(iso)) out.set(r.accountId, { touchpointsDone: r.n, notes: 0 });
    for (const r of this.notesStmt.all(iso)) {
      const entry = out.get(r.accountId) ?? { touchpointsDone: 0, notes: 0 };
      entry.notes = r.n;
      out.set(r.accountId, entry);
    }
    return out;
  }
}
