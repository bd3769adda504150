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
}

let latestRequest = 0;

export const usePortfolioStore = create<PortfolioState>((set) => ({
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
}));
