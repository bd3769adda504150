import type { Account } from '../../src-shared/domain/entities';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import type { AccountsRepository } from '../db/repositories/accounts-repository';

/** The account with this id, or NOT_FOUND naming it (field `accountId`): every service's first check. */
export function requireAccount(accounts: AccountsRepository, accountId: string): Account {
  const account = accounts.get(accountId);
  if (!account) throw new ServiceError('NOT_FOUND', `No account with id "${accountId}"`, 'accountId');
  return account;
}
