-- Account counts kept up to date by triggers, so that GET /auth/stats and the list's X-Total-Count (without a
-- text filter) read one row instead of counting every account: at 1,000,000 users a count(*) takes a large part
-- of a second, and did so at every call. The counts change in the transaction that changes the rows, so they are
-- exact for every reader, like the count(*) they replace.
CREATE TABLE IF NOT EXISTS user_counts (
  only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
  total BIGINT NOT NULL,
  active BIGINT NOT NULL
);

-- No account changes while the first counts are taken (a start-up of a second instance waits a moment).
LOCK TABLE users IN SHARE MODE;
DELETE FROM user_counts;
INSERT INTO user_counts (total, active) SELECT count(*), count(*) FILTER (WHERE is_active) FROM users;

-- Statement-level triggers: one update of the counts per statement, however many rows it touched (a bulk import
-- included), and none at all when nothing counted changed (a login's last_login update leaves the row alone).
CREATE OR REPLACE FUNCTION user_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added BIGINT;
  added_active BIGINT;
BEGIN
  SELECT count(*), count(*) FILTER (WHERE is_active) INTO added, added_active FROM new_rows;
  IF added <> 0 THEN
    UPDATE user_counts SET total = total + added, active = active + added_active;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION user_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  removed BIGINT;
  removed_active BIGINT;
BEGIN
  SELECT count(*), count(*) FILTER (WHERE is_active) INTO removed, removed_active FROM old_rows;
  IF removed <> 0 THEN
    UPDATE user_counts SET total = total - removed, active = active - removed_active;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION user_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change BIGINT;
BEGIN
  SELECT (SELECT count(*) FILTER (WHERE is_active) FROM new_rows) - (SELECT count(*) FILTER (WHERE is_active) FROM old_rows)
    INTO change;
  IF change <> 0 THEN
    UPDATE user_counts SET active = active + change;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION user_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE user_counts SET total = 0, active = 0;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS user_counts_insert ON users;
CREATE TRIGGER user_counts_insert AFTER INSERT ON users REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_insert();
DROP TRIGGER IF EXISTS user_counts_delete ON users;
CREATE TRIGGER user_counts_delete AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_delete();
DROP TRIGGER IF EXISTS user_counts_update ON users;
CREATE TRIGGER user_counts_update AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_update();
DROP TRIGGER IF EXISTS user_counts_truncate ON users;
CREATE TRIGGER user_counts_truncate AFTER TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION user_counts_after_truncate();
