import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque per-device tokens: 32 random bytes as base64url (43 characters) handed to the device once.
 * The server keeps only their SHA-256, so a leaked database does not let anyone sign in; a plain
 * hash is enough because the token has 256 bits of entropy (nothing to guess, unlike a password).
 */
export const newDeviceToken = (): string => randomBytes(32).toString('base64url');

export const hashDeviceToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

/** The token of an `Authorization: Bearer <token>` header, or null when absent or not shaped like one of ours. */
export function bearerTokenOf(header: string | undefined): string | null {
  return header ? (BEARER.exec(header)?.[1] ?? null) : null;
}
