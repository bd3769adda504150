// Append-only: never edit a migration that has shipped; add a new numbered file instead.
// A pulled page of a first sync inserts thousands of notes. Indexed one trigger run at a time, each
// costs FTS5 a flush of its pending terms (about 100 µs a note, 2.3 s for a 24,000-note book); one
// statement over the page's new notes costs a quarter of that. While a page's changes are applied,
// sync_state holds 'notes_fts_deferred' (inside the page's transaction only) and the insert trigger
// stands aside; the page indexes the notes it inserted before it commits (SyncApplyRepository).
// Every other insert (the app's own notes) is indexed by the trigger as before.
export const sql = `
DROP TRIGGER notes_fts_insert;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'notes_fts_deferred')
BEGIN
  INSERT INTO notes_fts(rowid, body) VALUES (new.seq, new.body);
END;
`;
