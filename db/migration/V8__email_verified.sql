-- Email verification (issue 17): whether the account's owner has shown, by a mail's token, that the address is
-- theirs. Accounts that exist when this runs (created or imported before verification existed) count as verified,
-- so that REQUIRE_VERIFIED_EMAIL=true locks none of them out; new accounts start unverified. An operator who wants
-- some of them to verify again says so in SQL (README, section Mail). Idempotent, like db/init.sql.
-- The users trigger of V6 fires on every UPDATE, so a change of this column reaches every instance's account cache.
ALTER TABLE users ADD COLUMN IF NOT EXISTS email_verified BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE users ALTER COLUMN email_verified SET DEFAULT FALSE;
