import { create } from 'zustand';
import type { SortingState } from '@tanstack/react-table';

/** Highest churn risk first until the user picks another column. */
export const DEFAULT_SORTING: SortingState = [{ id: 'risk', desc: true }];

interface PortfolioViewState {
  sorting: SortingState;
  setSorting: (sorting: SortingState) => void;
}

/** How the portfolio is shown (sort order), kept while the user visits an account and comes back. */
export const usePortfolioViewStore = create<PortfolioViewState>((set) => ({
  sorting: DEFAULT_SORTING,
  setSorting: (sorting) => set({ sorting }),
}));
