import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../db/database';
import { commitWrites } from '../sync/change-log';

/** SQL for `accounts` outside sync (admin commands); rows are written with the registry's column names. */

export interface NewAccount {
  name: string;
  plan: 'starter' | 'professional' | 'enterprise';
  arr: number;
  ownerId: string;
  contractStart: string;
  renewalDate: string;
  planFeatureCount: number;
  volumeLimit: number;
}

/** Inserts a live, active account at the start of its life cycle and logs it; run it in a transaction. Returns its new id. */
export async function insertAccount(db: Queryable, account: NewAccount): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  await db.query(
    `INSERT INTO accounts (id, name, domain, industry, plan, arr, seats, seats_used, plan_feature_count, volume_limit,
       contract_start, renewal_date, renewals_count, lifecycle_stage, owner_id, status, churned_at,
       competitor_evaluation, payment_overdue_days, created_at, updated_at, deleted_at)
     VALUES ($1, $2, NULL, NULL, $3, $4, 0, 0, $5, $6, $7, $8, 0, 'onboarding', $9, 'active', NULL, 0, 0, $10, $10, NULL)`,
    [id, account.name, account.plan, account.arr, account.planFeatureCount, account.volumeLimit, account.contractStart, account.renewalDate, account.ownerId, now],
  );
  await commitWrites(db, [], [{ entity: 'accounts', rowId: id, accountId: id, op: 'upsert' }]);
  return id;
}

/** What the account list shows: the account and who owns it. */
export interface AccountSummary {
  id: string;
  name: string;
  owner_id: string | null;
}

/** A live account's id, name and owner; deleted accounts are not found. */
export async function findAccount(db: Queryable, accountId: string): Promise<AccountSummary | null> {
  const rows = await db.query<AccountSummary>('SELECT id, name, owner_id FROM accounts WHERE id = $1 AND deleted_at IS NULL', [accountId]);
  return rows[0] ?? null;
}

/** Reassigns an account and logs it (the old owner's devices purge it, the new owner's download it); run it in a transaction. */
export async function setAccountOwner(db: Queryable, accountId: string, ownerId: string): Promise<void> {
  await db.query('UPDATE accounts SET owner_id = $2, updated_at = $3 WHERE id = $1', [accountId, ownerId, new Date().toISOString()]);
  await commitWrites(db, [], [{ entity: 'accounts', rowId: accountId, accountId, op: 'upsert' }]);
}
