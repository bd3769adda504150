import { ServiceError } from '../../src-shared/ipc/ipc-error';
import type { Database } from 'better-sqlite3';
import { UsersRepository } from '../db/repositories/users-repository';

/**
 * The team server's authorship rule, checked before a local write so a manager is told at once
 * rather than by a refused change later (issue 7 C.14; docs/sync-protocol.md "Authors"): on an
 * account someone else owns, a manager (or admin) may add rows but change only rows they wrote.
 * A CSM's own book, the local book and the demo book (whose device user is a CSM) are unaffected.
 */
export function requireMayChange(db: Database, localUserId: string | null, row: { accountOwnerId: string | null; authorId: string | null; what: string }): void {
  if (!localUserId || row.accountOwnerId === localUserId || row.authorId === localUserId) return;
  const role = new UsersRepository(db).roleOf(localUserId);
  if (role !== 'manager' && role !== 'admin') return;
  throw new ServiceError('READ_ONLY', `${row.what} belongs to the account's owner: as a manager you can add notes here, not change theirs`);
}
