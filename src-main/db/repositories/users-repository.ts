import type { Database } from 'better-sqlite3';

/** Who is using this device: a stored choice, else the first CSM of the book. */
export class UsersRepository {
  private readonly firstCsmStmt;
  private readonly roleStmt;
  private readonly nameStmt;

  constructor(db: Database) {
    this.nameStmt = db.prepare<[string], { name: string }>('SELECT name FROM users WHERE id = ?');
    this.roleStmt = db.prepare<[string], { role: string }>('SELECT role FROM users WHERE id = ?');
    this.firstCsmStmt = db.prepare<[], { id: string }>(
      `SELECT id FROM users WHERE role = 'csm' AND deleted_at IS NULL ORDER BY created_at, email LIMIT 1`,
    );
  }

  firstCsmId(): string | null {
    return this.firstCsmStmt.get()?.id ?? null;
  }

  /** The user's name, or null for a user this book does not hold. */
  nameOf(userId: string): string | null {
    return this.nameStmt.get(userId)?.name ?? null;
  }

  /** The user's role (csm, manager, admin), or null for a user this book does not hold. */
  roleOf(userId: string): string | null {
    return this.roleStmt.get(userId)?.role ?? null;
  }
}
