package io.authsvc.problems;

import jakarta.ws.rs.WebApplicationException;

/** A business failure with the status and the sentence the client sees (409 "email is taken", 403 ...). */
public class ProblemException extends WebApplicationException {

    public ProblemException(int status, String detail) {
        super(detail, status);
    }

    /** For a failure whose answer carries headers of its own ({@code Retry-After}, ...). */
    protected ProblemException(String detail, jakarta.ws.rs.core.Response response) {
        super(detail, response);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, detail);
    }

    public static ProblemException notFound() {
        return new ProblemException(404, "No user with this id");
    }
}
