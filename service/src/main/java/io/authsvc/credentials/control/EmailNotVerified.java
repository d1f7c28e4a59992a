package io.authsvc.credentials.control;

import io.authsvc.problems.ProblemException;

/** 403: the right password of an account whose address is not verified, while {@code REQUIRE_VERIFIED_EMAIL}. */
public class EmailNotVerified extends ProblemException {

    public EmailNotVerified(boolean mailSent) {
        super(403, "The email address of this account is not verified: open the link of the verification mail"
                + (mailSent ? " (a new one is on its way)" : ""));
    }
}
