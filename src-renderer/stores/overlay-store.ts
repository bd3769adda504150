import { create } from 'zustand';

interface OverlayState {
  paletteOpen: boolean;
  /** The quick-note dialog, with the account it starts on (null: the user picks one). */
  quickNote: { accountId: string | null } | null;
  openPalette: () => void;
  closePalette: () => void;
  openQuickNote: (accountId: string | null) => void;
  closeQuickNote: () => void;
}

/** Which overlay (command palette, quick note) is open; UI state only. */
export const useOverlayStore = create<OverlayState>((set) => ({
  paletteOpen: false,
  quickNote: null,
  openPalette: () => set({ paletteOpen: true, quickNote: null }),
  closePalette: () => set({ paletteOpen: false }),
  openQuickNote: (accountId) => set({ quickNote: { accountId }, paletteOpen: false }),
  closeQuickNote: () => set({ quickNote: null }),
}));
