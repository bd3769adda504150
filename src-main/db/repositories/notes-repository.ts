import type { Database } from 'better-sqlite3';
import type { Note } from '../../../src-shared/domain/entities';
import { OutboxRepository } from './outbox-repository';

interface NoteRow {
  id: string;
  account_id: string;
  touchpoint_id: string | null;
  author_id: string | null;
  body: string;
  created_at: string;
  updated_at: string;
}

const NOTE_COLUMNS = 'n.id, n.account_id, n.touchpoint_id, n.author_id, n.body, n.created_at, n.updated_at';

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

/**
 * Turns what a CSM types into a safe FTS5 query: every word becomes a quoted prefix term, so
 * punctuation and FTS operators in a note search can never raise a syntax error.
 */
function toFtsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (!words.length) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

export interface NewNote {
  id: string;
  accountId: string;
  touchpointId: string | null;
  authorId: string | null;
  body: string;
}

export class NotesRepository {
  private readonly outbox: OutboxRepository;
  private readonly listStmt;
  private readonly getStmt;
  private readonly insertStmt;
  private readonly searchStmt;

  constructor(private readonly db: Database) {
    this.outbox = new OutboxRepository(db);
    this.listStmt = db.prepare<[string, number], NoteRow>(
      `SELECT ${NOTE_COLUMNS} FROM notes n WHERE n.account_id = ? AND n.deleted_at IS NULL
       ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
    );
    this.getStmt = db.prepare<[string], NoteRow>(`SELECT ${NOTE_COLUMNS} FROM notes n WHERE n.id = ?`);
    this.insertStmt = db.prepare(
      `INSERT INTO notes (id, account_id, touchpoint_id, author_id, body, created_at, updated_at)
       VALUES (@id, @accountId, @touchpointId, @authorId, @body, @createdAt, @createdAt)`,
    );
    // Newest stored first: FTS5 walks matches in rowid order and stops at the limit, where ranking by
    // bm25 would score every match of a common word ("llamada") across 200,000 notes.
    this.searchStmt = db.prepare<[string, number], NoteRow & { account_name: string; snippet: string }>(
      `SELECT ${NOTE_COLUMNS}, a.name AS account_name,
              snippet(notes_fts, 0, '[', ']', '…', 12) AS snippet
       FROM notes_fts
       JOIN notes n ON n.seq = notes_fts.rowid
       JOIN accounts a ON a.id = n.account_id
       WHERE notes_fts MATCH ? AND n.deleted_at IS NULL
       ORDER BY notes_fts.rowid DESC LIMIT ?`,
    );
  }

  listForAccount(accountId: string, limit: number): Note[] {
    return this.listStmt.all(accountId, limit).map(toNote);
  }

  get(id: string): Note | undefined {
    const row = this.getStmt.get(id);
    return row ? toNote(row) : undefined;
  }

  /** Inserts the note and its outbox mutation in one transaction, then returns the stored note. */
  add(note: NewNote, now: Date): Note {
    const createdAt = now.toISOString();
    this.db.transaction(() => {
      this.insertStmt.run({ ...note, createdAt });
      this.outbox.enqueue(
        'notes',
        note.id,
        'upsert',
        { account_id: note.accountId, touchpoint_id: note.touchpointId, author_id: note.authorId, body: note.body, created_at: createdAt, updated_at: createdAt },
        now,
      );
    })();
    const stored = this.get(note.id);
    if (!stored) throw new Error(`Note ${note.id} vanished right after it was written`);
    return stored;
  }

  search(text: string, limit: number): Array<{ note: Note; accountName: string; snippet: string }> {
    const query = toFtsQuery(text);
    if (!query) return [];
    return this.searchStmt.all(query, limit).map((row) => ({
      note: toNote(row),
      accountName: row.account_name,
      snippet: row.snippet,
    }));
  }
}
