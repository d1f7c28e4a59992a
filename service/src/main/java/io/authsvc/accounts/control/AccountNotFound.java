package io.authsvc.accounts.control;

import io.authsvc.problems.ProblemException;

/** 404: no account has this id (or the id is not one an account could have). */
public class AccountNotFound extends ProblemException {

    public AccountNotFound() {
        super(404, "No user with this id");
    }
}
