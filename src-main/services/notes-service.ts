import type { Note } from '../../src-shared/domain/entities';
import type { IpcRequest, IpcResponse } from '../../src-shared/ipc/contract';
import { ServiceError } from '../../src-shared/ipc/ipc-error';
import { searchTerms, toFtsMatch, toFtsQuery } from '../../src-shared/search/fts-query';
import { noteSnippet } from '../../src-shared/search/snippet';
import { AccountsRepository } from '../db/repositories/accounts-repository';
import { NotesRepository, type StoredNote } from '../db/repositories/notes-repository';
import { TouchpointsRepository } from '../db/repositories/touchpoints-repository';
import { decodeNoteCursor, encodeNoteCursor } from './note-page-cursor';
import { requireAccount } from './require-account';
import type { ServiceContext } from './service-context';
import { requireMayChange } from './write-permission';

const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_SEARCH_HITS = 50;

/** Call notes: written durably before the call returns, searchable in Spanish and English. */
export class NotesService {
  private readonly notes: NotesRepository;
  private readonly accounts: AccountsRepository;
  private readonly touchpoints: TouchpointsRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.notes = new NotesRepository(ctx.db);
    this.accounts = new AccountsRepository(ctx.db);
    this.touchpoints = new TouchpointsRepository(ctx.db);
  }

  /** A page of the account's notes, newest first; `nextBefore` fetches the next (older) page. */
  list(request: IpcRequest<'notes.list'>): IpcResponse<'notes.list'> {
    const before = request.before === undefined ? undefined : decodeNoteCursor(request.before);
    requireAccount(this.accounts, request.accountId);
    const match = request.query === undefined ? undefined : toFtsQuery(request.query);
    // A query with no searchable word left (only punctuation, one-letter words) matches nothing.
    if (match === null) return { notes: [], nextBefore: null };
    const limit = request.limit ?? DEFAULT_PAGE_SIZE;
    // One extra row says whether an older page exists without a second query.
    const rows = this.notes.page({ accountId: request.accountId, before, match, limit: limit + 1 });
    const notes = rows.slice(0, limit);
    const last = notes[notes.length - 1];
    return { notes, nextBefore: rows.length > limit && last ? encodeNoteCursor(last) : null };
  }

  /**
   * Adds a note once per client-made id. A repeated request (a retry after a lost answer) returns the
   * note as stored now and writes nothing; the same id on another account is a CONFLICT; a note
   * deleted since it was added is not brought back (CONFLICT, so the user learns it was deleted).
   */
  add(request: IpcRequest<'notes.add'>): IpcResponse<'notes.add'> {
    const existing = this.notes.find(request.id);
    if (existing) return { note: this.repeatedAdd(existing, request) };
    requireAccount(this.accounts, request.accountId);
    if (request.touchpointId) {
      const touchpoint = this.touchpoints.get(request.touchpointId);
      if (!touchpoint || touchpoint.accountId !== request.accountId) {
        throw new ServiceError(
          'NOT_FOUND',
          `No touchpoint "${request.touchpointId}" on account "${request.accountId}"`,
          'touchpointId',
        );
      }
    }
    const note = { id: request.id, accountId: request.accountId, touchpointId: request.touchpointId ?? null, authorId: this.ctx.localUserId, body: request.body };
    // False when another window stored the same id between our read and this write: answer as a repeat.
    this.notes.insertIfNew(note, this.ctx.now());
    return { note: this.repeatedAdd(this.mustFind(request.id), request) };
  }

  /** Replaces a live note's body; the same body again changes nothing. */
  update(request: IpcRequest<'notes.update'>): IpcResponse<'notes.update'> {
    // Write, then read in the same transaction: the answer is the state this write left.
    return this.notes.inTransaction(() => {
      this.requireMayChangeNote(request.id);
      this.notes.updateBody(request.id, request.body, this.ctx.now());
      return { note: this.requireLive(request.id) };
    });
  }

  /** Tombstones a note; deleting it again returns it again and writes nothing. */
  delete(request: IpcRequest<'notes.delete'>): IpcResponse<'notes.delete'> {
    return this.notes.inTransaction(() => {
      this.requireMayChangeNote(request.id);
      this.notes.tombstone(request.id, this.ctx.now());
      const stored = this.notes.find(request.id);
      if (!stored) throw new ServiceError('NOT_FOUND', `No note with id "${request.id}"`, 'id');
      return { note: stored.note };
    });
  }

  /** The newest live notes matching the typed words (each a prefix, accents ignored), across every account. */
  search(request: IpcRequest<'notes.search'>): IpcResponse<'notes.search'> {
    const terms = searchTerms(request.query);
    const match = toFtsMatch(terms);
    if (!match) return { hits: [] };
    return { hits: this.notes.search(match, request.limit ?? DEFAULT_SEARCH_HITS).map((hit) => ({ ...hit, snippet: noteSnippet(hit.note.body, terms) })) };
  }

  /** The answer to an add whose id is already stored, judged against what is stored now. */
  private repeatedAdd(stored: StoredNote, request: IpcRequest<'notes.add'>): Note {
    if (stored.note.accountId !== request.accountId) {
      throw new ServiceError('CONFLICT', `Note id "${request.id}" already belongs to a note on another account`, 'id');
    }
    if (stored.deletedAt !== null) {
      throw new ServiceError('CONFLICT', `Note "${request.id}" was saved and has since been deleted; it was not added again`, 'id');
    }
    return stored.note;
  }

  /** A manager may change their own notes on a report's account, not the CSM's (the server refuses them too). */
  private requireMayChangeNote(id: string): void {
    const stored = this.notes.find(id);
    if (!stored) return; // the write itself answers NOT_FOUND
    const accountOwnerId = this.accounts.get(stored.note.accountId)?.ownerId ?? null;
    requireMayChange(this.ctx.db, this.ctx.localUserId, { accountOwnerId, authorId: stored.note.authorId, what: 'This note' });
  }

  private requireLive(id: string): Note {
    const stored = this.notes.find(id);
    if (!stored || stored.deletedAt !== null) throw new ServiceError('NOT_FOUND', `No note with id "${id}"`, 'id');
    return stored.note;
  }

  private mustFind(id: string): StoredNote {
    const stored = this.notes.find(id);
    if (!stored) throw new Error(`Note ${id} vanished right after it was written`);
    return stored;
  }
}
