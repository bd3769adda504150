import type { Database } from 'better-sqlite3';
import type { Account, Contact, Escalation, Touchpoint } from '../../../src-shared/domain/entities';
import type { RiskBand, Tier } from '../../../src-shared/scoring/types';
import { selectColumns } from '../entity-sql';

interface AccountRow {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  plan: Account['plan'];
  arr: number;
  seats: number;
  seats_used: number;
  plan_feature_count: number;
  volume_limit: number;
  contract_start: string;
  renewal_date: string;
  renewals_count: number;
  lifecycle_stage: Account['lifecycleStage'];
  owner_id: string | null;
  status: Account['status'];
  churned_at: string | null;
  competitor_evaluation: number;
  payment_overdue_days: number;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    industry: row.industry,
    plan: row.plan,
    arr: row.arr,
    seats: row.seats,
    seatsUsed: row.seats_used,
    planFeatureCount: row.plan_feature_count,
    volumeLimit: row.volume_limit,
    contractStart: row.contract_start,
    renewalDate: row.renewal_date,
    renewalsCount: row.renewals_count,
    lifecycleStage: row.lifecycle_stage,
    ownerId: row.owner_id,
    status: row.status,
    churnedAt: row.churned_at,
    competitorEvaluation: row.competitor_evaluation === 1,
    paymentOverdueDays: row.payment_overdue_days,
  };
}

/** One portfolio line as read in a single query, with the cached engine results. */
export interface PortfolioRecord {
  id: string;
  name: string;
  industry: string | null;
  plan: Account['plan'];
  arr: number;
  renewalDate: string;
  contractStart: string;
  status: Account['status'];
  score: { health: number | null; tier: Tier; riskPoints: number; riskBand: RiskBand } | null;
  nextTouchpoint: { id: string; kind: Touchpoint['kind']; title: string; dueAt: string } | null;
  escalationLevel: number | null;
  ownerId: string | null;
  /** From the local users table; null when the owner is unknown on this device. */
  ownerName: string | null;
}

type PortfolioTuple = [
  id: string, name: string, industry: string | null, plan: Account['plan'], arr: number, renewalDate: string,
  contractStart: string, status: Account['status'], health: number | null, tier: Tier | null,
  riskPoints: number | null, riskBand: RiskBand | null,
  /** JSON [id, kind, title, due_at] of the next planned touchpoint, read from the covering index. */
  nextTouchpointJson: string | null, escalationLevel: number | null, ownerId: string | null, ownerName: string | null,
];

/** Every synced column of accounts, from the entity registry. */
const ACCOUNT_COLUMNS = selectColumns('accounts', 'a');

function toPortfolioRecord([
  id, name, industry, plan, arr, renewalDate, contractStart, status, health, tier, riskPoints, riskBand, nextJson, escalationLevel,
  ownerId, ownerName,
]: PortfolioTuple): PortfolioRecord {
  const next = nextJson ? (JSON.parse(nextJson) as [string, Touchpoint['kind'], string, string]) : null;
  return {
    id, name, industry, plan, arr, renewalDate, contractStart, status,
    score: tier && riskBand && riskPoints !== null ? { health, tier, riskPoints, riskBand } : null,
    nextTouchpoint: next ? { id: next[0], kind: next[1], title: next[2], dueAt: next[3] } : null,
    escalationLevel,
    ownerId,
    ownerName,
  };
}

export class AccountsRepository {
  private readonly portfolioStmt;
  private readonly getStmt;
  private readonly contactsStmt;
  private readonly openEscalationsStmt;
  private readonly countStmt;
  private readonly portfolioRowStmt;
  private readonly anyRowStmt;

