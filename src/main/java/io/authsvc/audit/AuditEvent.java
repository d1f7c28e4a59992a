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
    PASSWORD_CHANGED,
    ROLE_CHANGED,
    DEACTIVATED,
    ACTIVATED,
    DELETED,
    LOGOUT_ALL;

    /** The name in a log line: {@code login_failed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
