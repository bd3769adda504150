// Append-only: never edit a migration that has shipped; add a new numbered file instead.
// The dashboards count touchpoints by the week they were completed (Operational) and a CSM's
// touchpoints done in the last 30 days (Team). With no index on completed_at each read walked every
// touchpoint of the book (360,000 on the reference book: ~0.45 s of the Operational dashboard's 0.7 s).
// Device-local: the synced rows are the same as at 8.
export const sql = `
CREATE INDEX touchpoints_live_completed ON touchpoints(completed_at) WHERE deleted_at IS NULL AND completed_at IS NOT NULL;
`;
