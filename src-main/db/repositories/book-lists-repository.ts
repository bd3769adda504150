import type { Database } from 'better-sqlite3';
import type { Escalation, Touchpoint } from '../../../src-shared/domain/entities';
import type { RiskBand, Tier } from '../../../src-shared/scoring/types';

/** An account as Today lists it: enough to rank it and to say why it is there. */
export interface TodayAccount {
  id: string;
  name: string;
  arr: number;
  health: number | null;
  tier: Tier;
  riskBand: RiskBand;
}

const ACCOUNT_COLUMNS = `a.id AS accountId, a.name AS accountName, a.arr AS arr, s.health AS health,
  COALESCE(s.tier, 'unscored') AS tier, COALESCE(s.risk_band, 'none') AS riskBand`;
const LIVE_ACCOUNTS = `FROM accounts a LEFT JOIN account_scores s ON s.account_id = a.id
  WHERE a.status = 'active' AND a.deleted_at IS NULL`;

interface AccountColumns {
  accountId: string;
  accountName: string;
  arr: number;
  health: number | null;
  tier: Tier;
  riskBand: RiskBand;
}

function toAccount(row: AccountColumns): TodayAccount {
  return { id: row.accountId, name: row.accountName, arr: row.arr, health: row.health, tier: row.tier, riskBand: row.riskBand };
}

export type DueTouchpoint = Pick<Touchpoint, 'id' | 'kind' | 'origin' | 'title' | 'dueAt'> & { account: TodayAccount };

/** The book-wide lists (Today, the escalation board): one query per list, each on an index. */
export class BookListsRepository {
  private readonly dueStmt;
  private readonly accountsStmt;
  private readonly renewalsStmt;
  private readonly escalationsStmt;
  private readonly onboardingStmt;
  private readonly countStmt;
  private readonly plannedStmt;

  constructor(db: Database) {
    this.dueStmt = db.prepare<[string], AccountColumns & { id: string; kind: Touchpoint['kind']; origin: Touchpoint['origin']; title: string; dueAt: string }>(
      `SELECT t.id, t.kind, t.origin, t.title, t.due_at AS dueAt, ${ACCOUNT_COLUMNS}
       FROM touchpoints t JOIN accounts a ON a.id = t.account_id LEFT JOIN account_scores s ON s.account_id = a.id
       WHERE t.status = 'planned' AND t.deleted_at IS NULL AND t.due_at < ? AND a.status = 'active' AND a.deleted_at IS NULL`,
    );
    this.accountsStmt = db.prepare<[], AccountColumns>(`SELECT ${ACCOUNT_COLUMNS} ${LIVE_ACCOUNTS}`);
    this.plannedStmt = db.prepare<[string, string, number], AccountColumns & { id: string; kind: Touchpoint['kind']; origin: Touchpoint['origin']; title: string; dueAt: string }>(
      `SELECT t.id, t.kind, t.origin, t.title, t.due_at AS dueAt, ${ACCOUNT_COLUMNS}
       FROM touchpoints t JOIN accounts a ON a.id = t.account_id LEFT JOIN account_scores s ON s.account_id = a.id
       WHERE t.status = 'planned' AND t.deleted_at IS NULL AND t.due_at >= ? AND t.due_at < ? AND a.status = 'active' AND a.deleted_at IS NULL
       ORDER BY t.due_at, t.id LIMIT ?`,
    );
    this.countStmt = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n ${LIVE_ACCOUNTS}`);
    this.renewalsStmt = db.prepare<[string, string], AccountColumns & { renewalDate: string }>(
      `SELECT ${ACCOUNT_COLUMNS}, a.renewal_date AS renewalDate ${LIVE_ACCOUNTS} AND a.renewal_date >= ? AND a.renewal_date < ?
       ORDER BY a.renewal_date, a.name`,
    );
    this.escalationsStmt = db.prepare<[], AccountColumns & Record<string, unknown>>(
      `SELECT ${ACCOUNT_COLUMNS}, e.id, e.level, e.reason, e.severity, e.status, e.owner_id, e.opened_at, e.resolved_at
       FROM escalations e JOIN accounts a ON a.id = e.account_id LEFT JOIN account_scores s ON s.account_id = a.id
       WHERE e.status = 'open' AND e.deleted_at IS NULL AND a.deleted_at IS NULL
       ORDER BY e.level DESC, e.opened_at`,
    );
    this.onboardingStmt = db.prepare<[string, string], AccountColumns & { contractStart: string; nextId: string | null; done: number }>(
      `SELECT ${ACCOUNT_COLUMNS}, a.contract_start AS contractStart,
         (SELECT t.id FROM touchpoints t WHERE t.account_id = a.id AND t.status = 'planned' AND t.deleted_at IS NULL
            ORDER BY t.due_at LIMIT 1) AS nextId,
         (SELECT COUNT(*) FROM onboarding_items o WHERE o.account_id = a.id AND o.done_at IS NOT NULL AND o.deleted_at IS NULL) AS done
       ${LIVE_ACCOUNTS} AND a.contract_start > ? AND a.contract_start <= ? ORDER BY a.contract_start DESC`,
    );
  }

  /** Planned touchpoints of active accounts due before `beforeIso` (overdue and due today). */
  dueBefore(beforeIso: string): DueTouchpoint[] {
    return this.dueStmt.all(beforeIso).map((row) => ({
      id: row.id, kind: row.kind, origin: row.origin, title: row.title, dueAt: row.dueAt, account: toAccount(row),
    }));
  }

  /** How many active accounts the book holds. */
  activeCount(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  /** Planned touchpoints of active accounts due from `fromIso` up to `toIso`, soonest first, at most `limit`. */
  plannedBetween(fromIso: string, toIso: string, limit: number): DueTouchpoint[] {
    return this.plannedStmt.all(fromIso, toIso, limit).map((row) => ({
      id: row.id, kind: row.kind, origin: row.origin, title: row.title, dueAt: row.dueAt, account: toAccount(row),
    }));
  }

  /** Every active account with its cached scores. */
  activeAccounts(): TodayAccount[] {
    return this.accountsStmt.all().map(toAccount);
  }

  /** Active accounts renewing on days from `fromDay` up to (not including) `toDay`, soonest first. */
  renewalsBetween(fromDay: string, toDay: string): Array<{ account: TodayAccount; renewalDate: string }> {
    return this.renewalsStmt.all(fromDay, toDay).map((row) => ({ account: toAccount(row), renewalDate: row.renewalDate }));
  }

  /** Open escalations, highest level first. */
  openEscalations(): Array<{ account: TodayAccount; escalation: Escalation }> {
    return this.escalationsStmt.all().map((row) => ({
      account: toAccount(row),
      escalation: {
        id: row.id as string,
        accountId: row.accountId,
        level: row.level as number,
        reason: row.reason as string,
        severity: row.severity as Escalation['severity'],
        status: row.status as Escalation['status'],
        ownerId: row.owner_id as string | null,
        openedAt: row.opened_at as string,
        resolvedAt: row.resolved_at as string | null,
      },
    }));
  }

  /**
   * Active accounts whose contract started after `sinceIso` and by `asOfIso` (in onboarding), newest
   * first, with their next planned touchpoint's id and the checklist items done.
   */
  onboardingBetween(sinceIso: string, asOfIso: string): Array<{ account: TodayAccount; contractStart: string; nextTouchpointId: string | null; checklistDone: number }> {
    return this.onboardingStmt.all(sinceIso, asOfIso).map((row) => ({
      account: toAccount(row), contractStart: row.contractStart, nextTouchpointId: row.nextId, checklistDone: row.done,
    }));
  }
}
