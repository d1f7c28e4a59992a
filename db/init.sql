-- The schema of the auth service. It is the first migration (Flyway version 1, applied at start-up),
-- and it can be applied by hand with psql: every statement is idempotent, so applying it twice changes nothing.

-- The seed's table, exactly as the migration plan wrote it.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE IF NOT EXISTS users (
  id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
  email TEXT NOT NULL UNIQUE,
  username TEXT NOT NULL UNIQUE,
  full_name TEXT,
  is_active BOOLEAN NOT NULL DEFAULT TRUE,
  password_hash TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  last_login TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS idx_users_created_at ON users(created_at DESC);

-- What the HTTP contract needs on top of the seed.

-- Bumped on a password change or a deactivation; tokens carry it, so older tokens stop working at once
-- (iat alone counts whole seconds and cannot tell a token of the same second apart).
ALTER TABLE users ADD COLUMN IF NOT EXISTS token_version INTEGER NOT NULL DEFAULT 0;

-- "Ann" and "ann" are one account; emails are stored lower-cased, the index makes sure of it.
CREATE UNIQUE INDEX IF NOT EXISTS uq_users_email_lower ON users (lower(email));
CREATE UNIQUE INDEX IF NOT EXISTS uq_users_username_lower ON users (lower(username));

-- The list's order and its keyset cursor: newest first, ties broken by id.
CREATE INDEX IF NOT EXISTS idx_users_created_at_id ON users (created_at DESC, id DESC);

CREATE TABLE IF NOT EXISTS user_roles (
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('user', 'admin')),
  PRIMARY KEY (user_id, role)
);

-- Finding the admins (the last-active-admin rule, the bootstrap admin) without reading every role.
CREATE INDEX IF NOT EXISTS idx_user_roles_role ON user_roles (role, user_id);
