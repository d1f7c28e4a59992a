package io.authsvc.accounts.control;

import io.authsvc.problems.ProblemException;

/** 409: another account has this username (in any case). */
public class UsernameTaken extends ProblemException {

    public UsernameTaken() {
        super(409, "username is already taken");
    }
}
