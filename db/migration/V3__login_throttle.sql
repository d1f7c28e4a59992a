-- Throttling of logins and registrations, shared by every instance of the service (see throttling.Throttle).
-- One row per counted event: a login attempt under its account key ('id:<uuid>'), or its hashed identifier
-- ('name:<sha-256>') when no account matches, and under its client address ('ip:<address>'); a registration
-- under 'register-ip:<address>'. The rows of one attempt share its attempt id, so that a login that turns out
-- good can take its own rows back. Rows older than the window are deleted by the statements that add rows.
CREATE TABLE IF NOT EXISTS throttle_events (
  key TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  attempt UUID NOT NULL
);

-- Counting one key's recent events, newest first.
CREATE INDEX IF NOT EXISTS idx_throttle_events_key_at ON throttle_events (key, at DESC);
-- Deleting what has left the window, oldest first.
CREATE INDEX IF NOT EXISTS idx_throttle_events_at ON throttle_events (at);