  constructor(db: Database) {
    // One pass over accounts in raw (array) mode: the next touchpoint is one seek into a covering
    // partial index, and health/tier/risk come from the score cache (migration 0002).
    // Deliberately hand-written, not from the entity registry: it reads a few columns as a positional
    // tuple (PortfolioTuple) for speed over the whole book; its shape and order are that tuple's.
    const portfolioSql = `SELECT a.id, a.name, a.industry, a.plan, a.arr, a.renewal_date, a.contract_start, a.status,
                s.health, s.tier, s.risk_points, s.risk_band,
                (SELECT json_array(t.id, t.kind, t.title, t.due_at) FROM touchpoints t INDEXED BY touchpoints_planned_next
                  WHERE t.account_id = a.id AND t.status = 'planned' AND t.deleted_at IS NULL ORDER BY t.due_at LIMIT 1),
                (SELECT MAX(e.level) FROM escalations e
                  WHERE e.account_id = a.id AND e.status = 'open' AND e.deleted_at IS NULL),
                a.owner_id, u.name
         FROM accounts a
         LEFT JOIN account_scores s ON s.account_id = a.id
         LEFT JOIN users u ON u.id = a.owner_id
         WHERE a.deleted_at IS NULL`;
    this.portfolioStmt = db.prepare<[], PortfolioTuple>(portfolioSql).raw(true);
    this.portfolioRowStmt = db.prepare<[string], PortfolioTuple>(`${portfolioSql} AND a.id = ?`).raw(true);
    this.getStmt = db.prepare<[string], AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = ? AND a.deleted_at IS NULL`,
    );
    this.contactsStmt = db.prepare<[string], {
      id: string; account_id: string; name: string; email: string | null; role: string | null;
      is_champion: number; departed_at: string | null; certification_level: number;
    }>(
      `SELECT ${selectColumns('contacts')} FROM contacts WHERE account_id = ? AND deleted_at IS NULL ORDER BY is_champion DESC, name`,
    );
    this.openEscalationsStmt = db.prepare<[string], {
      id: string; account_id: string; level: number; reason: string; severity: Escalation['severity'];
      status: Escalation['status']; owner_id: string | null; opened_at: string; resolved_at: string | null;
    }>(
      `SELECT ${selectColumns('escalations')} FROM escalations WHERE account_id = ? AND status = 'open' AND deleted_at IS NULL ORDER BY level DESC, opened_at`,
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM accounts WHERE deleted_at IS NULL');
    this.anyRowStmt = db.prepare<[], { one: number }>('SELECT 1 AS one FROM accounts LIMIT 1');
  }

  /** True when the store has never held an account, live or tombstoned. */
  isEmpty(): boolean {
    return this.anyRowStmt.get() === undefined;
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  /** Every live account with its cached score, next planned touchpoint and open escalation level. */
  portfolio(): PortfolioRecord[] {
    return this.portfolioStmt.all().map(toPortfolioRecord);
  }

  /** The portfolio records of the given live accounts (one indexed lookup each). */
  portfolioFor(accountIds: readonly string[]): PortfolioRecord[] {
    return accountIds.flatMap((id) => {
      const tuple = this.portfolioRowStmt.get(id);
      return tuple ? [toPortfolioRecord(tuple)] : [];
    });
  }

  get(id: string): Account | undefined {
    const row = this.getStmt.get(id);
    return row ? toAccount(row) : undefined;
  }

  contacts(accountId: string): Contact[] {
    return this.contactsStmt.all(accountId).map((row) => ({
      id: row.id,
      accountId: row.account_id,
      name: row.name,
      email: row.email,
      role: row.role,
      isChampion: row.is_champion === 1,
      departedAt: row.departed_at,
      certificationLevel: row.certification_level,
    }));
  }

  openEscalations(accountId: string): Escalation[] {
    return this.openEscalationsStmt.all(accountId).map((row) => ({
      id: row.id,
      accountId: row.account_id,
      level: row.level,
      reason: row.reason,
      severity: row.severity,
      status: row.status,
      ownerId: row.owner_id,
      openedAt: row.opened_at,
      resolvedAt: row.resolved_at,
    }));
  }
}
