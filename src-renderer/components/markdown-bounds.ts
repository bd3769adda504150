/**
 * Which notes are formatted as markdown, decided by one linear pass before the parser sees them.
 *
 * react-markdown's parser (micromark) and the tree steps after it recurse once per nesting level
 * (thousands of `>` or `*` overflow the stack) and slow down faster than linearly on many list
 * lines, nested containers and unmatched delimiters (a 100,000-character note of `- a` lines
 * takes seconds). Their cost adds up: per line (more for nested lines), per markup character and
 * per character of text. Past these bounds a note is shown as plain text instead: nothing is lost,
 * and the slowest note still formatted renders well under DESIGN §5's 100 ms
 * (tests/bench/note-render-bench.ts measures it).
 */
export const MARKDOWN_BOUNDS = {
  /** Levels at the start of one line: each `>`, each list marker, each 2 columns of indentation. */
  maxLineNesting: 8,
  /** Formatting cost: each line 2 + its nesting, each inline markup character 2, each 100 characters 1. */
  maxCost: 1_000,
} as const;

/** What a line costs before its nesting: micromark tries every block construct on each line. */
const LINE_COST = 2;
/** What each inline markup character costs (a link's brackets cost about as much as a list line). */
const MARKUP_COST = 2;
/** Characters of text per cost unit. */
const CHARS_PER_COST = 100;

export type MarkdownBounds = { readonly [K in keyof typeof MARKDOWN_BOUNDS]: number };

/** Why a note is shown as plain text: a line nests too deep, or formatting it would cost too much. */
export type PlainTextReason = 'nesting' | 'cost';

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const CLOSE_PAREN = 41;
const GT = 62;

/** * _ ` [ ] < & \ — the characters micromark starts or ends an inline construct on. */
const INLINE_MARKUP = new Uint8Array(128);
for (const ch of '*_`[]<&\\') INLINE_MARKUP[ch.charCodeAt(0)] = 1;

const isDigit = (code: number): boolean => code >= ZERO && code <= NINE;
const isLineEnd = (code: number): boolean => code === LF || code === CR;
/** After a list marker: a space, a tab, the end of the line or of the text (NaN). */
const endsMarker = (code: number): boolean => code === SPACE || code === TAB || isLineEnd(code) || Number.isNaN(code);

/** Length of a list or quote marker at `i` (`>`, `-`, `*`, `+`, `1.`, `1)`), or 0 when there is none. */
function markerLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === GT) return 1;
  if ((code === DASH || code === STAR || code === PLUS) && endsMarker(text.charCodeAt(i + 1))) return 1;
  if (!isDigit(code)) return 0;
  let j = i + 1;
  while (j - i < 9 && isDigit(text.charCodeAt(j))) j += 1; // CommonMark allows at most 9 digits
  const after = text.charCodeAt(j);
  return (after === DOT || after === CLOSE_PAREN) && endsMarker(text.charCodeAt(j + 1)) ? j + 1 - i : 0;
}

/**
 * Null when the note may be formatted, else the first bound it passes. Runs in one pass over the
 * text and stops at the first bound passed, so it costs well under a millisecond for any note.
 */
export function plainTextReason(text: string, bounds: MarkdownBounds = MARKDOWN_BOUNDS): PlainTextReason | null {
  const end = text.length;
  let cost = Math.ceil(end / CHARS_PER_COST);
  if (cost > bounds.maxCost) return 'cost';
  let i = 0;
  while (i <= end) {
    // The line's start: indentation and container markers (one space after a marker belongs to it).
    let markers = 0;
    let columns = 0;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === SPACE) {
        columns += 1;
        i += 1;
        continue;
      }
      if (code === TAB) {
        columns += 4 - (columns % 4);
        i += 1;
        continue;
      }
      const length = markerLength(text, i);
      if (length === 0) break;
      markers += 1;
      i += length;
      if (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i += 1;
    }
    const nesting = markers + Math.floor(columns / 2);
    if (nesting > bounds.maxLineNesting) return 'nesting';
    cost += LINE_COST + nesting;
    // The rest of the line: its inline markup.
    while (i < end && !isLineEnd(text.charCodeAt(i))) {
      const code = text.charCodeAt(i);
      if (code < 128 && INLINE_MARKUP[code] === 1) cost += MARKUP_COST;
      i += 1;
    }
    if (cost > bounds.maxCost) return 'cost';
    // Past the line ending: \n, \r or \r\n, as micromark counts lines.
    if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 1;
    i += 1;
  }
  return null;
}
