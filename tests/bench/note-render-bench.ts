// Note rendering (DESIGN §5: no single operation over 100 ms for any input): the account panel
// renders each note through NoteBody, so any note body up to the 100,000-character maximum must
// render in under 100 ms. Run alone with `npx tsx tests/bench/note-render-bench.ts`.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { pathToFileURL } from 'node:url';
import { NoteBody } from '../../src-renderer/components/NoteBody';
import { plainTextReason } from '../../src-renderer/components/markdown-bounds';
import { timeRuns } from './bench-stats';

const MAX_NOTE_CHARS = 100_000;
const BUDGET_MS = 100;

export interface NoteRenderFigure {
  label: string;
  measuredMs: number;
  /** Budget in ms. */
  budget: number;
  baselineMs: number;
  baselineLabel: string;
}

/** A body made of `count` copies of a piece (or a function of the count), named for the report. */
interface AdversarialShape {
  name: string;
  make: (count: number) => string;
}

const repeat = (piece: string) => (count: number) => piece.repeat(count);

/**
 * Shapes micromark is slow or deeply recursive on, found by probing it with bodies up to 100,000
 * characters: nesting (quotes, lists, emphasis runs, brackets), many list or heading lines,
 * unmatched delimiters, and a bare \r as the line ending.
 */
