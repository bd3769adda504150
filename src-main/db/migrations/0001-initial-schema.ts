// Append-only: never edit a migration that has shipped; add a new numbered file instead.
// Every synced entity carries server_version (the server_seq it was last seen at, null while only
// local) and deleted_at (a tombstone the sync issue replicates).
export const sql = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('csm', 'manager', 'admin')),
  manager_id TEXT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  domain TEXT,
  industry TEXT,
  plan TEXT NOT NULL CHECK (plan IN ('starter', 'professional', 'enterprise')),
  arr INTEGER NOT NULL CHECK (arr >= 0),
  seats INTEGER NOT NULL CHECK (seats >= 0),
  seats_used INTEGER NOT NULL CHECK (seats_used >= 0),
  plan_feature_count INTEGER NOT NULL CHECK (plan_feature_count > 0),
  volume_limit INTEGER NOT NULL CHECK (volume_limit > 0),
  contract_start TEXT NOT NULL,
  renewal_date TEXT NOT NULL,
  renewals_count INTEGER NOT NULL DEFAULT 0 CHECK (renewals_count >= 0),
  lifecycle_stage TEXT NOT NULL CHECK (lifecycle_stage IN ('onboarding', 'adoption', 'growth', 'renewal', 'churned')),
  owner_id TEXT REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('active', 'churned')),
  churned_at TEXT,
  competitor_evaluation INTEGER NOT NULL DEFAULT 0 CHECK (competitor_evaluation IN (0, 1)),
  payment_overdue_days INTEGER NOT NULL DEFAULT 0 CHECK (payment_overdue_days >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX accounts_owner ON accounts(owner_id);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT,
  role TEXT,
  is_champion INTEGER NOT NULL DEFAULT 0 CHECK (is_champion IN (0, 1)),
  departed_at TEXT,
  certification_level INTEGER NOT NULL DEFAULT 0 CHECK (certification_level BETWEEN 0 AND 3),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX contacts_account ON contacts(account_id);

-- Periodic observations of the engine's inputs (DESIGN 4.1 and 4.3), one row per account, key, date.
CREATE TABLE metrics (
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  date TEXT NOT NULL,
  value REAL NOT NULL,
  server_version INTEGER,
  deleted_at TEXT,
  PRIMARY KEY (account_id, key, date)
) WITHOUT ROWID;

-- Derived cache: each account's current facts (latest observation per metric, latest survey
-- answers, newest champion departure), rebuilt from metrics, surveys and contacts when they change.
-- Never the source of truth; safe to drop and rebuild.
CREATE TABLE account_inputs (
  account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  as_of TEXT NOT NULL,
  current_json TEXT NOT NULL
);

CREATE TABLE surveys (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'ces')),
  score INTEGER NOT NULL CHECK (
    (kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind IN ('csat', 'ces') AND score BETWEEN 1 AND 5)
  ),
  answered_at TEXT NOT NULL,
  comment TEXT,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX surveys_account ON surveys(account_id, kind, answered_at);

CREATE TABLE touchpoints (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'qbr', 'onboarding', 'renewal', 'upsell', 'check_in')),
  origin TEXT NOT NULL CHECK (origin IN ('cadence', 'onboarding', 'renewal', 'upsell', 'manual')),
  title TEXT NOT NULL,
  due_at TEXT NOT NULL,
  completed_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'skipped', 'cancelled')),
  outcome TEXT,
  sentiment TEXT CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX touchpoints_account_status_due ON touchpoints(account_id, status, due_at);
CREATE INDEX touchpoints_status_due ON touchpoints(status, due_at);

-- seq is an explicit INTEGER PRIMARY KEY because the full-text index points at it: VACUUM may
-- renumber the implicit rowid of a table without one, which would send search hits to wrong notes.
CREATE TABLE notes (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  touchpoint_id TEXT REFERENCES touchpoints(id) ON DELETE SET NULL,
  author_id TEXT REFERENCES users(id),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX notes_account_created ON notes(account_id, created_at);

-- remove_diacritics 2 so "reunion" finds "reunión": notes are written in Spanish and English.
CREATE VIRTUAL TABLE notes_fts USING fts5(
  body, content='notes', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts(rowid, body) VALUES (new.seq, new.body);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.seq, old.body);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.seq, old.body);
  INSERT INTO notes_fts(rowid, body) VALUES (new.seq, new.body);
END;

CREATE TABLE escalations (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  reason TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  owner_id TEXT REFERENCES users(id),
  opened_at TEXT NOT NULL,
  resolved_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX escalations_account_status ON escalations(account_id, status);

CREATE TABLE escalation_events (
  id TEXT PRIMARY KEY,
  escalation_id TEXT NOT NULL REFERENCES escalations(id) ON DELETE CASCADE,
  actor_id TEXT REFERENCES users(id),
  at TEXT NOT NULL,
  from_level INTEGER CHECK (from_level BETWEEN 1 AND 5),
  to_level INTEGER NOT NULL CHECK (to_level BETWEEN 1 AND 5),
  why TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX escalation_events_escalation ON escalation_events(escalation_id, at);

CREATE TABLE goals (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  target TEXT,
  due_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'missed')),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  completed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX goals_account ON goals(account_id);

CREATE TABLE onboarding_items (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  phase TEXT NOT NULL CHECK (phase IN ('preparation', 'go_live', 'optimization')),
  done_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT,
  UNIQUE (account_id, item_key)
);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  sentiment TEXT NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  priority TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high')),
  status TEXT NOT NULL CHECK (status IN ('new', 'reviewed', 'planned', 'done', 'declined')),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER,
  deleted_at TEXT
);
CREATE INDEX feedback_account ON feedback(account_id);

CREATE TABLE scoring_config (
  id TEXT PRIMARY KEY CHECK (id = 'team'),
  config_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  server_version INTEGER
);

-- Sync bookkeeping (DESIGN 3): the outbox commits in the same transaction as the write it records.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  fields_json TEXT NOT NULL,
  hlc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected')),
  rejection_json TEXT
);

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
