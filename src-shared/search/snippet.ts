// The short excerpt shown under a search hit. FTS5's snippet() scores every pair of matches in a
// note, so a 100,000-character note that repeats the searched word took 200 ms on its own and a page
// of them seconds; this reads only the start of each note and costs the same for any body.
import { searchKey, wordsOf } from './fts-query';

export const SNIPPET_BOUNDS = {
  /** Words in the excerpt, like snippet(…, 12) before. */
  words: 12,
  /** Words of context shown before the first match. */
  lead: 3,
  /** Only this much of a note is read to find a match; further in, the excerpt is the note's start. */
  scanChars: 2_000,
} as const;

interface Word {
  start: number;
  end: number;
  matches: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/**
 * The excerpt of `body` for the words of a search (from searchTerms): about twelve words around the
 * first match within the first 2,000 characters, matched words in [brackets], '…' where the note goes on.
 */
export function noteSnippet(body: string, terms: readonly string[]): string {
  const keys = terms.map(searchKey);
  const scanned = body.slice(0, SNIPPET_BOUNDS.scanChars);
  const words: Word[] = [];
  let firstMatch = -1;
  for (const match of wordsOf(scanned)) {
    const key = searchKey(match[0]);
    const matches = keys.some((term) => key.startsWith(term));
    if (matches && firstMatch < 0) firstMatch = words.length;
    words.push({ start: match.index!, end: match.index! + match[0].length, matches });
    if (firstMatch >= 0 && words.length >= firstMatch + SNIPPET_BOUNDS.words) break;
  }
  if (!words.length) return '';
  const from = Math.max(0, Math.min(firstMatch - SNIPPET_BOUNDS.lead, words.length - SNIPPET_BOUNDS.words));
  const shown = words.slice(from, from + SNIPPET_BOUNDS.words);
  let text = '';
  let at = shown[0]!.start;
  for (const word of shown) {
    text += body.slice(at, word.start) + (word.matches ? `[${body.slice(word.start, word.end)}]` : body.slice(word.start, word.end));
    at = word.end;
  }
  const before = from > 0 ? '…' : '';
  // Searched from `at` (lastIndex of a global regex) rather than in a copy of the rest of a long body.
  const rest = new RegExp(LETTER_OR_DIGIT);
  rest.lastIndex = at;
  const after = rest.test(body) ? '…' : '';
  return `${before}${text}${after}`;
}
