-- The account row's concurrency (issue 29): what ends the links that mails carry. Whatever changes an account's
-- address, moves its token version on (a password change by any way, a deactivation, a sign-out everywhere) or
-- deactivates it ends its outstanding reset links, and its verification links of any other address, in the same
-- transaction and whoever writes the row (this service, bin/import-users, an operator's SQL). The trigger runs
-- with the row already locked by the UPDATE, so it takes account_tokens after users, the order every use case
-- keeps (README, section Security). A login's rehash of the same password moves nothing on and ends nothing.
-- Idempotent, like db/init.sql.
CREATE OR REPLACE FUNCTION account_tokens_end_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM account_tokens WHERE user_id = NEW.id AND (purpose = 'password_reset' OR email <> NEW.email);
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS account_tokens_end_on_change ON users;
CREATE TRIGGER account_tokens_end_on_change AFTER UPDATE OF email, token_version, is_active ON users
  FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.token_version IS DISTINCT FROM NEW.token_version
    OR (OLD.is_active AND NOT NEW.is_active))
  EXECUTE FUNCTION account_tokens_end_on_change();
