// What a person types into a search box becomes a small, safe FTS5 query here, so that no input can
// make SQLite walk more than a few posting lists (DESIGN §5: no operation over 100 ms for any input).
// Words are found the way the store's tokenizer (unicode61 remove_diacritics 2) finds them: runs of
// letters and digits, with the combining accents it folds away (U+0300-U+036F) kept inside a word and
// every other mark, symbol, emoji or punctuation a separator.

/** The bounds every full-text query is cut to; exported so tests and docs quote the same numbers. */
export const FTS_QUERY_BOUNDS = {
  /** More words only narrow the result further; five already pick out a note. */
  maxTerms: 5,
  /** A longer word is searched by its first 32 characters (still as a prefix). */
  maxTermLength: 32,
  /** One-letter words match most of the store as prefixes and say nothing about a note. */
  minTermLetters: 2,
  /** Only the first words of a pasted page are read, which keeps the work bounded for any length. */
  maxWordsRead: 100,
} as const;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\u0300-\u036F]*/gu;
const LATIN_ACCENTS = /(?<=\p{Script=Latin})[\u0300-\u036F]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

interface Term {
  /** The word as the query sends it (NFKC, cut to the maximum length); the tokenizer folds it. */
  text: string;
  /** Lower case without Latin accents: how the index sees it, to spot repeats and redundant prefixes. */
  key: string;
  letters: number;
  position: number;
}

/** A word as the index compares it: lower case, Latin accents removed ("Reunión" → "reunion"). */
export function searchKey(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(LATIN_ACCENTS, '').normalize('NFC');
}

/** Words of a text as the store's tokenizer splits them (letters and digits, with their accents). */
export function wordsOf(text: string): IterableIterator<RegExpMatchArray> {
  return text.matchAll(WORD);
}

function termOf(word: string, position: number): Term {
  const text = Array.from(word).slice(0, FTS_QUERY_BOUNDS.maxTermLength).join('');
  const key = searchKey(text);
  const letters = Array.from(key).filter((ch) => LETTER_OR_DIGIT.test(ch)).length;
  return { text, key, letters, position };
}

/**
 * The words of a search as the query will use them, in typed order: NFKC-normalized, one-letter
 * words, repeats and words that are a prefix of another kept word dropped, at most five (the longest).
 */
export function searchTerms(typed: string): string[] {
  const seen = new Set<string>();
  const terms: Term[] = [];
  let position = 0;
  for (const match of wordsOf(typed.normalize('NFKC'))) {
    if (position === FTS_QUERY_BOUNDS.maxWordsRead) break;
    const term = termOf(match[0], position++);
    if (term.letters < FTS_QUERY_BOUNDS.minTermLetters || seen.has(term.key)) continue;
    seen.add(term.key);
    terms.push(term);
  }
  // Every term is matched as a prefix, so "renov" adds nothing beside "renovación".
  const needed = terms.filter((term) => !terms.some((other) => other.key.length > term.key.length && other.key.startsWith(term.key)));
  const kept = needed.length <= FTS_QUERY_BOUNDS.maxTerms
    ? needed
    : [...needed].sort((a, b) => b.letters - a.letters || a.position - b.position).slice(0, FTS_QUERY_BOUNDS.maxTerms);
  return kept.sort((a, b) => a.position - b.position).map((term) => term.text);
}

/** The FTS5 MATCH expression for words from searchTerms: each a quoted prefix term; null when there are none. */
export function toFtsMatch(terms: readonly string[]): string | null {
  return terms.length ? terms.map((term) => `"${term}"*`).join(' ') : null;
}

/**
 * Turns typed text into an FTS5 MATCH expression in which every word is a quoted prefix term (so
 * FTS operators and punctuation are plain text), or null when no searchable word is left.
 */
export function toFtsQuery(typed: string): string | null {
  return toFtsMatch(searchTerms(typed));
}
