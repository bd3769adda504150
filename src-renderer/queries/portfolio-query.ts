import { useQuery } from '@tanstack/react-query';
import type { IpcResponse } from '../../src-shared/ipc/contract';
import { invoke } from '../api/api-client';
import { BOOK, operationKey, queryClient } from './query-client';

export type PortfolioAnswer = IpcResponse<'portfolio.list'>;

const PORTFOLIO_KEY = operationKey('portfolio.list', BOOK, {});

/** The whole book's rows; kept current row by row by `refreshPortfolioRows`, not refetched whole. */
export function usePortfolio() {
  return useQuery({ queryKey: PORTFOLIO_KEY, queryFn: () => invoke('portfolio.list', {}) });
}

/**
 * Refetches just these accounts' rows (a change named them) and puts them in place: on 5,000
 * accounts a whole reload per saved note would cost more than the note. Rows asked for and not
 * returned are gone (deleted elsewhere); new ones are added. While a whole load is in flight, or
 * when the row refresh fails, the whole book is loaded again instead.
 */
export async function refreshPortfolioRows(accountIds: readonly string[]): Promise<void> {
  const state = queryClient.getQueryState(PORTFOLIO_KEY);
  if (accountIds.length === 0 || state?.status !== 'success') return;
  const loadedAt = state.dataUpdatedAt;
  try {
    const result = await invoke('portfolio.rows', { accountIds: [...accountIds] });
    const now = queryClient.getQueryState(PORTFOLIO_KEY);
    if (now?.fetchStatus === 'fetching' || now?.dataUpdatedAt !== loadedAt) return; // a whole load answers for these rows too
    const fresh = new Map(result.rows.map((row) => [row.id, row]));
    const asked = new Set(accountIds);
    queryClient.setQueryData<PortfolioAnswer>(PORTFOLIO_KEY, (old) => {
      if (!old) return old;
      const kept = old.rows.filter((row) => !asked.has(row.id) || fresh.has(row.id)).map((row) => fresh.get(row.id) ?? row);
      const known = new Set(kept.map((row) => row.id));
      return { ...old, asOf: result.asOf, rows: [...kept, ...result.rows.filter((row) => !known.has(row.id))] };
    });
  } catch {
    await queryClient.invalidateQueries({ queryKey: PORTFOLIO_KEY });
  }
}
