package io.authsvc.problems;

import jakarta.ws.rs.WebApplicationException;

/**
 * A failure with the status and the sentence the client sees; the business failures are its subclasses, one per
 * kind ({@code EmailTaken}, {@code LastActiveAdmin}, ...), and {@code WebApplicationExceptionMapper} writes the
 * problem body of each.
 */
public class ProblemException extends WebApplicationException {

    public ProblemException(int status, String detail) {
        super(detail, status);
    }

    /** For a failure whose answer carries headers of its own ({@code Retry-After}, ...). */
    protected ProblemException(String detail, jakarta.ws.rs.core.Response response) {
        super(detail, response);
    }
}
