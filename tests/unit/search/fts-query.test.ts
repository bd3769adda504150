import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FTS_QUERY_BOUNDS, searchTerms, toFtsQuery } from '../../../src-shared/search/fts-query';

describe('toFtsQuery: what a CSM types becomes a small, safe full-text query', () => {
  it.each([
    ['reunión', '"reunión"*'],
    // A decomposed accent (as some keyboards and pastes produce it) is the same word.
    ['reunio\u0301n', '"reunión"*'],
    // Fullwidth letters fold to plain ones (NFKC).
    ['ｒｅｕｎｉｏｎ', '"reunion"*'],
    ['Reunión con el campeón', '"Reunión"* "con"* "el"* "campeón"*'],
    ['SSO, QBR & ROI!', '"SSO"* "QBR"* "ROI"*'],
    ["don't", '"don"*'],
    ['v2.3 roadmap', '"v2"* "roadmap"*'],
  ])('%j → %s', (typed, expected) => {
    expect(toFtsQuery(typed)).toBe(expected);
  });

  it('treats FTS operators, quotes and column filters as plain words', () => {
    expect(toFtsQuery('NEAR(de la) OR "con"')).toBe('"NEAR"* "de"* "la"* "OR"* "con"*');
    expect(toFtsQuery('pro* -body:next ^x')).toBe('"pro"* "body"* "next"*');
    expect(toFtsQuery('"unbalanced')).toBe('"unbalanced"*');
  });

  it('returns null when no searchable word is left', () => {
    for (const typed of ['', '   ', '"*()-:^+{}', 'a b c d e', '👍🏽 🎉 👨‍👩‍👧', '\u200b\ufeff', 'é ñ']) {
      expect(toFtsQuery(typed), JSON.stringify(typed)).toBeNull();
    }
  });

  it('drops one-letter words, repeats (accents and case ignored) and words another word already covers as a prefix', () => {
    expect(searchTerms('a '.repeat(100))).toEqual([]);
    expect(searchTerms('Renovación renovacion RENOVACIÓN')).toEqual(['Renovación']);
    expect(searchTerms('r re ren reno renov renovación')).toEqual(['renovación']);
    expect(searchTerms('renovación renov contrato con')).toEqual(['renovación', 'contrato']);
  });

  it('keeps the five longest words, in the order they were typed', () => {
    expect(searchTerms('de la el en con por para the and with')).toEqual(['con', 'por', 'para', 'the', 'with']);
    expect(searchTerms('Reunión con el campeón sobre la renovación del contrato anual')).toEqual([
      'Reunión', 'campeón', 'sobre', 'renovación', 'contrato',
    ]);
  });

  it('cuts a long word to its first 32 characters, still matched as a prefix', () => {
    expect(toFtsQuery('renovacion'.repeat(20))).toBe(`"${'renovacion'.repeat(4).slice(0, 32)}"*`);
    expect(toFtsQuery('会議'.repeat(100))).toBe(`"${'会議'.repeat(16)}"*`);
  });

  it('never splits a character outside the Basic Multilingual Plane when cutting', () => {
    const [term] = searchTerms('𝒜'.repeat(40));
    expect(Array.from(term!)).toHaveLength(FTS_QUERY_BOUNDS.maxTermLength);
    expect(/[\uD800-\uDFFF]/u.test(term!)).toBe(false);
  });
});

describe('toFtsQuery properties: any input gives a bounded query or null', () => {
  const typedText = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 120 }),
    fc.array(fc.constantFrom('a', 'de', 'con', 'reunión', 'renov', '"', '*', 'NEAR(', '👍', '\u0301', ' ', 'ｘｙ', 'OR', ':'), { maxLength: 80 }).map((parts) => parts.join(' ')),
  );

  it('has at most five distinct quoted prefix terms of 2 to 32 characters, nothing else', () => {
    fc.assert(
      fc.property(typedText, (typed) => {
        const query = toFtsQuery(typed);
        const terms = searchTerms(typed);
        if (query === null) {
          expect(terms).toEqual([]);
          return;
        }
        expect(query).toBe(terms.map((t) => `"${t}"*`).join(' '));
        expect(terms.length).toBeGreaterThan(0);
        expect(terms.length).toBeLessThanOrEqual(FTS_QUERY_BOUNDS.maxTerms);
        const keys = terms.map((t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
        for (const [i, term] of terms.entries()) {
          const length = Array.from(term).length;
          expect(length).toBeGreaterThanOrEqual(2);
          expect(length).toBeLessThanOrEqual(FTS_QUERY_BOUNDS.maxTermLength);
          // Only letters, digits and the accents the tokenizer folds: no quote, star or operator can leak.
          expect(term).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}\u0300-\u036F]*$/u);
          for (const [j, other] of keys.entries()) if (i !== j) expect(other.startsWith(keys[i]!)).toBe(false);
        }
      }),
    );
  });

  it('is a fixed point: searching for the kept words again keeps the same words', () => {
    fc.assert(
      fc.property(typedText, (typed) => {
        const terms = searchTerms(typed);
        expect(searchTerms(terms.join(' '))).toEqual(terms);
      }),
    );
  });
});
