package io.authsvc.credentials.control;

import io.authsvc.accounts.entity.User;
import java.util.UUID;

/**
 * What a login came to, without HTTP: the token endpoint maps it to an answer ({@code credentials.boundary}'s
 * {@code LoginRefusals}), a sign-in page may map it to a page of its own, and {@link LoginJournal} records it once
 * in the audit trail, the metrics and the throttle.
 */
public sealed interface LoginOutcome {

    /** The account, or null when none is known (an unknown identifier). */
    UUID account();

    /** The right password of an active account that may sign in: the login is recorded on the account. */
    record Granted(User user) implements LoginOutcome {

        @Override
        public UUID account() {
            return user.getId();
        }
    }

    /** A refusal: nobody is signed in. */
    sealed interface Refused extends LoginOutcome {
    }

    /** No account by that name, or the wrong password: the same refusal for both. */
    record BadCredentials(UUID account) implements Refused {
    }

    /** The right password of a deactivated account. */
    record Deactivated(UUID account) implements Refused {
    }

    /**
     * The right password of an account whose address is not verified while {@code REQUIRE_VERIFIED_EMAIL} is true;
     * {@code reminded}: a new verification mail is on its way.
     */
    record Unverified(UUID account, boolean reminded) implements Refused {
    }

    /** Refused before any password check: the identifier or the client's address used up its failures. */
    record Throttled(UUID account, String detail, long retryAfterSeconds) implements Refused {
    }
}
