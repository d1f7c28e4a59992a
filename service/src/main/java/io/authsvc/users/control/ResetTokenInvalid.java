package io.authsvc.users.control;

import io.authsvc.problems.ProblemException;

/** 400: a reset token that is unknown, used or expired: one and the same answer for the three. */
public class ResetTokenInvalid extends ProblemException {

    public ResetTokenInvalid() {
        super(400, "The reset token is invalid, used or expired");
    }
}
