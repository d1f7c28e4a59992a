package io.authsvc.credentials.control;

import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.metrics.AuthMetrics;
import io.authsvc.throttling.Throttle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one place where a login's outcome is recorded: its line in the audit trail, its count in
 * {@code auth_logins_total{outcome}}, and what the throttle makes of it (a good login clears the failures, the right
 * password of an account that may not sign in counts as no guess, a wrong one stays counted).
 */
@ApplicationScoped
public class LoginJournal {

    @Inject
    AuditLog audit;

    @Inject
    AuthMetrics metrics;

    @Inject
    Throttle throttle;

    /** {@code attempt} is null for a login refused before it was counted (throttled). */
    public void record(LoginOutcome outcome, Throttle.LoginAttempt attempt, Origin origin) {
        switch (outcome) {
            case LoginOutcome.Granted granted -> {
                throttle.loginSucceeded(attempt);
                audit.record(AuditEvent.LOGIN_OK, granted.account(), null, origin);
                metrics.login(AuthMetrics.LOGIN_OK);
            }
            case LoginOutcome.BadCredentials bad -> {
                audit.record(AuditEvent.LOGIN_FAILED, bad.account(), null, origin);
                metrics.login(AuthMetrics.LOGIN_FAILED);
            }
            case LoginOutcome.Deactivated deactivated -> {
                throttle.loginNotCounted(attempt);
                audit.record(AuditEvent.LOGIN_DEACTIVATED, deactivated.account(), null, origin);
                metrics.login(AuthMetrics.LOGIN_DEACTIVATED);
            }
            case LoginOutcome.Unverified unverified -> {
                throttle.loginNotCounted(attempt);
                audit.record(AuditEvent.LOGIN_UNVERIFIED, unverified.account(), null, origin);
                metrics.login(AuthMetrics.LOGIN_UNVERIFIED);
            }
            case LoginOutcome.Throttled throttled -> {
                audit.record(AuditEvent.LOGIN_THROTTLED, throttled.account(), null, origin);
                metrics.login(AuthMetrics.LOGIN_THROTTLED);
            }
        }
    }

    /**
     * A user's own {@code current_password}, checked before a change: counted as a login by the throttle and in the
     * audit trail when wrong or throttled, but no login in the metrics (nobody signed in).
     */
    public void recordCurrentPassword(LoginOutcome outcome, Throttle.LoginAttempt attempt, Origin origin) {
        switch (outcome) {
            case LoginOutcome.Granted granted -> throttle.loginSucceeded(attempt);
            case LoginOutcome.Throttled throttled ->
                    audit.record(AuditEvent.LOGIN_THROTTLED, throttled.account(), null, origin);
            case LoginOutcome.Refused refused -> audit.record(AuditEvent.LOGIN_FAILED, refused.account(), null, origin);
        }
    }
}
