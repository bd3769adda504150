// Append-only: never edit a migration that has shipped; add a new numbered file instead.
// An account whose inputs change (a metric, a survey answer, a contact, its own commercial fields),
// however the change arrives (sync, import, admin, demo), is marked for rescoring by the store itself,
// in the same transaction as the change: the next read rebuilds its cached facts and score, so the
// portfolio and the account panel always agree.
export const sql = `
CREATE TABLE accounts_to_rescore (account_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER metrics_mark_insert AFTER INSERT ON metrics BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (new.account_id);
END;
CREATE TRIGGER metrics_mark_update AFTER UPDATE ON metrics BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (old.account_id), (new.account_id);
END;
CREATE TRIGGER metrics_mark_delete AFTER DELETE ON metrics BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (old.account_id);
END;

CREATE TRIGGER surveys_mark_insert AFTER INSERT ON surveys BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (new.account_id);
END;
CREATE TRIGGER surveys_mark_update AFTER UPDATE ON surveys BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (old.account_id), (new.account_id);
END;
CREATE TRIGGER surveys_mark_delete AFTER DELETE ON surveys BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (old.account_id);
END;

CREATE TRIGGER contacts_mark_insert AFTER INSERT ON contacts BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (new.account_id);
END;
CREATE TRIGGER contacts_mark_update AFTER UPDATE ON contacts BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (old.account_id), (new.account_id);
END;
CREATE TRIGGER contacts_mark_delete AFTER DELETE ON contacts BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (old.account_id);
END;

CREATE TRIGGER accounts_mark_insert AFTER INSERT ON accounts BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (new.id);
END;
CREATE TRIGGER accounts_mark_update AFTER UPDATE ON accounts BEGIN
  INSERT OR IGNORE INTO accounts_to_rescore VALUES (new.id);
END;
`;
