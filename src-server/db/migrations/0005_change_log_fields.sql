-- Each log entry keeps the fields of the row version it announces (every registry column but the
-- key, as commitWrites wrote them), so a pull page is one range scan of the log served as text: no
-- read of the entity tables and no JSON built per row (an initial sync is hundreds of thousands of
-- rows). NULL when the row was written outside commitWrites (users, an account's owner set by the
-- admin commands, a row logged again after a refused push): a pull then reads the row from its table.
-- `json`, not `jsonb`: stored as written and handed back as the same text.
ALTER TABLE change_log ADD COLUMN fields json;

-- The newest of the entry's field clocks (what a pull sends as `hlc`), kept with the clocks so a
-- page does not take the maximum of every row's clock map again.
ALTER TABLE change_log ADD COLUMN hlc text;
UPDATE change_log SET hlc = (SELECT max(value) FROM jsonb_each_text(clocks)) WHERE clocks <> '{}'::jsonb;
