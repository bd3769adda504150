import { create } from 'zustand';
import type { PortfolioRow } from '../../src-shared/ipc/contract';
import type { IpcError } from '../../src-shared/ipc/ipc-error';
import { invoke, toIpcError } from '../api/api-client';

export type PortfolioStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PortfolioState {
  status: PortfolioStatus;
  rows: PortfolioRow[];
  /** When main scored the book (ISO timestamp), from the last successful load. */
  asOf: string | null;
  /** Why the team's scoring rules were not applied (defaults in use), from main; null when they were. */
  scoringConfigProblem: string | null;
  /** Why the last load failed, shown in the user's language (i18n/error-text). */
  error: IpcError | null;
  load: () => Promise<void>;
  /** Refetches just these accounts' rows (a change named them) and puts them in place. */
  refreshRows: (accountIds: readonly string[]) => Promise<void>;
}

let latestRequest = 0;

export const usePortfolioStore = create<PortfolioState>((set, get) => ({
  status: 'idle',
  rows: [],
  asOf: null,
  scoringConfigProblem: null,
  error: null,
  load: async () => {
    const request = ++latestRequest;
    // Keep showing the previous rows while reloading; only the first load shows the spinner.
    set((s) => ({ status: s.rows.length ? s.status : 'loading', error: null }));
    try {
      const result = await invoke('portfolio.list', {});
      if (request !== latestRequest) return; // a newer load superseded this one
      set({ status: 'ready', rows: result.rows, asOf: result.asOf, scoringConfigProblem: result.scoringConfigProblem, error: null });
    } catch (error) {
      if (request !== latestRequest) return;
      set({ status: 'error', error: toIpcError(error) });
    }
  },
  refreshRows: async (accountIds) => {
    if (accountIds.length === 0 || get().status !== 'ready') return;
    const loadAtStart = latestRequest;
    try {
      const result = await invoke('portfolio.rows', { accountIds: [...accountIds] });
      if (loadAtStart !== latestRequest) return; // a whole load since answers for these rows too
      const fresh = new Map(result.rows.map((row) => [row.id, row]));
      const asked = new Set(accountIds);
      set((s) => {
        // Rows asked for and not returned are gone (deleted elsewhere); new ones are added.
        const kept = s.rows.filter((row) => !asked.has(row.id) || fresh.has(row.id)).map((row) => fresh.get(row.id) ?? row);
        const known = new Set(kept.map((row) => row.id));
        return { rows: [...kept, ...result.rows.filter((row) => !known.has(row.id))], asOf: result.asOf };
      });
    } catch {
      await get().load(); // the row refresh failed: fall back to the whole book
    }
  },
}));
