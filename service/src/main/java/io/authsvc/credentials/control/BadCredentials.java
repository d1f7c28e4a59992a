package io.authsvc.credentials.control;

import io.authsvc.problems.ProblemException;

/** 401: no account by that name, or the wrong password: the same answer for both. */
public class BadCredentials extends ProblemException {

    public static final String DETAIL = "Incorrect username or password";

    public BadCredentials() {
        super(401, DETAIL);
    }
}
