package io.authsvc.credentials.control;

import io.authsvc.problems.ProblemException;

/** 403: a user changing its own password or address sent a wrong {@code current_password}. */
public class WrongCurrentPassword extends ProblemException {

    public WrongCurrentPassword() {
        super(403, "current_password is wrong");
    }
}
