-- The server's copy of every synced entity but users (DESIGN §2), column for column as
-- src-shared/sync/entity-registry.ts lists them; tests/server/server-entity-tables.test.ts holds
-- the two equal. Values are stored as the wire carries them: ids and ISO instants as text, 0/1
-- flags as smallint, whole numbers as integer (bigint where the registry allows more than 2^31),
-- metric values as double precision. Each row's `server_version` is the change-log seq that last
-- wrote it (null until the change log writes it). Rows are never removed: `deleted_at` marks them.

ALTER TABLE users ADD COLUMN server_version bigint;

CREATE TABLE accounts (
  id text PRIMARY KEY,
  name text NOT NULL,
  domain text,
  industry text,
  plan text NOT NULL,
  arr bigint NOT NULL,
  seats bigint NOT NULL,
  seats_used bigint NOT NULL,
  plan_feature_count bigint NOT NULL,
  volume_limit bigint NOT NULL,
  contract_start text NOT NULL,
  renewal_date text NOT NULL,
  renewals_count integer NOT NULL,
  lifecycle_stage text NOT NULL,
  owner_id text REFERENCES users (id),
  status text NOT NULL,
  churned_at text,
  competitor_evaluation smallint NOT NULL,
  payment_overdue_days integer NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  server_version bigint
);
-- Scope queries start from the owner (DESIGN §3: a CSM's accounts, a manager's reports' accounts).
CREATE INDEX accounts_owner_id ON accounts (owner_id);

CREATE TABLE contacts (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  name text NOT NULL,
  email text,
  role text,
  is_champion smallint NOT NULL,
  departed_at text,
  certification_level integer NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  server_version bigint
);
CREATE INDEX contacts_account_id ON contacts (account_id);

CREATE TABLE metrics (
  account_id text NOT NULL REFERENCES accounts (id),
  key text NOT NULL,
  date text NOT NULL,
  value double precision NOT NULL,
  deleted_at text,
  server_version bigint,
  PRIMARY KEY (account_id, key, date)
);

CREATE TABLE surveys (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  contact_id text,
  kind text NOT NULL,
  score integer NOT NULL,
  answered_at text NOT NULL,
  comment text,
  deleted_at text,
  server_version bigint
);
CREATE INDEX surveys_account_id ON surveys (account_id);

-- Team-wide: one row (or a few versions by id), no account.
CREATE TABLE scoring_config (
  id text PRIMARY KEY,
  config_json text NOT NULL,
  updated_at text NOT NULL,
  server_version bigint
);

CREATE TABLE notes (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  touchpoint_id text,
  author_id text,
  body text NOT NULL,
  server_version bigint
);
CREATE INDEX notes_account_id ON notes (account_id);

CREATE TABLE touchpoints (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  kind text NOT NULL,
  origin text NOT NULL,
  title text NOT NULL,
  due_at text NOT NULL,
  completed_at text,
  status text NOT NULL,
  outcome text,
  sentiment text,
  server_version bigint
);
CREATE INDEX touchpoints_account_id ON touchpoints (account_id);

CREATE TABLE escalations (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  level integer NOT NULL,
  reason text NOT NULL,
  severity text NOT NULL,
  status text NOT NULL,
  owner_id text,
  opened_at text NOT NULL,
  resolved_at text,
  server_version bigint
);
CREATE INDEX escalations_account_id ON escalations (account_id);

-- Appended, never edited: no created_at/updated_at of their own, only `at`.
CREATE TABLE escalation_events (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  deleted_at text,
  escalation_id text NOT NULL,
  actor_id text,
  at text NOT NULL,
  from_level integer,
  to_level integer NOT NULL,
  why text NOT NULL,
  server_version bigint
);
CREATE INDEX escalation_events_account_id ON escalation_events (account_id);

CREATE TABLE goals (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  title text NOT NULL,
  target text,
  due_at text,
  status text NOT NULL,
  progress integer NOT NULL,
  completed_at text,
  server_version bigint
);
CREATE INDEX goals_account_id ON goals (account_id);

CREATE TABLE onboarding_items (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  item_key text NOT NULL,
  phase text NOT NULL,
  done_at text,
  server_version bigint
);
CREATE INDEX onboarding_items_account_id ON onboarding_items (account_id);

CREATE TABLE feedback (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  category text NOT NULL,
  sentiment text NOT NULL,
  priority text NOT NULL,
  status text NOT NULL,
  body text NOT NULL,
  server_version bigint
);
CREATE INDEX feedback_account_id ON feedback (account_id);
