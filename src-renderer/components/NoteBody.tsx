import { memo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { useT } from '../i18n/use-t';
import { isExternalLink } from '../../src-shared/links/external-links';
import { plainTextReason } from './markdown-bounds';

/** The href when it is an absolute http(s) or mailto address, else null (relative, javascript:, file:…). */
export function externalHref(href: string | undefined): string | null {
  return href && isExternalLink(href) ? href : null;
}

/**
 * A link in a note opens outside the app (a new tab in the web shell, the system browser under
 * Electron, whose main process turns window.open into shell.openExternal); anything else is text.
 */
function NoteLink({ href, children }: { href?: string; children?: ReactNode }) {
  const safe = externalHref(href);
  if (safe === null) return <span className="note-link-text">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

// Headings inside a note are part of the note, not of the page outline: shown as strong text.
const components: Components = {
  h1: 'strong',
  h2: 'strong',
  h3: 'strong',
  h4: 'strong',
  h5: 'strong',
  h6: 'strong',
  img: () => null, // no remote content: an image link in a note is not fetched
  a: ({ href, children }) => <NoteLink href={href}>{children}</NoteLink>,
};

/**
 * A call note's markdown as React elements (raw HTML left out, never run), or its plain text when
 * the note passes the bounds of markdown-bounds.ts. Memoized: parsing is the costly part and a
 * note's text rarely changes while the list around it does.
 */
export const NoteBody = memo(function NoteBody({ markdown }: { markdown: string }) {
  const { t } = useT();
  if (plainTextReason(markdown) !== null) {
    return (
      <>
        <div className="note-body note-body-plain">{markdown}</div>
        <p className="muted small note-plain-hint">{t('notes.plainText')}</p>
      </>
    );
  }
  return (
    <div className="note-body">
      <Markdown components={components} skipHtml>
        {markdown}
      </Markdown>
    </div>
  );
});
