// Append-only: never edit a migration that has shipped; add a new numbered file instead.
// Issue 6 bounds every store operation to 100 ms on the 5,000-account reference book (DESIGN §5).
export const sql = `
-- notes.list pages an account's live notes newest first by (created_at, id): one backward walk of
-- this partial index, so a deep cursor costs the same as the first page and tombstones are skipped.
-- notes_account_created stays: it serves the foreign key from accounts (ON DELETE CASCADE).
CREATE INDEX notes_account_live_newest ON notes(account_id, created_at, id) WHERE deleted_at IS NULL;

-- Prefix indexes for 2- and 3-letter prefixes: without them a query such as "pr* re* co*" merges the
-- postings of every word starting with those letters (over 100 ms on 200,000 notes); with them
-- each is one stored list read lazily. Rebuilt from the notes table: same tokenizer, same triggers
-- (they refer to notes_fts by name).
DROP TABLE notes_fts;
CREATE VIRTUAL TABLE notes_fts USING fts5(
  body, content='notes', content_rowid='seq', tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO notes_fts(notes_fts) VALUES ('rebuild');

-- touchpoints.list with no account and no status (the widest query the contract allows) walks this
-- index in its own order and stops at the limit, instead of sorting all 250,000+ touchpoints.
CREATE INDEX touchpoints_live_due ON touchpoints(due_at, id) WHERE deleted_at IS NULL;
`;
