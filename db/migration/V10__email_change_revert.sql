-- Undoing an address change (issue 29, ASVS 3.7.1): the notice of a new address, sent to the old one, carries a
-- single-use link that puts the old address back. Only the token's SHA-256 is kept, with the account, the address
-- to put back and the link's end; rows go when used, when an older link of the account is used, and with their
-- account. Idempotent, like db/init.sql.
CREATE TABLE IF NOT EXISTS email_change_reverts (
  token_hash BYTEA PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- the address before the change: put back, marked verified, by the link
  old_email TEXT NOT NULL,
  -- orders one account's links: using one ends it and every later one, never an earlier one
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX IF NOT EXISTS idx_email_change_reverts_user ON email_change_reverts (user_id);
-- While a link is live its address stays the old owner's: no other account may take it.
CREATE INDEX IF NOT EXISTS idx_email_change_reverts_email ON email_change_reverts (old_email);
