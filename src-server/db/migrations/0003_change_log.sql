-- The sync change log (DESIGN §3, docs/sync-protocol.md "Change log"). One row per synced row: the
-- seq of the transaction step that last wrote it, so a pull after cursor N reads "every row whose seq
-- is above N" and superseded versions never pile up. `sync_counter` is the one counter row every
-- writing transaction updates before it appends: the row lock makes those transactions take their
-- seqs in commit order, so a reader can never see seq N+1 committed while N is still to come (no
-- cursor gaps). `horizon` is the highest seq whose tombstone was pruned: older cursors must resync.
CREATE TABLE sync_counter (
  id smallint PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  horizon bigint NOT NULL
);
INSERT INTO sync_counter (id, seq, horizon) VALUES (1, 0, 0);

CREATE TABLE change_log (
  entity text NOT NULL,
  row_id text NOT NULL,
  account_id text,
  seq bigint NOT NULL,
  -- Last seq of the transaction that wrote this version: a pull page never ends inside it.
  tx_end bigint NOT NULL,
  op text NOT NULL CHECK (op IN ('upsert', 'delete')),
  -- Per-field HLC of the last accepted client write (last writer wins by (hlc, client id)).
  clocks jsonb NOT NULL DEFAULT '{}',
  -- Who created the row (push), so a manager can add to a report's account but not edit others' rows.
  created_by text,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (entity, row_id)
);
CREATE UNIQUE INDEX change_log_seq ON change_log (seq);
CREATE INDEX change_log_account_seq ON change_log (account_id, seq);

-- Every version of an account's owner and a user's manager (and whether each is live), by seq, so a
-- pull can tell which accounts entered or left a caller's scope since its cursor without state per client.
CREATE TABLE scope_history (
  seq bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('account', 'user')),
  id text NOT NULL,
  parent_id text,
  live boolean NOT NULL,
  PRIMARY KEY (kind, id, seq)
);
CREATE INDEX scope_history_seq ON scope_history (seq);

-- Each device's sync identity: who it belongs to and the last mutation id the server applied.
CREATE TABLE sync_clients (
  client_id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  last_mutation_id bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Permanent refusals, so a repeated push of the same id gets the same answer.
CREATE TABLE mutation_rejections (
  client_id text NOT NULL REFERENCES sync_clients (client_id),
  mutation_id bigint NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, mutation_id)
);

-- Rows written before the log existed (users and accounts made by the admin CLI) enter it now.
WITH existing AS (
  SELECT 'users' AS entity, id AS row_id, NULL::text AS account_id, deleted_at IS NOT NULL AS deleted FROM users
  UNION ALL SELECT 'accounts', id, id, deleted_at IS NOT NULL FROM accounts
  UNION ALL SELECT 'contacts', id, account_id, deleted_at IS NOT NULL FROM contacts
  UNION ALL SELECT 'metrics', account_id || '|' || key || '|' || date, account_id, deleted_at IS NOT NULL FROM metrics
  UNION ALL SELECT 'surveys', id, account_id, deleted_at IS NOT NULL FROM surveys
  UNION ALL SELECT 'scoring_config', id, NULL, false FROM scoring_config
  UNION ALL SELECT 'notes', id, account_id, deleted_at IS NOT NULL FROM notes
  UNION ALL SELECT 'touchpoints', id, account_id, deleted_at IS NOT NULL FROM touchpoints
  UNION ALL SELECT 'escalations', id, account_id, deleted_at IS NOT NULL FROM escalations
  UNION ALL SELECT 'escalation_events', id, account_id, deleted_at IS NOT NULL FROM escalation_events
  UNION ALL SELECT 'goals', id, account_id, deleted_at IS NOT NULL FROM goals
  UNION ALL SELECT 'onboarding_items', id, account_id, deleted_at IS NOT NULL FROM onboarding_items
  UNION ALL SELECT 'feedback', id, account_id, deleted_at IS NOT NULL FROM feedback
), numbered AS (
  SELECT *, row_number() OVER (ORDER BY entity = 'users' DESC, entity = 'accounts' DESC, entity, row_id) AS n FROM existing
)
INSERT INTO change_log (entity, row_id, account_id, seq, tx_end, op, changed_at)
SELECT entity, row_id, account_id, n, (SELECT count(*) FROM numbered), CASE WHEN deleted THEN 'delete' ELSE 'upsert' END, now() FROM numbered;

UPDATE sync_counter SET seq = (SELECT count(*) FROM change_log);
UPDATE users SET server_version = c.seq FROM change_log c WHERE c.entity = 'users' AND c.row_id = users.id;
UPDATE accounts SET server_version = c.seq FROM change_log c WHERE c.entity = 'accounts' AND c.row_id = accounts.id;

INSERT INTO scope_history (seq, kind, id, parent_id, live)
SELECT 0, 'user', id, manager_id, deleted_at IS NULL FROM users;
INSERT INTO scope_history (seq, kind, id, parent_id, live)
SELECT 0, 'account', id, owner_id, deleted_at IS NULL FROM accounts;
