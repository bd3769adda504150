import { v7 as uuidv7 } from 'uuid';
import type { UserRole, WireUser } from '../../src-shared/sync/auth-wire';
import type { Queryable } from '../db/database';

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

export async function insertUser(db: Queryable, user: NewUser): Promise<WireUser> {
  const rows = await db.query<WireUser>(
    `INSERT INTO users (id, email, name, role, manager_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, email, name, role`,
    [uuidv7(), user.email, user.name, user.role, user.managerId, user.passwordHash],
  );
  return rows[0] as WireUser;
}

export async function updatePasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, passwordHash]);
}

export async function insertDeviceToken(db: Queryable, token: { tokenHash: string; userId: string; device: string }): Promise<void> {
  await db.query('INSERT INTO device_tokens (token_hash, user_id, device) VALUES ($1, $2, $3)', [token.tokenHash, token.userId, token.device]);
}

/** The user a live (not revoked) token belongs to, when that user still exists. */
export async function findUserByTokenHash(db: Queryable, tokenHash: string): Promise<WireUser | null> {
  const rows = await db.query<WireUser>(
    `SELECT u.id, u.email, u.name, u.role FROM device_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.deleted_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

// At most one write per token a minute: enough to see idle devices without a write on every request.
export async function touchDeviceToken(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(`UPDATE device_tokens SET last_used_at = now() WHERE token_hash = $1 AND last_used_at < now() - interval '1 minute'`, [tokenHash]);
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
