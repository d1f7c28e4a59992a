-- Sessions (issue 15): a login starts one, and each refresh token descends from that login. A session is one
-- token family: its id is the access tokens' `sid`, and every refresh token ever given out in it is kept (its
-- SHA-256 only), so that a spent one presented again is known as reuse and ends the whole family. Ending a session
-- deletes its row and, through the cascade, its tokens. Idempotent, like db/init.sql.
CREATE TABLE IF NOT EXISTS sessions (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The user's token version at the login: a password change, a deactivation or logout-all moves the user's on.
  token_version INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  last_used_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  -- The absolute end (REFRESH_TOKEN_EXPIRE_DAYS from the login); the idle end is last_used_at plus
  -- REFRESH_TOKEN_IDLE_DAYS, reckoned at each use, so that a changed setting applies to every session.
  expires_at TIMESTAMPTZ NOT NULL,
  client_address TEXT,
  user_agent TEXT
);

-- A user's sessions: the list, logout-all, and the clean-up of a user's dead sessions at each login.
CREATE INDEX IF NOT EXISTS idx_sessions_user ON sessions (user_id, created_at DESC);

CREATE TABLE IF NOT EXISTS refresh_tokens (
  token_hash BYTEA PRIMARY KEY,
  session_id UUID NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  -- Set when the token is exchanged for the next one; a token whose spent_at is set is never good again.
  spent_at TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS idx_refresh_tokens_session ON refresh_tokens (session_id);

-- Whatever moves a user's token version on (a password change, a deactivation, logout-all, an admin's logout-all,
-- and any later path) ends that user's sessions in the same transaction.
CREATE OR REPLACE FUNCTION sessions_end_on_revoke() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sessions WHERE user_id = NEW.id;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS sessions_end_on_revoke ON users;
CREATE TRIGGER sessions_end_on_revoke AFTER UPDATE OF token_version ON users
  FOR EACH ROW WHEN (OLD.token_version IS DISTINCT FROM NEW.token_version)
  EXECUTE FUNCTION sessions_end_on_revoke();

-- The role `introspect`, for another service that may ask POST /auth/introspect about tokens.
ALTER TABLE user_roles DROP CONSTRAINT IF EXISTS user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check CHECK (role IN ('user', 'admin', 'introspect'));
