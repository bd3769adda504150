import { useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { toIpcError } from '../api/api-client';
import { errorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { useOperation } from '../queries/query-client';
import { accountPath } from '../routes/paths';

/** Typing pauses this long before the search runs. */
const DEBOUNCE_MS = 200;

/** A snippet with its matched words (in [brackets] from main) highlighted. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/\[([^\]]*)\]/);
  return (
    <p className="search-snippet">
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}
    </p>
  );
}

/** Every note of the book, searched in Spanish and English, each hit one click from its account. */
export function SearchView() {
  const { t, fmt } = useT();
  const inputId = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, error, isFetching } = useOperation('notes.search', { query, limit: 50 }, undefined, { enabled: query !== '' });
  return (
    <div className="search-view">
      <h1 className="page-heading">{t('search.title')}</h1>
      <div role="search" className="search-box">
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.label')}
        </label>
        <input id={inputId} type="search" value={text} maxLength={200} autoFocus placeholder={t('search.placeholder')} onChange={(e) => setText(e.target.value)} />
      </div>
      <p className="muted" role="status" aria-live="polite">
        {query === '' ? t('search.hint') : isFetching ? t('notes.searching') : data ? t('search.count', { n: data.hits.length }) : ''}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {errorText(toIpcError(error), t)}
        </p>
      )}
      {data && query !== '' && (
        <ol className="search-results" aria-label={t('search.results')}>
          {data.hits.map((hit) => (
            <li key={hit.note.id} className="search-hit">
              <Link href={accountPath(hit.note.accountId)} className="acct-link search-account">
                {hit.accountName}
              </Link>
              <span className="muted small"> · {fmt.dateTime(hit.note.createdAt)}</span>
              <Snippet text={hit.snippet} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
