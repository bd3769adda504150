import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { toIpcError } from '../api/api-client';
import { useAccountNotes } from '../queries/notes-query';
import { AddNoteForm } from './AddNoteForm';
import { NoteList } from './NoteList';

/** Typing pauses this long before the search runs, so each keystroke does not query main. */
const SEARCH_DEBOUNCE_MS = 200;
/** The longest search text main accepts (notes.list `query`). */
const SEARCH_MAX_CHARS = 200;

/** Search box over the account's notes; clearing it (or Escape) shows every note again. */
function NoteSearch({ onSearch }: { onSearch: (query: string) => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const inputId = useId();

  useEffect(() => {
    if (text.trim() === '') {
      onSearch(''); // clearing restores the list at once
      return;
    }
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);

  return (
    <div className="note-search" role="search">
      <label htmlFor={inputId} className="note-label">
        {t('notes.search')}
      </label>
      <input
        id={inputId}
        type="search"
        className="note-search-input"
        value={text}
        maxLength={SEARCH_MAX_CHARS}
        placeholder={t('notes.searchPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text !== '') {
            e.preventDefault(); // clear the search; a second Escape closes the panel
            e.stopPropagation();
            setText('');
          }
        }}
      />
    </div>
  );
}

/** Call notes: the add form, a search box, and the account's notes newest first, paged. */
export function NotesSection({ accountId }: { accountId: string }) {
  const { t, fmt } = useT();
  const [query, setQuery] = useState('');
  const list = useAccountNotes(accountId, query);
  const notes = list.data?.pages.flatMap((page) => page.notes) ?? [];
  // A search still running shows the previous matches (placeholder data): it is not done yet.
  const settled = list.isSuccess && !list.isPlaceholderData;
  const loadFailed = list.isError && !list.isFetchNextPageError;
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A live region only speaks when its text changes: alternate a trailing space for repeats.
  const announce = useCallback((message: string) => setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message)), []);
  const focusHeading = useCallback(() => headingRef.current?.focus(), []);

  // Say how a search came out once when it completes, not again on each later change to its results.
  const announcedQuery = useRef('');
  const searchDone = query !== '' && settled;
  const matches = notes.length;
  useEffect(() => {
    if (!searchDone) {
      announcedQuery.current = '';
      return;
    }
    if (announcedQuery.current === query) return;
    announcedQuery.current = query;
    announce(matches === 0 ? t('notes.noMatch', { query }) : t('notes.matchCount', { n: fmt.number(matches) }));
  }, [searchDone, query, matches, announce, t, fmt]);

  return (
    <section className="panel-section" aria-labelledby="panel-notes-title">
      <h3 id="panel-notes-title" ref={headingRef} tabIndex={-1}>
        {t('notes.title')}
      </h3>
      <AddNoteForm accountId={accountId} announce={announce} />
      <NoteSearch onSearch={setQuery} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {!settled && !loadFailed && (query || notes.length === 0) && (
        <p className="muted">{query ? t('notes.searching') : t('notes.loading')}</p>
      )}
      {loadFailed && (
        <div className="note-load-error" role="alert">
          <p className="form-error" title={list.error.message}>
            {t('notes.error.load', { message: errorText(toIpcError(list.error), t) })}
          </p>
          <button type="button" className="button-secondary button-small" onClick={() => void list.refetch()}>
            {t('portfolio.error.retry')}
          </button>
        </div>
      )}
      {settled && notes.length === 0 && (
        <p className="muted">{query ? t('notes.noMatch', { query }) : t('notes.empty')}</p>
      )}
      <NoteList
        notes={notes}
        paging={list}
        label={query ? t('notes.results', { query }) : t('notes.title')}
        announce={announce}
        focusFallback={focusHeading}
      />
    </section>
  );
}
