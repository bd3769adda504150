import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../../src-shared/search/fts-query';
import { noteSnippet, SNIPPET_BOUNDS } from '../../../src-shared/search/snippet';

const snippet = (body: string, typed: string): string => noteSnippet(body, searchTerms(typed));
const words = (count: number, from = 1): string => Array.from({ length: count }, (_, i) => `w${i + from}`).join(' ');

describe('noteSnippet: the excerpt under a search hit', () => {
  it('brackets the matched words, ignoring accents and case, matching prefixes', () => {
    expect(snippet('Reunión con el campeón: quieren SSO', 'reunion CAMPEON')).toBe('[Reunión] con el [campeón]: quieren SSO');
    expect(snippet('Hablamos de la renovación', 'renov')).toBe('Hablamos de la [renovación]');
  });

  it('shows about twelve words from just before the first match, with … where the note goes on', () => {
    const body = `${words(30)} renovación ${words(30, 31)}`;
    expect(snippet(body, 'renovacion')).toBe('…w28 w29 w30 [renovación] w31 w32 w33 w34 w35 w36 w37 w38…');
  });

  it('keeps twelve words when the match is near the end', () => {
    expect(snippet(`${words(20)} final`, 'final')).toBe('…w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 [final]');
  });

  it('shows the start of a long note whose first match lies beyond the part it reads', () => {
    const body = `${'Texto de relleno sin nada. '.repeat(100)} renovación`;
    expect(body.indexOf('renovación')).toBeGreaterThan(SNIPPET_BOUNDS.scanChars);
    expect(snippet(body, 'renovacion')).toBe('Texto de relleno sin nada. Texto de relleno sin nada. Texto de…');
  });

  it('stays short for a 100,000-character note that repeats the word thousands of times', () => {
    const body = 'renovación check '.repeat(6000).slice(0, 100_000);
    const result = snippet(body, 'renovacion check');
    expect(result).toBe(`${'[renovación] [check] '.repeat(6).trimEnd()}…`);
  });

  it('never returns a lone surrogate, more than twelve words, or text that is not in the note', () => {
    const text = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }));
    fc.assert(
      fc.property(text, text, (body, typed) => {
        const result = snippet(body, typed);
        expect(/[\uD800-\uDFFF]/.test(result.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))).toBe(false);
        const inner = result.replace(/^…/, '').replace(/…$/, '');
        expect(body.replace(/[[\]]/g, '')).toContain(inner.replace(/[[\]]/g, ''));
        expect(Array.from(inner.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\u0300-\u036F]*/gu)).length).toBeLessThanOrEqual(SNIPPET_BOUNDS.words);
      }),
    );
  });
});
