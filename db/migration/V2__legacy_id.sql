-- Version 2: the _id a user had in the old service's MongoDB, kept by bin/import-users, so that a re-run of an
-- import finds the users it already brought over and support can trace an account back to its old record.
-- NULL for users created here. Idempotent, like db/init.sql, so it can also be applied by hand with psql.
ALTER TABLE users ADD COLUMN IF NOT EXISTS legacy_id TEXT;

CREATE UNIQUE INDEX IF NOT EXISTS uq_users_legacy_id ON users (legacy_id) WHERE legacy_id IS NOT NULL;
