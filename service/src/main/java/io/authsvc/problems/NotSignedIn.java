package io.authsvc.problems;

import io.authsvc.security.ProblemJson;

/** 401 with {@code WWW-Authenticate: Bearer}: the call needs a valid token and carries none. */
public class NotSignedIn extends ProblemException {

    public NotSignedIn() {
        super(401, ProblemJson.defaultDetail(401));
    }
}
