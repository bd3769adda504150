import type { Database } from 'better-sqlite3';

/** Who is using this device: a stored choice, else the first CSM of the book. */
export class UsersRepository {
  private readonly firstCsmStmt;

  constructor(db: Database) {
    this.firstCsmStmt = db.prepare<[], { id: string }>(
      `SELECT id FROM users WHERE role = 'csm' AND deleted_at IS NULL ORDER BY created_at, email LIMIT 1`,
    );
  }

  firstCsmId(): string | null {
    return this.firstCsmStmt.get()?.id ?? null;
  }
}
