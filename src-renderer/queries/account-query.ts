import type { IpcResponse } from '../../src-shared/ipc/contract';
import { refreshPortfolioRows } from './portfolio-query';
import { invalidateForChange, useOperation } from './query-client';

export type AccountDetail = IpcResponse<'account.detail'>;

/** One account's page: facts, scores with their explanation, people, escalations, schedule. */
export function useAccountDetail(accountId: string) {
  return useOperation('account.detail', { accountId }, accountId);
}

/**
 * After a write on these accounts: refetch what shows them now rather than when main's push
 * arrives (it comes too, and finds nothing left to do but a cheap refetch).
 */
export async function afterWrite(accountIds: readonly string[]): Promise<void> {
  await Promise.all([invalidateForChange(accountIds), refreshPortfolioRows(accountIds)]);
}
