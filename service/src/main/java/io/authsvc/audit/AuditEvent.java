package io.authsvc.audit;

import java.util.Locale;

/** The security events the audit trail records. */
public enum AuditEvent {
    REGISTER,
    REGISTER_THROTTLED,
    LOGIN_OK,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    LOGIN_DEACTIVATED,
    /** The right password of an unverified address while {@code REQUIRE_VERIFIED_EMAIL} is true. */
    LOGIN_UNVERIFIED,
    PASSWORD_CHANGED,
    ROLE_CHANGED,
    DEACTIVATED,
    ACTIVATED,
    DELETED,
    LOGOUT_ALL,
    /** One session ended by its refresh token ({@code POST /auth/logout}). */
    LOGOUT,
    /** One session ended by its owner from the list ({@code DELETE /auth/me/sessions/{id}}). */
    SESSION_ENDED,
    /** A spent refresh token came back: its whole session is ended. */
    REFRESH_REUSED,
    /** A reset mail was put into the outbox for the account ({@code POST /auth/password-reset}). */
    PASSWORD_RESET_REQUESTED,
    /** A reset token was used: a new password, every session ended ({@code POST /auth/password-reset/confirm}). */
    PASSWORD_RESET,
    /** An address change was undone by the link mailed to the old address ({@code POST /auth/email-change/revert}). */
    EMAIL_CHANGE_REVERTED,
    /** A verification mail was put into the outbox: at registration, for a new address, or asked again. */
    EMAIL_VERIFICATION_REQUESTED,
    /** A verification token was used: the account's address is verified ({@code POST /auth/verify-email/confirm}). */
    EMAIL_VERIFIED;

    /** The name in a log line: {@code login_failed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
