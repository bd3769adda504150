import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { useOverlayStore } from '../stores/overlay-store';
import { accountIdOf } from './CommandPalette';

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * Ctrl/Cmd+K opens the command palette from anywhere; N (outside a text field, with no dialog open)
 * opens a quick note, on the account whose page is open.
 */
export function useGlobalShortcuts(enabled: boolean): void {
  const [location] = useLocation();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const overlays = useOverlayStore.getState();
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        if (overlays.paletteOpen) overlays.closePalette();
        else overlays.openPalette();
        return;
      }
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (plain && event.key.toLowerCase() === 'n' && !isEditable(event.target) && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        overlays.openQuickNote(accountIdOf(location));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, location]);
}
