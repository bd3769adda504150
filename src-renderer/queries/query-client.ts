import { QueryClient, useQuery, type QueryKey } from '@tanstack/react-query';
import type { IpcOperation, IpcRequest } from '../../src-shared/ipc/contract';
import type { DataChangedEvent } from '../../src-shared/ipc/operation-names';
import { invoke, onDataChanged } from '../api/api-client';

/**
 * Server data in the UI: every read of the contract is a TanStack Query keyed
 * `[operation, scope, payload]`. The scope is the account the answer depends on, or BOOK for answers
 * drawn from the whole book (Today, the agenda, the board), so a `data.changed` push naming some
 * accounts refetches exactly the queries it can have changed.
 */
export const BOOK = '*';

export const queryClient = new QueryClient({
  defaultOptions: {
    // Data changes only through main, which says so with `data.changed`: nothing goes stale by age,
    // and a failed read shows its error with a retry button rather than retrying behind the user's back.
    queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
});

/** The key of one operation's answer; `scope` is an account id or BOOK. */
export function operationKey<Op extends IpcOperation>(operation: Op, scope: string, payload: IpcRequest<Op>): QueryKey {
  return [operation, scope, payload];
}

/** Reads one contract operation through the query cache. */
export function useOperation<Op extends IpcOperation>(
  operation: Op,
  payload: IpcRequest<Op>,
  scope: string = BOOK,
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: operationKey(operation, scope, payload),
    queryFn: () => invoke(operation, payload),
    enabled: options.enabled ?? true,
  });
}

/** Operations whose cached answer is kept up to date by their own code instead of a refetch. */
const SELF_REFRESHING = new Set<string>(['portfolio.list']);

/** A note changes no score, schedule or escalation: only the reads that show notes (or count them) follow it. */
const NOTE_READERS = new Set<string>(['notes.list', 'notes.search', 'dashboard.view', 'dashboard.accounts']);

/**
 * Marks stale what a change can have touched: its accounts' queries and every book-wide one (of
 * those, only the note readers when the change was a note's).
 */
export function invalidateForChange(accountIds: readonly string[], notesOnly = false): Promise<void> {
  const touched = new Set(accountIds);
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const [operation, scope] = query.queryKey as [string, string];
      if (SELF_REFRESHING.has(operation) || (notesOnly && !NOTE_READERS.has(operation))) return false;
      return scope === BOOK || touched.has(scope);
    },
  });
}

/** True for a change that wrote notes only (a note operation, as opposed to a pull or a touchpoint). */
export function isNotesOnly(event: DataChangedEvent): boolean {
  return event.operation.startsWith('notes.');
}

/** Follows main's `data.changed` pushes (this tab's writes, other windows', a pull) into the cache. */
export function followDataChanges(onChange: (event: DataChangedEvent) => void): () => void {
  return onDataChanged((event) => {
    void invalidateForChange(event.accountIds, isNotesOnly(event));
    onChange(event);
  });
}
