import type { Database, Statement } from 'better-sqlite3';
import type { Note } from '../../../src-shared/domain/entities';
import { insertSql, prepareCached, selectColumns, updateSql } from '../entity-sql';
import { OutboxRepository } from './outbox-repository';

interface NoteRow {
  id: string;
  account_id: string;
  touchpoint_id: string | null;
  author_id: string | null;
  body: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Every synced column of notes, from the entity registry. */
const NOTE_COLUMNS = selectColumns('notes', 'n');

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    accountId: row.account_id,
    touchpointId: row.touchpoint_id,
    authorId: row.author_id,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A note as stored, tombstoned or not: `deletedAt` is set once notes.delete has run. */
export interface StoredNote {
  note: Note;
  deletedAt: string | null;
}

export interface NewNote {
  id: string;
  accountId: string;
  touchpointId: string | null;
  authorId: string | null;
  body: string;
}

/** One page of an account's live notes, newest first; `match` is an FTS5 query from toFtsMatch. */
export interface NotePageQuery {
  accountId: string;
  before?: { createdAt: string; id: string };
  match?: string;
  limit: number;
}

type PageStatement = Statement<Record<string, string | number>, NoteRow>;

export class NotesRepository {
  private readonly outbox: OutboxRepository;
  private readonly findStmt;
  private readonly searchStmt;
  private readonly pageStmts = new Map<string, PageStatement>();

  constructor(private readonly db: Database) {
    this.outbox = new OutboxRepository(db);
    this.findStmt = db.prepare<[string], NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes n WHERE n.id = ?`);
    // Newest stored first: FTS5 walks matches in rowid order and stops at the limit, where ranking by
    // bm25 would score every match of a common word ("llamada") across 200,000 notes. No snippet():
    // it scores every pair of matches in a note, seconds for a page of long notes (see noteSnippet).
    this.searchStmt = db.prepare<[string, number], NoteRow & { account_name: string }>(
      `SELECT ${NOTE_COLUMNS}, a.name AS account_name
       FROM notes_fts
       JOIN notes n ON n.seq = notes_fts.rowid
       JOIN accounts a ON a.id = n.account_id
       WHERE notes_fts MATCH ? AND n.deleted_at IS NULL
       ORDER BY notes_fts.rowid DESC LIMIT ?`,
    );
  }

  /** The note with this id, including a tombstoned one; undefined when there never was one here. */
  find(id: string): StoredNote | undefined {
    const row = this.findStmt.get(id);
    return row ? { note: toNote(row), deletedAt: row.deleted_at } : undefined;
  }

  /** Runs `work` in one transaction (the writes below become savepoints inside it). */
  inTransaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * One page of an account's live notes, newest first by (created_at, id), starting after `before`.
   * With `match`, the full-text matches are collected once (what the bounded query costs, like a
   * search) and the account's own index is walked in page order, so a common word never makes SQLite
   * join every match in the store to its note and sort them.
   */
  page(query: NotePageQuery): Note[] {
    const params: Record<string, string | number> = { accountId: query.accountId, limit: query.limit };
    if (query.before) Object.assign(params, { beforeCreatedAt: query.before.createdAt, beforeId: query.before.id });
    if (query.match) params.match = query.match;
    return this.pageStatement(Boolean(query.before), Boolean(query.match)).all(params).map(toNote);
  }

  /**
   * Inserts the note and its outbox mutation in one transaction. False, with nothing written, when a
   * note with this id already exists (a repeated request).
   */
  insertIfNew(note: NewNote, now: Date): boolean {
    const at = now.toISOString();
    // The mutation's fields are the row: one object names the columns of both.
    const fields = { account_id: note.accountId, touchpoint_id: note.touchpointId, author_id: note.authorId, body: note.body, created_at: at, updated_at: at };
    // DO NOTHING on a repeated id: the unique key, not a read before the write, decides, so two
    // windows retrying the same add cannot both insert.
    const insert = prepareCached(this.db, insertSql('notes', { columns: Object.keys(fields), suffix: 'ON CONFLICT (id) DO NOTHING' }));
    return this.db.transaction(() => {
      if (insert.run({ id: note.id, ...fields }).changes !== 1) return false;
      this.outbox.enqueue('notes', note.id, note.accountId, 'upsert', fields, now);
      return true;
    })();
  }

  /**
   * Replaces a live note's body (the FTS trigger re-indexes it) with its outbox mutation in one
   * transaction. False, with nothing written, when the note is missing, tombstoned or already has this body.
   */
  updateBody(id: string, body: string, now: Date): boolean {
    const fields = { body, updated_at: now.toISOString() };
    return this.db.transaction(() => {
      const changed = this.guardedUpdate(id, fields, 'deleted_at IS NULL AND body IS NOT @body');
      if (!changed) return false;
      this.outbox.enqueue('notes', id, changed.account_id, 'upsert', fields, now);
      return true;
    })();
  }

  /**
   * Tombstones a live note (the row stays for sync, DESIGN §3) with its `delete` mutation in one
   * transaction. False, with nothing written, when the note is missing or already tombstoned.
   */
  tombstone(id: string, now: Date): boolean {
    const at = now.toISOString();
    const fields = { deleted_at: at, updated_at: at };
    return this.db.transaction(() => {
      const changed = this.guardedUpdate(id, fields, 'deleted_at IS NULL');
      if (!changed) return false;
      this.outbox.enqueue('notes', id, changed.account_id, 'delete', fields, now);
      return true;
    })();
  }

  /** Live notes matching an FTS5 query from toFtsMatch, newest stored first, with their account's name. */
  search(match: string, limit: number): Array<{ note: Note; accountName: string }> {
    return this.searchStmt.all(match, limit).map((row) => ({ note: toNote(row), accountName: row.account_name }));
  }

  /**
   * Sets a note's given columns (the mutation's own fields) where `guard` holds. RETURNING the
   * account: the outbox row names it (DESIGN §3 scope); no row back means nothing changed.
   */
  private guardedUpdate(id: string, fields: Record<string, string>, guard: string): { account_id: string } | undefined {
    const sql = updateSql('notes', Object.keys(fields), { guard, suffix: 'RETURNING account_id' });
    return prepareCached<[Record<string, string>], { account_id: string }>(this.db, sql).get({ id, ...fields });
  }

  /** The page query for one combination of cursor and full-text filter, prepared once. */
  private pageStatement(withCursor: boolean, withMatch: boolean): PageStatement {
    const key = `${withCursor}|${withMatch}`;
    let statement = this.pageStmts.get(key);
    if (!statement) {
      // INDEXED BY: with a full-text filter the planner might otherwise drive the query from the match
      // list (every note containing "de"), then sort; the account's index keeps it bounded.
      const sql = `SELECT ${NOTE_COLUMNS} FROM notes n INDEXED BY notes_account_live_newest
        WHERE n.account_id = @accountId AND n.deleted_at IS NULL
        ${withCursor ? 'AND (n.created_at, n.id) < (@beforeCreatedAt, @beforeId)' : ''}
        ${withMatch ? 'AND n.seq IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH @match)' : ''}
        ORDER BY n.created_at DESC, n.id DESC LIMIT @limit`;
      statement = this.db.prepare(sql) as PageStatement;
      this.pageStmts.set(key, statement);
    }
    return statement;
  }
}
