import { describe, expect, it } from 'vitest';
import { MARKDOWN_BOUNDS, plainTextReason } from '../../../src-renderer/components/markdown-bounds';
import { boundaryBodies, fullSizeBodies, NORMAL_NOTE } from '../../bench/note-render-bench';

describe('which notes are formatted as markdown', () => {
  it('formats ordinary call notes', () => {
    expect(plainTextReason(NORMAL_NOTE)).toBeNull();
    expect(plainTextReason('')).toBeNull();
    expect(plainTextReason('Call went well.\n\n- renew in May\n  - 40 seats\n> quote')).toBeNull();
    // Long prose with little markup stays formatted.
    expect(plainTextReason('The customer agreed to renew. '.repeat(2000))).toBeNull();
  });

  it('shows a line nested deeper than 8 levels as plain text', () => {
    expect(plainTextReason(`${'>'.repeat(8)} eight quotes`)).toBeNull();
    expect(plainTextReason(`${'>'.repeat(9)} nine quotes`)).toBe('nesting');
    expect(plainTextReason(`${'> '.repeat(5000)}deep`)).toBe('nesting');
    expect(plainTextReason(`${'- '.repeat(9)}x`)).toBe('nesting');
    expect(plainTextReason(`${'1. '.repeat(9)}x`)).toBe('nesting');
    // Indentation counts one level per 2 columns (a tab reaches the next multiple of 4).
    expect(plainTextReason(`${' '.repeat(14)}- x`)).toBeNull();
    expect(plainTextReason(`${' '.repeat(16)}- x`)).toBe('nesting');
    expect(plainTextReason('\t\t\t\t\t- x')).toBe('nesting');
  });

  it('does not count markup that is no list marker', () => {
    expect(plainTextReason(`${'-'.repeat(40)}\n**bold** start\n2024 was good\n10.5% up`)).toBeNull();
  });

  it('bounds the formatting cost: lines, their nesting, inline markup and length', () => {
    const { maxCost } = MARKDOWN_BOUNDS;
    // A line costs 2 plus its nesting, plus 1 per 100 characters of the note.
    expect(plainTextReason('a\n'.repeat(490))).toBeNull();
    expect(plainTextReason('a\n'.repeat(maxCost / 2))).toBe('cost');
    expect(plainTextReason('- a\n'.repeat(320))).toBeNull();
    expect(plainTextReason('- a\n'.repeat(340))).toBe('cost');
    // Each * _ ` [ ] < & \ costs 2.
    expect(plainTextReason('*'.repeat(490))).toBeNull();
    expect(plainTextReason('*'.repeat(510))).toBe('cost');
    expect(plainTextReason(`${'*'.repeat(3000)}word${'*'.repeat(3000)}`)).toBe('cost');
    expect(plainTextReason('x'.repeat(100_000))).toBe('cost');
  });

  it('counts a bare \\r as a line ending, as micromark does', () => {
    expect(plainTextReason('- a\r'.repeat(400))).toBe('cost');
    expect(plainTextReason('- a\r\n'.repeat(400))).toBe('cost');
  });

  it('shows every adversarial body at the 100,000-character maximum as plain text', () => {
    for (const { name, body } of fullSizeBodies()) expect(plainTextReason(body), name).not.toBeNull();
  });

  it('formats each adversarial shape only up to the bound', () => {
    for (const { name, body } of boundaryBodies()) expect(plainTextReason(body), name).toBeNull();
  });
});
