import { useEffect, useRef } from 'react';

/**
 * A native <dialog> shown modal while mounted (focus stays inside, Escape cancels), and focus given
 * back to what had it before when it closes.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first control; the field marked data-autofocus is where typing starts.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      requestAnimationFrame(() => before?.isConnected && before.focus());
    };
  }, []);
  return ref;
}
