// Derived cache of engine results so the portfolio reads 5,000 scored accounts in one indexed pass
// (DESIGN §5: < 50 ms). Rebuilt from account_inputs whenever the day, the config or the inputs
// change; never the source of truth.
export const sql = `
CREATE TABLE account_scores (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  as_of TEXT NOT NULL,
  health INTEGER,
  tier TEXT NOT NULL,
  risk_points INTEGER NOT NULL,
  risk_band TEXT NOT NULL
);

-- The next planned touchpoint of each account is one seek into this partial, covering index
-- (no table lookups for the 5,000 accounts of a large book).
CREATE INDEX touchpoints_planned_next ON touchpoints(account_id, due_at, id, kind, title)
  WHERE status = 'planned' AND deleted_at IS NULL;
CREATE INDEX escalations_open_level ON escalations(account_id, level)
  WHERE status = 'open' AND deleted_at IS NULL;
`;
