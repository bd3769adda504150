// Append-only: never edit a migration that has shipped; add a new numbered file instead.
// Today lists the accounts whose health fell or risk rose since last week. Scoring every account as
// of a week ago on each open would read three years of metrics per account; instead each day's
// scores are kept here (device-local, derived, never synced) and a missing week-ago day is filled
// once in the background. Rows older than a year and a bit are pruned.
export const sql = `
CREATE TABLE score_history (
  account_id TEXT NOT NULL,
  day TEXT NOT NULL,
  health INTEGER,
  tier TEXT NOT NULL,
  risk_band TEXT NOT NULL,
  PRIMARY KEY (day, account_id)
) WITHOUT ROWID;
`;
