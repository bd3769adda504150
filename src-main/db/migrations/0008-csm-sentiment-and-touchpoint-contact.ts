// Append-only: never edit a migration that has shipped; add a new numbered file instead.
// Three synced additions of schema 8. The CSM's sentiment (red / amber / green with a reason) beside the computed score: one row per
// judgement, the newest is the current one, the rest is the account's history. A touchpoint can
// name the contact it is with; no foreign key, because a pull may bring the touchpoint before the
// contact (or after the contact left the scope) and the name is only shown when it is there.
export const sql = `
CREATE TABLE csm_sentiments (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  author_id TEXT,
  rating TEXT NOT NULL CHECK (rating IN ('red', 'amber', 'green')),
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX csm_sentiments_account_at ON csm_sentiments(account_id, at);

ALTER TABLE touchpoints ADD COLUMN contact_id TEXT;

-- The CSM's QBR of an account for a quarter: their next-quarter plan and commentary, and the pack's
-- figures frozen at export (JSON) that the next quarter's QBR compares against.
CREATE TABLE qbr_plans (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  quarter TEXT NOT NULL,
  next_plan TEXT NOT NULL,
  commentary TEXT NOT NULL,
  snapshot_json TEXT,
  exported_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX qbr_plans_account_quarter ON qbr_plans(account_id, quarter);
`;
