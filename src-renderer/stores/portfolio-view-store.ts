import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { z } from 'zod';
import type { SortingState } from '@tanstack/react-table';
import { NO_FILTERS, portfolioFiltersSchema, type PortfolioFilters } from '../components/portfolio-filters';
import { forgivingLocalStorage } from './browser-storage';

/** Highest churn risk first until the user picks another column. */
export const DEFAULT_SORTING: SortingState = [{ id: 'risk', desc: true }];
export const GROUPINGS = ['none', 'tier', 'owner'] as const;
export type Grouping = (typeof GROUPINGS)[number];

const viewSchema = z.object({
  filters: portfolioFiltersSchema,
  sorting: z.array(z.object({ id: z.string().max(40), desc: z.boolean() })).max(4),
  groupBy: z.enum(GROUPINGS),
  hiddenColumns: z.array(z.string().max(40)).max(20),
});
export type PortfolioViewSettings = z.infer<typeof viewSchema>;
const savedViewSchema = viewSchema.extend({ name: z.string().min(1).max(80) });
export type SavedView = z.infer<typeof savedViewSchema>;
/** What is remembered across restarts; anything else in storage (or a damaged entry) is ignored. */
const persistedSchema = viewSchema.extend({ savedViews: z.array(savedViewSchema).max(50) });

/** A saved view's name: trimmed, at most 80 characters. */
export const VIEW_NAME_MAX = 80;

interface PortfolioViewState extends PortfolioViewSettings {
  savedViews: SavedView[];
  setSorting: (sorting: SortingState) => void;
  setFilters: (update: Partial<PortfolioFilters>) => void;
  clearFilters: () => void;
  setGroupBy: (groupBy: Grouping) => void;
  toggleColumn: (columnId: string) => void;
  /** Saves the current view under a name (replacing one of the same name). */
  saveView: (name: string) => void;
  applyView: (name: string) => void;
  deleteView: (name: string) => void;
}

const DEFAULTS: PortfolioViewSettings = { filters: NO_FILTERS, sorting: DEFAULT_SORTING, groupBy: 'none', hiddenColumns: [] };

/** How the portfolio is shown (filters, sort, grouping, columns) and the views saved by name. UI state only. */
export const usePortfolioViewStore = create<PortfolioViewState>()(
  persist(
    (set, get) => ({
      ...DEFAULTS,
      savedViews: [],
      setSorting: (sorting) => set({ sorting }),
      setFilters: (update) => set((s) => ({ filters: { ...s.filters, ...update } })),
      clearFilters: () => set({ filters: NO_FILTERS }),
      setGroupBy: (groupBy) => set({ groupBy }),
      toggleColumn: (columnId) =>
        set((s) => ({
          hiddenColumns: s.hiddenColumns.includes(columnId) ? s.hiddenColumns.filter((c) => c !== columnId) : [...s.hiddenColumns, columnId],
        })),
      saveView: (raw) => {
        const name = raw.trim().slice(0, VIEW_NAME_MAX);
        if (!name) return;
        const { filters, sorting, groupBy, hiddenColumns, savedViews } = get();
        const view: SavedView = { name, filters, sorting, groupBy, hiddenColumns };
        set({ savedViews: [...savedViews.filter((v) => v.name !== name), view].sort((a, b) => a.name.localeCompare(b.name)) });
      },
      applyView: (name) => {
        const view = get().savedViews.find((v) => v.name === name);
        if (view) set({ filters: view.filters, sorting: view.sorting, groupBy: view.groupBy, hiddenColumns: view.hiddenColumns });
      },
      deleteView: (name) => set((s) => ({ savedViews: s.savedViews.filter((v) => v.name !== name) })),
    }),
    {
      name: 'csm.portfolioView',
      version: 1,
      storage: createJSONStorage(() => forgivingLocalStorage),
      partialize: ({ filters, sorting, groupBy, hiddenColumns, savedViews }) => ({ filters, sorting, groupBy, hiddenColumns, savedViews }),
      // Stored state is input like any other: a damaged or foreign entry falls back to the defaults.
      merge: (persisted, current) => {
        const parsed = persistedSchema.safeParse(persisted);
        return parsed.success ? { ...current, ...parsed.data } : current;
      },
    },
  ),
);
