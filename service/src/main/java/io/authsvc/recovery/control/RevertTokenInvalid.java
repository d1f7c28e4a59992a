package io.authsvc.recovery.control;

import io.authsvc.problems.ProblemException;

/** 400: a revert link's token that is unknown, used, superseded or expired: one and the same answer for all. */
public class RevertTokenInvalid extends ProblemException {

    public RevertTokenInvalid() {
        super(400, "The revert token is invalid, used or expired");
    }
}
