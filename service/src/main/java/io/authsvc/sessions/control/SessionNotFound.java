package io.authsvc.sessions.control;

import io.authsvc.problems.ProblemException;

/** 404: the caller has no session with this id (another user's sessions are not told apart from none). */
public class SessionNotFound extends ProblemException {

    public SessionNotFound() {
        super(404, "No session of yours with this id");
    }
}
