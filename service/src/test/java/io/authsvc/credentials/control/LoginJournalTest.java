package io.authsvc.credentials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authsvc.accounts.entity.User;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.metrics.AuthMetrics;
import io.authsvc.throttling.Throttle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each outcome's line in the audit trail, its metric label and what the throttle is told, in one place. */
class LoginJournalTest {

    private static final Origin ORIGIN = new Origin("192.0.2.7", "request-7");

    private final List<String> audited = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private final LoginJournal journal = new LoginJournal();
    private final Throttle.LoginAttempt attempt = new Throttle.LoginAttempt(UUID.randomUUID(), "id-key", "ip-key");
    private final User user = new User("ada@example.org", "ada", "Ada", "hash");
    private final UUID id = user.getId();

    LoginJournalTest() {
        journal.audit = new AuditLog() {
            @Override
            public void record(AuditEvent event, UUID account, UUID actor, Origin origin) {
                audited.add(event + " " + account + " " + actor + " " + origin);
            }
        };
        journal.metrics = new AuthMetrics() {
            @Override
            public void login(String outcome) {
                counted.add(outcome);
            }
        };
        journal.throttle = new Throttle() {
            @Override
            public void loginSucceeded(LoginAttempt settled) {
                told.add("succeeded " + settled.id());
            }

            @Override
            public void loginNotCounted(LoginAttempt settled) {
                told.add("notCounted " + settled.id());
            }
        };
    }

    private String line(AuditEvent event, UUID account) {
        return event + " " + account + " null " + ORIGIN;
    }

    @Test
    void aGrantedLoginClearsTheFailures() {
        journal.record(new LoginOutcome.Granted(user), attempt, ORIGIN);
        assertEquals(List.of(line(AuditEvent.LOGIN_OK, id)), audited);
        assertEquals(List.of(AuthMetrics.LOGIN_OK), counted);
        assertEquals(List.of("succeeded " + attempt.id()), told);
    }

    @Test
    void badCredentialsStayCounted() {
        journal.record(new LoginOutcome.BadCredentials(null), attempt, ORIGIN);
        journal.record(new LoginOutcome.BadCredentials(id), attempt, ORIGIN);
        assertEquals(List.of(line(AuditEvent.LOGIN_FAILED, null), line(AuditEvent.LOGIN_FAILED, id)), audited);
        assertEquals(List.of(AuthMetrics.LOGIN_FAILED, AuthMetrics.LOGIN_FAILED), counted);
        assertEquals(List.of(), told);
    }

    @Test
    void theRightPasswordOfADeactivatedAccountIsNoGuess() {
        journal.record(new LoginOutcome.Deactivated(id), attempt, ORIGIN);
        assertEquals(List.of(line(AuditEvent.LOGIN_DEACTIVATED, id)), audited);
        assertEquals(List.of(AuthMetrics.LOGIN_DEACTIVATED), counted);
        assertEquals(List.of("notCounted " + attempt.id()), told);
    }

    @Test
    void theRightPasswordOfAnUnverifiedAddressIsNoGuess() {
        journal.record(new LoginOutcome.Unverified(id, true), attempt, ORIGIN);
        assertEquals(List.of(line(AuditEvent.LOGIN_UNVERIFIED, id)), audited);
        assertEquals(List.of(AuthMetrics.LOGIN_UNVERIFIED), counted);
        assertEquals(List.of("notCounted " + attempt.id()), told);
    }

    @Test
    void aThrottledLoginTellsTheThrottleNothing() {
        journal.record(new LoginOutcome.Throttled(id, "Too many failed logins", 60), null, ORIGIN);
        assertEquals(List.of(line(AuditEvent.LOGIN_THROTTLED, id)), audited);
        assertEquals(List.of(AuthMetrics.LOGIN_THROTTLED), counted);
        assertEquals(List.of(), told);
    }

    @Test
    void aCurrentPasswordIsAuditedWhenRefusedButNeverCountedAsALogin() {
        journal.recordCurrentPassword(new LoginOutcome.Granted(user), attempt, ORIGIN);
        journal.recordCurrentPassword(new LoginOutcome.BadCredentials(id), attempt, ORIGIN);
        journal.recordCurrentPassword(new LoginOutcome.Throttled(id, "Too many failed logins", 60), null, ORIGIN);
        assertEquals(List.of(line(AuditEvent.LOGIN_FAILED, id), line(AuditEvent.LOGIN_THROTTLED, id)), audited);
        assertEquals(List.of(), counted, "nobody signed in");
        assertEquals(List.of("succeeded " + attempt.id()), told);
    }
}
