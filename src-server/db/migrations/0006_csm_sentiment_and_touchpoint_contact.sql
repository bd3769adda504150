-- Schema 8's synced additions. The CSM's sentiment beside the computed score (one row per judgement, never edited: only `at`),
-- and the contact a touchpoint is with. Column for column as src-shared/sync/entity-registry.ts
-- lists them. Store schema 8 holds both; older stores get UPGRADE_REQUIRED (protocol-versions.ts).
CREATE TABLE csm_sentiments (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  deleted_at text,
  author_id text,
  rating text NOT NULL,
  reason text NOT NULL,
  at text NOT NULL,
  server_version bigint
);
CREATE INDEX csm_sentiments_account_id ON csm_sentiments (account_id);

ALTER TABLE touchpoints ADD COLUMN contact_id text;

-- The CSM's QBR of an account for a quarter (plan, commentary, figures frozen at export).
CREATE TABLE qbr_plans (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at text NOT NULL,
  updated_at text NOT NULL,
  deleted_at text,
  quarter text NOT NULL,
  next_plan text NOT NULL,
  commentary text NOT NULL,
  snapshot_json text,
  exported_at text,
  server_version bigint
);
CREATE INDEX qbr_plans_account_id ON qbr_plans (account_id);

-- A pull serves each touchpoint's logged fields as its whole row (a device keeps a pulled delete
-- as a tombstone only when it carries every column): the entries logged before this column
-- existed gain it, empty, as the table's rows did.
UPDATE change_log SET fields = (fields::jsonb || '{"contact_id": null}'::jsonb)::json
  WHERE entity = 'touchpoints' AND fields IS NOT NULL;
