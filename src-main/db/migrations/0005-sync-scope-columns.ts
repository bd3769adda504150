// Append-only: never edit a migration that has shipped; add a new numbered file instead.
// Every outbox mutation and every escalation event names the account that scopes it (DESIGN §3:
// push checks the account is in the caller's scope; pull and revocation work per account).
export const sql = `
ALTER TABLE outbox ADD COLUMN account_id TEXT;
UPDATE outbox SET account_id = CASE entity
  WHEN 'notes' THEN (SELECT account_id FROM notes WHERE id = outbox.row_id)
  WHEN 'touchpoints' THEN (SELECT account_id FROM touchpoints WHERE id = outbox.row_id)
  WHEN 'escalations' THEN (SELECT account_id FROM escalations WHERE id = outbox.row_id)
  WHEN 'escalation_events' THEN (SELECT e.account_id FROM escalation_events v JOIN escalations e ON e.id = v.escalation_id WHERE v.id = outbox.row_id)
  WHEN 'goals' THEN (SELECT account_id FROM goals WHERE id = outbox.row_id)
  WHEN 'onboarding_items' THEN (SELECT account_id FROM onboarding_items WHERE id = outbox.row_id)
  WHEN 'feedback' THEN (SELECT account_id FROM feedback WHERE id = outbox.row_id)
END;
CREATE INDEX outbox_account ON outbox(account_id);

ALTER TABLE escalation_events ADD COLUMN account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE;
UPDATE escalation_events SET account_id = (SELECT account_id FROM escalations WHERE id = escalation_events.escalation_id);
CREATE INDEX escalation_events_account ON escalation_events(account_id);
`;
