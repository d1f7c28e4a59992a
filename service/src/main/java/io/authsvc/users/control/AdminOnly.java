package io.authsvc.users.control;

import io.authsvc.problems.ProblemException;

/** 403: a user asked for a change only an admin may make ("Only an admin may change roles"). */
public class AdminOnly extends ProblemException {

    public AdminOnly(String what) {
        super(403, "Only an admin may " + what);
    }
}
