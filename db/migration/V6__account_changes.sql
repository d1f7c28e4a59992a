-- Every change to an account, its roles or its sessions, whoever makes it (this service on any instance,
-- bin/import-users, an operator's SQL), is announced on the channel `auth_account_changes` with the account's id,
-- so that each instance drops what it keeps of that account in memory (issue 16: the account cache). A TRUNCATE
-- announces `*`: forget every account. PostgreSQL sends the notification when the transaction commits, and not
-- at all when it rolls back; identical notifications of one transaction are sent once. Idempotent, like
-- db/init.sql.
CREATE OR REPLACE FUNCTION account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('auth_account_changes', '*');
  ELSIF TG_TABLE_NAME = 'users' THEN
    IF TG_OP <> 'INSERT' THEN
      PERFORM pg_notify('auth_account_changes', OLD.id::text);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM pg_notify('auth_account_changes', NEW.id::text);
    END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN
      PERFORM pg_notify('auth_account_changes', OLD.user_id::text);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM pg_notify('auth_account_changes', NEW.user_id::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- A new account is in no one's memory yet (an instance keeps only accounts it found): not announced, which keeps
-- bin/import-users' bulk inserts free of one notification per row. Its roles are, as every role change.
DROP TRIGGER IF EXISTS account_changed ON users;
CREATE TRIGGER account_changed AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION account_changed();
DROP TRIGGER IF EXISTS account_changed_truncate ON users;
CREATE TRIGGER account_changed_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION account_changed();

DROP TRIGGER IF EXISTS account_changed ON user_roles;
CREATE TRIGGER account_changed AFTER INSERT OR UPDATE OR DELETE ON user_roles
  FOR EACH ROW EXECUTE FUNCTION account_changed();
DROP TRIGGER IF EXISTS account_changed_truncate ON user_roles;
CREATE TRIGGER account_changed_truncate AFTER TRUNCATE ON user_roles
  FOR EACH STATEMENT EXECUTE FUNCTION account_changed();

-- Nor is a new session, and a refresh moves only last_used_at: neither is announced. What a
-- cached session depends on (its account, its token version, its end) is.
DROP TRIGGER IF EXISTS account_changed ON sessions;
CREATE TRIGGER account_changed AFTER UPDATE OF user_id, token_version, expires_at OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION account_changed();
DROP TRIGGER IF EXISTS account_changed_truncate ON sessions;
CREATE TRIGGER account_changed_truncate AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION account_changed();
