import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { NOTE_PAGE_SIZE, useNotesStore, type PagedNotes } from '../stores/notes-store';
import { NoteItem } from './NoteItem';

interface NoteListProps {
  list: PagedNotes;
  label: string;
  announce: (message: string) => void;
  /** Where focus goes when the last note on screen is deleted. */
  focusFallback: () => void;
}

/**
 * Calls `onVisible` whenever the element scrolls into view while `enabled`. Observing again
 * after each change of `cursor` fires at once when the element is still visible (a short page).
 */
function useOnVisible(ref: RefObject<HTMLElement | null>, onVisible: () => void, enabled: boolean, cursor: unknown): void {
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onVisible();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, onVisible, enabled, cursor]);
}

interface LoadOlderProps {
  list: PagedNotes;
  announce: (message: string) => void;
  /** Moves focus to the note at this position (the first one the button loaded). */
  focusNote: (index: number) => void;
}

/** The end of the list: older pages load when it scrolls into view, or with the button (keyboard users). */
function LoadOlder({ list, announce, focusNote }: LoadOlderProps) {
  const { t, fmt } = useT();
  const loadOlder = useNotesStore((s) => s.loadOlder);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const loading = list.olderStatus === 'loading';

  /** Loads the next page and says how many notes are shown; true when it loaded. */
  const load = useCallback(async () => {
    await loadOlder();
    const { query, browse, results } = useNotesStore.getState();
    const now = query ? results : browse;
    if (now.olderStatus !== 'idle') return false;
    announce(t('notes.olderLoaded', { n: fmt.number(now.notes.length) }));
    return true;
  }, [loadOlder, announce, t, fmt]);
  const loadOnScroll = useCallback(() => void load(), [load]);
  // After a failure the button retries; scrolling does not, so a broken connection does not loop.
  useOnVisible(sentinelRef, loadOnScroll, list.nextBefore !== null && list.olderStatus === 'idle', list.nextBefore);

  const loadWithButton = async () => {
    const shown = list.notes.length;
    // The button itself may go (no older page left): focus moves to the first note it loaded.
    if (await load()) focusNote(shown);
  };

  if (list.nextBefore === null) {
    return list.notes.length > NOTE_PAGE_SIZE ? <p className="muted small note-end">{t('notes.allShown')}</p> : null;
  }
  return (
    <div className="note-more">
      <div ref={sentinelRef} className="note-sentinel" aria-hidden="true" />
      {list.olderStatus === 'error' && list.olderError && (
        <p className="form-error" role="alert" title={list.olderError.message}>
          {t('notes.error.older', { message: errorText(list.olderError, t) })}
        </p>
      )}
      <button type="button" className="button-secondary" disabled={loading} onClick={() => void loadWithButton()}>
        {loading ? t('notes.loadingOlder') : t('notes.loadOlder')}
      </button>
    </div>
  );
}

/** Notes, newest first, with older pages on demand. */
export function NoteList({ list, label, announce, focusFallback }: NoteListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const focusNote = useCallback((index: number) => {
    // After React has rendered the page just loaded.
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>(':scope > li')[index]?.focus());
  }, []);
  const onDeleted = useCallback(
    (neighbour: HTMLElement | null) => {
      // After React has removed the deleted note.
      requestAnimationFrame(() => (neighbour?.isConnected ? neighbour.focus() : focusFallback()));
    },
    [focusFallback],
  );
  return (
    <>
      {list.notes.length > 0 && (
        <ol ref={listRef} className="note-list" aria-label={label}>
          {list.notes.map((note) => (
            <NoteItem key={note.id} note={note} announce={announce} onDeleted={onDeleted} />
          ))}
        </ol>
      )}
      <LoadOlder list={list} announce={announce} focusNote={focusNote} />
    </>
  );
}
