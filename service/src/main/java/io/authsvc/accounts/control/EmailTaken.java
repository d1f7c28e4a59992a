package io.authsvc.accounts.control;

import io.authsvc.problems.ProblemException;

/** 409: another account has this email (in any case). */
public class EmailTaken extends ProblemException {

    public EmailTaken() {
        super(409, "email is already registered");
    }
}
