import { z } from 'zod';

// Characters that draw nothing: format controls (zero-width space/joiners, BOM, bidi marks, soft
// hyphen, word joiner), the Hangul fillers, the Mongolian vowel separator and the combining grapheme
// joiner (outside the class: it is a combining mark), plus all white space.
const INVISIBLE = /[\p{Cf}\p{White_Space}\u115F\u1160\u3164\uFFA0\u180E]|\u034F/gu;

/** True when the text has a UTF-16 surrogate without its pair (not valid Unicode; SQLite would mangle it). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDFFF]/u.test(text);
}

/** True when nothing in the text would be visible on screen. */
export function isBlankText(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/**
 * Text a person typed (a note, an outcome, a search): valid Unicode, at most `max` characters,
 * and, unless `optional`, something visible once white space and invisible characters are removed.
 */
export function userText(options: { max: number; emptyMessage?: string }) {
  return z
    .string()
    .max(options.max, `must be at most ${options.max.toLocaleString('en')} characters`)
    .refine((text) => !hasLoneSurrogate(text), 'contains an unpaired surrogate character (not valid Unicode)')
    .refine((text) => options.emptyMessage === undefined || !isBlankText(text), options.emptyMessage ?? '');
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A client-made UUIDv7 (lower-case), the id of a record a create operation will make. */
export const uuidV7Schema = z.string().regex(UUID_V7, 'must be a lower-case UUIDv7 made by the client');
