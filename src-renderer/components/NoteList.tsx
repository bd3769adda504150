import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import type { Note } from '../../src-shared/domain/entities';
import { toIpcError } from '../api/api-client';
import { NOTE_PAGE_SIZE, type useAccountNotes } from '../queries/notes-query';
import { NoteItem } from './NoteItem';

/** The paging side of the notes query: whether older notes are left and how their loading stands. */
type Paging = Pick<ReturnType<typeof useAccountNotes>, 'data' | 'hasNextPage' | 'fetchNextPage' | 'isFetchingNextPage' | 'isFetchNextPageError' | 'error'>;

interface NoteListProps {
  notes: Note[];
  paging: Paging;
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
  notes: Note[];
  paging: Paging;
  announce: (message: string) => void;
  /** Moves focus to the note at this position (the first one the button loaded). */
  focusNote: (index: number) => void;
}

/** The end of the list: older pages load when it scrolls into view, or with the button (keyboard users). */
function LoadOlder({ notes, paging, announce, focusNote }: LoadOlderProps) {
  const { t, fmt } = useT();
  const sentinelRef = useRef<HTMLDivElement>(null);
  const { fetchNextPage, isFetchingNextPage: loading, isFetchNextPageError: failed, hasNextPage } = paging;

  /** Loads the next page and says how many notes are shown; true when it loaded. */
  const load = useCallback(async () => {
    // A page already on its way (the list scrolled to its end) is joined rather than asked for
    // twice; a refetch under way (the account changed) gives way, or the page would never come.
    const result = await fetchNextPage({ cancelRefetch: !loading });
    if (result.isError) return false;
    announce(t('notes.olderLoaded', { n: fmt.number(result.data?.pages.reduce((sum, page) => sum + page.notes.length, 0) ?? 0) }));
    return true;
  }, [fetchNextPage, loading, announce, t, fmt]);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // A keyboard user who moved to the button (which scrolls it, and the sentinel, into view) loads
  // with Enter: a page loaded on the way there would put their focus past notes they never saw.
  const loadOnScroll = useCallback(() => {
    if (document.activeElement !== buttonRef.current) void load();
  }, [load]);
  // After a failure the button retries; scrolling does not, so a broken connection does not loop.
  useOnVisible(sentinelRef, loadOnScroll, hasNextPage && !loading && !failed, paging.data?.pages.at(-1)?.nextBefore);

  const loadWithButton = async () => {
    const shown = notes.length;
    // The button itself may go (no older page left): focus moves to the first note it loaded.
    if (await load()) focusNote(shown);
  };

  if (!hasNextPage) {
    return notes.length > NOTE_PAGE_SIZE ? <p className="muted small note-end">{t('notes.allShown')}</p> : null;
  }
  const olderError = failed && paging.error ? toIpcError(paging.error) : null;
  return (
    <div className="note-more">
      <div ref={sentinelRef} className="note-sentinel" aria-hidden="true" />
      {olderError && (
        <p className="form-error" role="alert" title={olderError.message}>
          {t('notes.error.older', { message: errorText(olderError, t) })}
        </p>
      )}
      {/* Not disabled while a page loads: pressing it then waits for that page and moves focus to it. */}
      <button ref={buttonRef} type="button" className="button-secondary" aria-busy={loading} onClick={() => void loadWithButton()}>
        {loading ? t('notes.loadingOlder') : t('notes.loadOlder')}
      </button>
    </div>
  );
}

/** Notes, newest first, with older pages on demand. */
export function NoteList({ notes, paging, label, announce, focusFallback }: NoteListProps) {
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
      {notes.length > 0 && (
        <ol ref={listRef} className="note-list" aria-label={label}>
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} announce={announce} onDeleted={onDeleted} />
          ))}
        </ol>
      )}
      <LoadOlder notes={notes} paging={paging} announce={announce} focusNote={focusNote} />
    </>
  );
}
