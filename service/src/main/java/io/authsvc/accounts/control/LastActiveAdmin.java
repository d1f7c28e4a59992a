package io.authsvc.accounts.control;

import io.authsvc.problems.ProblemException;

/** 409: a change or a deletion would leave no active admin. */
public class LastActiveAdmin extends ProblemException {

    public LastActiveAdmin(String detail) {
        super(409, detail);
    }
}
