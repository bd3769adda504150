import { ServiceError } from '../../src-shared/ipc/ipc-error';

/** Where a page of notes ends: the (created_at, id) of its last note, in the list's order. */
export interface NotePosition {
  createdAt: string;
  id: string;
}

// Stored timestamps are toISOString() output, so string order is time order.
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The opaque `nextBefore` handed to the client: base64url of "createdAt id", meant to be passed back unchanged. */
export function encodeNoteCursor(position: NotePosition): string {
  return Buffer.from(`${position.createdAt} ${position.id}`, 'utf8').toString('base64url');
}

/** Reads a `before` cursor back; anything this app did not make is a VALIDATION error naming `before`. */
export function decodeNoteCursor(cursor: string): NotePosition {
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const space = decoded.indexOf(' ');
  const createdAt = decoded.slice(0, Math.max(space, 0));
  const id = decoded.slice(space + 1);
  if (space < 0 || !STORED_INSTANT.test(createdAt) || id.length === 0 || id.length > 64) {
    throw new ServiceError('VALIDATION', 'notes.list: before: is not a cursor from a previous page (pass nextBefore back unchanged)', 'before');
  }
  return { createdAt, id };
}
