package io.authsvc.credentials.boundary;

import io.authsvc.credentials.control.LoginOutcome;
import io.authsvc.problems.ProblemException;
import io.authsvc.throttling.TooManyAttempts;

/**
 * A refused login as the token endpoint answers it, in this one place: 401 for an unknown account or a wrong
 * password (the same sentence for both), 403 for a deactivated account or an unverified address, 429 with
 * {@code Retry-After} when throttled.
 */
public final class LoginRefusals {

    public static final String BAD_CREDENTIALS = "Incorrect username or password";

    private LoginRefusals() {
    }

    /** The problem to throw for {@code refused}. */
    public static ProblemException problem(LoginOutcome.Refused refused) {
        return switch (refused) {
            case LoginOutcome.BadCredentials bad -> new ProblemException(401, BAD_CREDENTIALS);
            case LoginOutcome.Deactivated deactivated -> new ProblemException(403, "This account is deactivated");
            case LoginOutcome.Unverified unverified -> new ProblemException(403,
                    "The email address of this account is not verified: open the link of the verification mail"
                            + (unverified.reminded() ? " (a new one is on its way)" : ""));
            case LoginOutcome.Throttled throttled -> new TooManyAttempts(throttled.detail(),
                    throttled.retryAfterSeconds());
        };
    }
}
