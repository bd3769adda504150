import Markdown from 'react-markdown';

// Headings inside a note are part of the note, not of the page outline: shown as strong text.
const components = {
  h1: 'strong',
  h2: 'strong',
  h3: 'strong',
  h4: 'strong',
  h5: 'strong',
  h6: 'strong',
  img: () => null, // no remote content: an image link in a note is not fetched
} as const;

/** A call note's markdown as React elements; raw HTML in a note is left out, never run. */
export function NoteBody({ markdown }: { markdown: string }) {
  return (
    <div className="note-body">
      <Markdown components={components} skipHtml>
        {markdown}
      </Markdown>
    </div>
  );
}
