import { v7 as uuidv7 } from 'uuid';
import type { UserRole, WireUser } from '../../src-shared/sync/auth-wire';
import type { Queryable } from '../db/database';
import { commitWrites } from '../sync/change-log';

/** SQL for `users` and `device_tokens`; the rest of the server goes through these functions. */

export interface StoredUser extends WireUser {
  password_hash: string;
}

/** A live user by email, whatever its case; deleted users are not found. */
export async function findUserByEmail(db: Queryable, email: string): Promise<StoredUser | null> {
  const rows = await db.query<StoredUser>(
    'SELECT id, email, name, role, password_hash FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL',
    [email],
  );
  return rows[0] ?? null;
}

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  managerId: string | null;
  passwordHash: string;
}

/** Inserts a user and logs it for the devices (users are pulled by everyone); run it in a transaction. */
export async function insertUser(db: Queryable, user: NewUser): Promise<WireUser> {
  const rows = await db.query<WireUser>(
    `INSERT INTO users (id, email, name, role, manager_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, email, name, role`,
    [uuidv7(), user.email, user.name, user.role, user.managerId, user.passwordHash],
  );
  const created = rows[0] as WireUser;
  await commitWrites(db, [], [{ entity: 'users', rowId: created.id, accountId: null, op: 'upsert' }]);
  return created;
}

/** A user whose id and creation time are already decided (the demo organisation's people). */
export interface NewUserWithId extends NewUser {
  id: string;
  createdAt: string;
}

/** Inserts users in one statement, in the given order (managers before their reports), and logs them; run it in a transaction. */
export async function insertUsersWithIds(db: Queryable, users: readonly NewUserWithId[]): Promise<void> {
  if (users.length === 0) return;
  const rows = users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, manager_id: u.managerId, password_hash: u.passwordHash, created_at: u.createdAt }));
  await db.query(
    `INSERT INTO users (id, email, name, role, manager_id, password_hash, created_at, updated_at)
     SELECT id, email, name, role, manager_id, password_hash, created_at, created_at
     FROM jsonb_to_recordset($1::jsonb) AS u(id text, email text, name text, role text, manager_id text, password_hash text, created_at timestamptz)`,
    [JSON.stringify(rows)],
  );
  await commitWrites(db, [], users.map((u) => ({ entity: 'users' as const, rowId: u.id, accountId: null, op: 'upsert' as const })));
}

export async function updatePasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, passwordHash]);
}

export async function insertDeviceToken(db: Queryable, token: { tokenHash: string; userId: string; device: string }): Promise<void> {
  await db.query('INSERT INTO device_tokens (token_hash, user_id, device) VALUES ($1, $2, $3)', [token.tokenHash, token.userId, token.device]);
}

/**
 * The user a live (not revoked) token belongs to, when that user still exists; notes the token's
 * use at most once a minute (enough to see idle devices without a write on every request). One
 * statement: it runs before every authenticated request.
 */
export async function useDeviceToken(db: Queryable, tokenHash: string): Promise<WireUser | null> {
  const rows = await db.query<WireUser>(
    `WITH touched AS (
       UPDATE device_tokens SET last_used_at = now()
       WHERE token_hash = $1 AND revoked_at IS NULL AND last_used_at < now() - interval '1 minute'
     )
     SELECT u.id, u.email, u.name, u.role FROM device_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.deleted_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

export async function revokeDeviceToken(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('UPDATE device_tokens SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
}

/** Revokes every live token of a user; returns how many were live. */
export async function revokeUserDeviceTokens(db: Queryable, userId: string): Promise<number> {
  const rows = await db.query<{ token_hash: string }>(
    'UPDATE device_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING token_hash',
    [userId],
  );
  return rows.length;
}
