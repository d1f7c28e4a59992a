-- Mail (issue 17): the outbox that the mail sender delivers from, and the single-use tokens that mails carry.
-- Idempotent, like db/init.sql.

-- A mail is written here in the transaction of the change that causes it, and deleted once the SMTP server
-- has accepted it; until then the sender retries it with back-off. Senders on several instances take rows with
-- FOR UPDATE SKIP LOCKED, so no two send one mail. The row holds the mail's text (a reset mail's link with its
-- token) only until it is sent.
CREATE TABLE IF NOT EXISTS mail_outbox (
  id UUID PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  -- the last failure, as the SMTP client said it (no mail text in it)
  last_error TEXT
);

CREATE INDEX IF NOT EXISTS idx_mail_outbox_due ON mail_outbox (next_attempt_at);

-- The tokens of mails: only their SHA-256, the account, what the token is for, and its end. A token is deleted
-- when it is used, when a newer one of the same purpose is made, and with its account.
CREATE TABLE IF NOT EXISTS account_tokens (
  token_hash BYTEA PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
  -- the address the mail went to: a token of an address the account no longer has is not good
  email TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX IF NOT EXISTS idx_account_tokens_user ON account_tokens (user_id, purpose);
