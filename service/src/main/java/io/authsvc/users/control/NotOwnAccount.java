package io.authsvc.users.control;

import io.authsvc.problems.ProblemException;

/** 403: a user named an account other than its own. */
public class NotOwnAccount extends ProblemException {

    public NotOwnAccount() {
        super(403, "A user may only reach its own account");
    }
}
