package io.authsvc.credentials.control;

import io.authsvc.problems.ProblemException;

/** 403: the right password of a deactivated account. */
public class AccountDeactivated extends ProblemException {

    public AccountDeactivated() {
        super(403, "This account is deactivated");
    }
}
