import { create } from 'zustand';
import { PATHS } from '../routes/paths';

interface NavigationState {
  /** The list view an account page returns to (Today, the portfolio, the board…). */
  returnPath: string;
  /** The account whose page was open last, so the list it came from can focus its row again. */
  lastOpenedAccountId: string | null;
  setReturnPath: (path: string) => void;
  setLastOpened: (accountId: string) => void;
}

/** Where the user came from, kept across page changes (UI state only; no server data). */
export const useNavigationStore = create<NavigationState>((set) => ({
  returnPath: PATHS.portfolio,
  lastOpenedAccountId: null,
  setReturnPath: (returnPath) => set({ returnPath }),
  setLastOpened: (lastOpenedAccountId) => set({ lastOpenedAccountId }),
}));
