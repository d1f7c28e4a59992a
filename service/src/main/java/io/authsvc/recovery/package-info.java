/**
 * Getting an account back and proving an address: password reset, email verification, and undoing an address
 * change from the old address.
 * <ol>
 * <li>Endpoints: {@code POST /auth/password-reset}, {@code POST /auth/password-reset/confirm},
 *     {@code POST /auth/verify-email}, {@code POST /auth/verify-email/confirm},
 *     {@code POST /auth/email-change/revert}.</li>
 * <li>Tables: {@code account_tokens} (reset and verification tokens, only their SHA-256) and
 *     {@code email_change_reverts}; the mails go into the outbox ({@code mail_outbox}) in the same transaction.
 *     Accounts change only through {@code accounts.control.AccountStore}, whose row lock every store here takes
 *     first.</li>
 * <li>Offers {@code credentials.control.AddressGate} ({@code control.EmailVerification}) and
 *     {@code accounts.control.AddressReservations} ({@code control.RevertStore}).</li>
 * <li>Settings: {@code PASSWORD_RESET_EXPIRE_MINUTES}, {@code EMAIL_VERIFY_EXPIRE_HOURS},
 *     {@code REQUIRE_VERIFIED_EMAIL}, {@code EMAIL_REVERT_EXPIRE_DAYS}; the links' pages are mail's
 *     ({@code PASSWORD_RESET_URL}, {@code EMAIL_VERIFY_URL}, {@code EMAIL_REVERT_URL}), the limits throttling's.</li>
 * </ol>
 */
package io.authsvc.recovery;
