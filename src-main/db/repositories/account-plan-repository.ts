import type { Database } from 'better-sqlite3';
import type { Goal } from '../../../src-shared/ipc/plan-schemas';
import type { OnboardingPhase } from '../../../src-shared/schedule/labels';
import { insertSql, prepareCached, selectColumns, updateSql } from '../entity-sql';
import { OutboxRepository } from './outbox-repository';

interface GoalRow {
  id: string;
  account_id: string;
  title: string;
  target: string | null;
  due_at: string | null;
  status: Goal['status'];
  progress: number;
  completed_at: string | null;
}

function toGoal(row: GoalRow): Goal {
  return {
    id: row.id, accountId: row.account_id, title: row.title, target: row.target, dueAt: row.due_at, status: row.status,
    progress: row.progress, completedAt: row.completed_at,
  };
}

type GoalFields = Pick<Goal, 'title' | 'target' | 'dueAt' | 'status' | 'progress' | 'completedAt'>;

/** Success-plan goals and onboarding checklist items; each write goes with its outbox mutation. */
export class AccountPlanRepository {
  private readonly outbox: OutboxRepository;
  private readonly goalStmt;
  private readonly goalsStmt;
  private readonly checklistStmt;
  private readonly itemStmt;

  constructor(private readonly db: Database) {
    this.outbox = new OutboxRepository(db);
    this.goalStmt = db.prepare<[string], GoalRow>(`SELECT ${selectColumns('goals')} FROM goals WHERE id = ? AND deleted_at IS NULL`);
    this.goalsStmt = db.prepare<[string], GoalRow>(
      `SELECT ${selectColumns('goals')} FROM goals WHERE account_id = ? AND deleted_at IS NULL
       ORDER BY status IN ('done', 'missed'), due_at IS NULL, due_at, created_at`,
    );
    this.checklistStmt = db.prepare<[string], { item_key: string; done_at: string | null }>(
      'SELECT item_key, done_at FROM onboarding_items WHERE account_id = ? AND deleted_at IS NULL',
    );
    this.itemStmt = db.prepare<[string, string], { id: string; done_at: string | null }>(
      'SELECT id, done_at FROM onboarding_items WHERE account_id = ? AND item_key = ?',
    );
  }

  goal(id: string): Goal | undefined {
    const row = this.goalStmt.get(id);
    return row ? toGoal(row) : undefined;
  }

  /** Open goals first (soonest due first), then done and missed ones. */
  goals(accountId: string): Goal[] {
    return this.goalsStmt.all(accountId).map(toGoal);
  }

  checklist(accountId: string): Array<{ itemKey: string; doneAt: string | null }> {
    return this.checklistStmt.all(accountId).map((row) => ({ itemKey: row.item_key, doneAt: row.done_at }));
  }

  /** Inserts a goal or changes an existing one, in one transaction with its mutation. */
  saveGoal(id: string, accountId: string, goal: GoalFields, now: Date): void {
    const at = now.toISOString();
    const fields = { title: goal.title, target: goal.target, due_at: goal.dueAt, status: goal.status, progress: goal.progress, completed_at: goal.completedAt, updated_at: at };
    this.db.transaction(() => {
      if (this.goalStmt.get(id)) {
        prepareCached(this.db, updateSql('goals', Object.keys(fields))).run({ id, ...fields });
        this.outbox.enqueue('goals', id, accountId, 'upsert', fields, now);
      } else {
        const row = { account_id: accountId, ...fields, created_at: at };
        prepareCached(this.db, insertSql('goals', { columns: Object.keys(row) })).run({ id, ...row });
        this.outbox.enqueue('goals', id, accountId, 'upsert', row, now);
      }
    })();
  }

  /**
   * Ticks or unticks one checklist item: the account's row for that item is changed when it has
   * one (whoever made it), else one is made with `newId`.
   */
  setChecklistItem(accountId: string, item: { key: string; phase: OnboardingPhase }, doneAt: string | null, newId: string, now: Date): void {
    const at = now.toISOString();
    this.db.transaction(() => {
      const existing = this.itemStmt.get(accountId, item.key);
      if (existing) {
        const fields = { done_at: doneAt, updated_at: at, deleted_at: null };
        prepareCached(this.db, updateSql('onboarding_items', Object.keys(fields))).run({ id: existing.id, ...fields });
        this.outbox.enqueue('onboarding_items', existing.id, accountId, 'upsert', fields, now);
      } else {
        const row = { account_id: accountId, item_key: item.key, phase: item.phase, done_at: doneAt, created_at: at, updated_at: at };
        prepareCached(this.db, insertSql('onboarding_items', { columns: Object.keys(row) })).run({ id: newId, ...row });
        this.outbox.enqueue('onboarding_items', newId, accountId, 'upsert', row, now);
      }
    })();
  }
}
