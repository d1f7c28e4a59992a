package io.authsvc.credentials.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.authsvc.credentials.control.LoginOutcome;
import io.authsvc.problems.ProblemException;
import io.authsvc.throttling.TooManyAttempts;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The token endpoint's answer to each refusal: its status, its headers and its sentence, word for word. */
class LoginRefusalsTest {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void anUnknownAccountAndAWrongPasswordGetTheSame401() {
        ProblemException unknown = LoginRefusals.problem(new LoginOutcome.BadCredentials(null));
        ProblemException wrong = LoginRefusals.problem(new LoginOutcome.BadCredentials(ID));
        for (ProblemException problem : new ProblemException[] {unknown, wrong}) {
            assertEquals(401, problem.getResponse().getStatus());
            assertEquals("Incorrect username or password", problem.getMessage());
        }
        assertEquals("Incorrect username or password", LoginRefusals.BAD_CREDENTIALS);
    }

    @Test
    void aDeactivatedAccountIs403() {
        ProblemException problem = LoginRefusals.problem(new LoginOutcome.Deactivated(ID));
        assertEquals(403, problem.getResponse().getStatus());
        assertEquals("This account is deactivated", problem.getMessage());
    }

    @Test
    void anUnverifiedAddressIs403AndSaysWhetherANewLinkIsOnItsWay() {
        ProblemException reminded = LoginRefusals.problem(new LoginOutcome.Unverified(ID, true));
        assertEquals(403, reminded.getResponse().getStatus());
        assertEquals("The email address of this account is not verified: open the link of the verification mail"
                + " (a new one is on its way)", reminded.getMessage());
        ProblemException notReminded = LoginRefusals.problem(new LoginOutcome.Unverified(ID, false));
        assertEquals(403, notReminded.getResponse().getStatus());
        assertEquals("The email address of this account is not verified: open the link of the verification mail",
                notReminded.getMessage());
    }

    @Test
    void aThrottledLoginIs429WithRetryAfter() {
        ProblemException problem = LoginRefusals.problem(
                new LoginOutcome.Throttled(ID, "Too many failed logins; try again later", 42));
        TooManyAttempts throttled = assertInstanceOf(TooManyAttempts.class, problem);
        assertEquals(429, throttled.getResponse().getStatus());
        assertEquals("42", throttled.getResponse().getHeaderString("Retry-After"));
        assertEquals(42, throttled.retryAfter());
        assertEquals("Too many failed logins; try again later", throttled.getMessage());
    }
}