const ADVERSARIAL_SHAPES: readonly AdversarialShape[] = [
  { name: 'quote markers', make: (n) => `${'>'.repeat(n)} text` },
  { name: 'star run around a word', make: (n) => `${'*'.repeat(n)}word${'*'.repeat(n)}` },
  { name: 'underscore run around a word', make: (n) => `${'_'.repeat(n)}word${'_'.repeat(n)}` },
  { name: 'nested emphasis openers and closers', make: (n) => `${'*a '.repeat(n)}${'a* '.repeat(n)}` },
  { name: 'star/underscore mix', make: repeat('*a_') },
  { name: 'emphasised words', make: repeat('*a* ') },
  { name: 'open brackets then closers', make: (n) => `${'['.repeat(n)}${']'.repeat(n)}` },
  { name: 'unclosed link destinations', make: repeat('[a](') },
  { name: 'links', make: repeat('[a](https://example.com) ') },
  { name: 'entities', make: repeat('&amp; ') },
  { name: 'code spans', make: repeat('`a') },
  { name: 'list lines', make: repeat('- a\n') },
  { name: 'list lines ending in \\r', make: repeat('- a\r') },
  { name: 'ordered list lines', make: repeat('1. a\n') },
  { name: 'empty list items', make: repeat('*\n') },
  { name: 'chained quote and list markers', make: (n) => `${'> - '.repeat(n)}x` },
  { name: 'lines of chained markers, 8 deep', make: repeat('> - > - > - > - x\n') },
  { name: 'nested list, 4 levels per group', make: repeat('- a\n  - b\n    - c\n      - d\n') },
  { name: 'indentation growing per line', make: (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- x`).join('\n') },
  { name: 'setext headings', make: repeat('a\n=\n') },
  { name: 'ATX headings', make: repeat('# a\n') },
  { name: 'paragraphs', make: repeat('a\n\n') },
  { name: 'reference definitions', make: repeat('[a]: https://example.com\n') },
  { name: 'mixed markup lines', make: repeat('- **a** _b_ [c](https://d.e) `f` &amp;\n') },
  { name: 'prose in one paragraph', make: repeat('The customer agreed to renew and asked about SSO pricing. ') },
  { name: 'prose lines', make: repeat('The customer agreed to renew and asked about SSO pricing.\n') },
  { name: 'prose with a link per line', make: repeat('Renewal agreed, see [the order form](https://example.com/o).\n') },
];

/** The largest count whose body still fits `fits` (the shapes grow monotonically; some quadratically). */
function largestCount(shape: AdversarialShape, fits: (body: string) => boolean): number {
  let high = 1;
  while (fits(shape.make(high))) high *= 2;
  let low = high / 2; // fits (or 0.5 when even one copy does not)
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(shape.make(mid))) low = mid;
    else high = mid;
  }
  return Math.floor(low);
}

/** Each shape at the 100,000-character maximum (these fall back to plain text). */
export function fullSizeBodies(): { name: string; body: string }[] {
  return ADVERSARIAL_SHAPES.map((shape) => ({
    name: `${shape.name}, ${MAX_NOTE_CHARS.toLocaleString('en-US')} chars`,
    body: shape.make(largestCount(shape, (body) => body.length <= MAX_NOTE_CHARS)),
  }));
}

/** Each shape at the largest size that is still formatted as markdown: the costliest bodies allowed. */
export function boundaryBodies(): { name: string; body: string }[] {
  return ADVERSARIAL_SHAPES.map((shape) => {
    const body = shape.make(largestCount(shape, (b) => b.length <= MAX_NOTE_CHARS && plainTextReason(b) === null));
    return { name: `${shape.name}, largest formatted (${body.length.toLocaleString('en-US')} chars)`, body };
  });
}

/** A realistic call note: headings, lists, emphasis, a quote and links, about 700 characters. */
export const NORMAL_NOTE = [
  '## QBR prep call with Ana (VP Ops)',
  '',
  'Renewal is **on track**; they want to expand to the *EMEA* team next quarter.',
  '',
  '### What went well',
  '- Onboarding of the second team finished two weeks early',
  '- Weekly active users up 18% since January',
  '- Support tickets down to 2 this month (both closed)',
  '',
  '### Concerns',
  '1. SSO setup is still manual for new hires; IT asked for SCIM',
  '2. Pricing for 40 extra seats: they expect the **15% loyalty discount**',
  '3. Champion (Luis) may move to another role in Q3',
  '',
  '> "If the EMEA rollout goes like this one, we will standardise on you." — Ana',
  '',
  'Próximos pasos: enviar propuesta de precios y agendar sesión técnica de SCIM.',
  'Docs: [SCIM guide](https://example.com/docs/scim) · contact: <mailto:ana@example.com>',
].join('\n');

const renderNote = (markdown: string): string => renderToString(createElement(NoteBody, { markdown }));
const renderPlainText = (text: string): string => renderToString(createElement('div', { className: 'note-body' }, text));

/** Median render time of one body in ms (a few warm-up renders first, as a long session would have). */
function medianRenderMs(render: (text: string) => string, body: string, runs = 5): number {
  return timeRuns(() => render(body), runs, 2).median;
}

/**
 * The slowest adversarial body (each shape at full size and at the largest size still formatted),
 * a normal note, each beside plain text of the same size rendered as one text node.
 */
export async function noteRenderFigures(): Promise<NoteRenderFigure[]> {
  let worst = { name: '', ms: -1, chars: 0 };
  for (const { name, body } of [...fullSizeBodies(), ...boundaryBodies()]) {
    const ms = medianRenderMs(renderNote, body);
    if (ms > worst.ms) worst = { name, ms, chars: body.length };
  }
  const plainMax = 'The customer agreed to renew. '.repeat(MAX_NOTE_CHARS / 30).slice(0, MAX_NOTE_CHARS);
  return [
    {
      label: `note render, slowest of ${ADVERSARIAL_SHAPES.length * 2} adversarial bodies (${worst.name}), median`,
      measuredMs: worst.ms,
      budget: BUDGET_MS,
      baselineMs: medianRenderMs(renderPlainText, plainMax),
      baselineLabel: `plain text, ${MAX_NOTE_CHARS.toLocaleString('en-US')} chars, one text node`,
    },
    {
      label: `note render, a normal note (${NORMAL_NOTE.length.toLocaleString('en-US')} chars of markdown), median`,
      measuredMs: medianRenderMs(renderNote, NORMAL_NOTE, 20),
      budget: BUDGET_MS,
      baselineMs: medianRenderMs(renderPlainText, NORMAL_NOTE, 20),
      baselineLabel: 'the same note as plain text',
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const figure of await noteRenderFigures()) {
    console.log(`${figure.label}: ${figure.measuredMs.toFixed(2)} ms (budget < ${figure.budget} ms; baseline ${figure.baselineMs.toFixed(2)} ms ${figure.baselineLabel})`);
  }
}
