import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../../src-shared/search/fuzzy-match';

describe('fuzzy account and command matching', () => {
  const names = ['Granite Logística S.L.', 'Acme Networks S.L.', 'Atlas Marine', 'Redwood Pharma Group', 'Logistics Partners'];

  it('matches letters in order, ignoring case and accents', () => {
    expect(fuzzyScore('logis', 'Granite Logística S.L.')).not.toBeNull();
    expect(fuzzyScore('GLSL', 'Granite Logística S.L.')).not.toBeNull();
    expect(fuzzyScore('xyz', 'Granite Logística S.L.')).toBeNull();
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('ranks word starts and runs of letters first', () => {
    expect(fuzzyFilter(names, 'atl', (n) => n, 3)[0]).toBe('Atlas Marine');
    expect(fuzzyFilter(names, 'log', (n) => n, 5).slice(0, 2).sort()).toEqual(['Granite Logística S.L.', 'Logistics Partners']);
    expect(fuzzyFilter(names, 'red ph', (n) => n, 5)).toEqual(['Redwood Pharma Group']);
  });

  it('keeps to the limit and copes with long and odd input', () => {
    expect(fuzzyFilter(names, 's', (n) => n, 2)).toHaveLength(2);
    expect(fuzzyFilter(names, 'a'.repeat(10_000), (n) => n, 5)).toEqual([]);
    expect(fuzzyFilter(names, '[(.*+?', (n) => n, 5)).toEqual([]);
  });
});
