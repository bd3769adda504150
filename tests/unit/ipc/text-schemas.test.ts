import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, isBlankText, userText, uuidV7Schema } from '../../../src-shared/ipc/text-schemas';

describe('text a person typed, at the boundary', () => {
  it('finds an unpaired surrogate anywhere, and never flags a well-formed string', () => {
    expect(hasLoneSurrogate('hola \ud800 mundo')).toBe(true);
    expect(hasLoneSurrogate('\udfff')).toBe(true);
    expect(hasLoneSurrogate('ends high \ud83d')).toBe(true);
    expect(hasLoneSurrogate('reunión 👍🏽 ok')).toBe(false);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => !hasLoneSurrogate(text)));
  });

  it('treats white space and invisible characters as blank, and anything visible as text', () => {
    for (const blank of ['', '   ', '\u200b\u200c\u200d', '\ufeff\u2060\u00ad', '\u00a0\u3000\n\t', '\u3164\u115f']) {
      expect(isBlankText(blank), JSON.stringify(blank)).toBe(true);
    }
    for (const text of ['a', ' ñ ', '\u200b.', '😀', '٣']) expect(isBlankText(text), JSON.stringify(text)).toBe(false);
  });

  it('rejects with a message naming the problem', () => {
    const body = userText({ max: 10, emptyMessage: 'a note needs some text' });
    expect(body.safeParse('\u200b \u200b').error?.issues[0]?.message).toBe('a note needs some text');
    expect(body.safeParse('x\ud800').error?.issues[0]?.message).toMatch(/unpaired surrogate/);
    expect(body.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('must be at most 10 characters');
    expect(body.safeParse('Llamada').success).toBe(true);
    // Optional text (an outcome) may be empty but must still be valid Unicode.
    expect(userText({ max: 10 }).safeParse('').success).toBe(true);
  });

  it('accepts only lower-case UUIDv7 ids made by the client', () => {
    expect(uuidV7Schema.safeParse('01936b2e-7c3a-7f00-8a00-0123456789ab').success).toBe(true);
    for (const bad of ['01936B2E-7C3A-7F00-8A00-0123456789AB', '01936b2e-7c3a-4f00-8a00-0123456789ab', 'x', '']) {
      expect(uuidV7Schema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
