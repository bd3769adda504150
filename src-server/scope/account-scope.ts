import type { WireUser } from '../../src-shared/sync/auth-wire';
import type { AccountSummary } from '../accounts/account-repository';
import type { Queryable } from '../db/database';

/**
 * Who may see which account (DESIGN §3 scopes), in one place so pull, push and every endpoint
 * agree: a CSM the live accounts they own; a manager those and the ones owned by their live
 * reports (users.manager_id); an admin every live account. Deleted accounts are in nobody's scope,
 * and an account owned by a deleted user is in no CSM's or manager's scope (only an admin's) until
 * it is reassigned.
 */

type ScopeUser = Pick<WireUser, 'id' | 'role'>;

// $1 is the caller's id, $2 their role; one statement for all three roles keeps the rule in SQL.
const IN_SCOPE = `
  a.deleted_at IS NULL AND (
    $2 = 'admin'
    OR EXISTS (
      SELECT 1 FROM users o
      WHERE o.id = a.owner_id AND o.deleted_at IS NULL
        AND (o.id = $1 OR ($2 = 'manager' AND o.manager_id = $1))
    )
  )`;

/** The ids of every account in the user's scope, sorted. */
export async function accountIdsInScope(db: Queryable, user: ScopeUser): Promise<string[]> {
  const rows = await db.query<{ id: string }>(`SELECT a.id FROM accounts a WHERE ${IN_SCOPE} ORDER BY a.id`, [user.id, user.role]);
  return rows.map((row) => row.id);
}

/** True when the account exists, is live and is in the user's scope. */
export async function isAccountInScope(db: Queryable, user: ScopeUser, accountId: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM accounts a WHERE a.id = $3 AND ${IN_SCOPE}`, [user.id, user.role, accountId]);
  return rows.length > 0;
}

/** Id, name and owner of every account in the user's scope, by name (GET /v1/accounts). */
export function accountSummariesInScope(db: Queryable, user: ScopeUser): Promise<AccountSummary[]> {
  return db.query<AccountSummary>(`SELECT a.id, a.name, a.owner_id FROM accounts a WHERE ${IN_SCOPE} ORDER BY a.name, a.id`, [user.id, user.role]);
}
