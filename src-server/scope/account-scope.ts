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

/**
 * Of these account ids, those in the user's scope, with each one's owner; each is locked for the
 * rest of the transaction (advisory lock, taken in id order so two writers cannot deadlock), so
 * two pushes to one account merge one after the other.
 */
export async function lockOwnersInScope(db: Queryable, user: ScopeUser, accountIds: readonly string[]): Promise<Map<string, string | null>> {
  // ORDER BY runs before a volatile function of the select list, so the locks follow id order.
  const rows = await db.query<{ id: string; owner_id: string | null }>(
    `SELECT a.id, a.owner_id, pg_advisory_xact_lock(hashtext(a.id)) FROM accounts a WHERE a.id = ANY($3::text[]) AND ${IN_SCOPE} ORDER BY a.id`,
    [user.id, user.role, accountIds],
  );
  return new Map(rows.map((row) => [row.id, row.owner_id]));
}

/**
 * The accounts that were in the user's scope when the change log stood at `seq`, from the owner and
 * manager versions in scope_history (the user's role is taken as it is now).
 */
export async function accountIdsInScopeAt(db: Queryable, user: ScopeUser, seq: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `WITH acc AS (
       SELECT DISTINCT ON (id) id, parent_id AS owner_id, live FROM scope_history WHERE kind = 'account' AND seq <= $3 ORDER BY id, seq DESC
     ), usr AS (
       SELECT DISTINCT ON (id) id, parent_id AS manager_id, live FROM scope_history WHERE kind = 'user' AND seq <= $3 ORDER BY id, seq DESC
     )
     SELECT acc.id FROM acc
     WHERE acc.live AND (
       $2 = 'admin'
       OR EXISTS (SELECT 1 FROM usr o WHERE o.id = acc.owner_id AND o.live AND (o.id = $1 OR ($2 = 'manager' AND o.manager_id = $1)))
     )
     ORDER BY acc.id`,
    [user.id, user.role, seq],
  );
  return rows.map((row) => row.id);
}

/** True when some account's owner or some user's manager changed after `seq` (scopes may differ). */
export async function scopeChangedSince(db: Queryable, seq: number): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM scope_history WHERE seq > $1 LIMIT 1', [seq]);
  return rows.length > 0;
}

/**
 * Accounts that may have entered the user's scope after `seq`: those given to the user (or, for a
 * manager, to someone who ever reported to them) after it, and those of anyone who joined the
 * manager's team after it. With the scopes at the cursor and now, every account that can be in
 * the scope anywhere in between. (An admin's scope is every account.)
 */
export async function accountsEnteringScopeSince(db: Queryable, user: ScopeUser, seq: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT h.id FROM scope_history h
     WHERE h.kind = 'account' AND (
       $3 = 'admin'
       OR (h.seq > $1 AND (h.parent_id = $2 OR ($3 = 'manager' AND h.parent_id IN (SELECT id FROM scope_history WHERE kind = 'user' AND parent_id = $2))))
       OR ($3 = 'manager' AND h.parent_id IN (SELECT id FROM scope_history WHERE kind = 'user' AND seq > $1 AND parent_id = $2))
     )`,
    [seq, user.id, user.role],
  );
  return rows.map((row) => row.id);
}
