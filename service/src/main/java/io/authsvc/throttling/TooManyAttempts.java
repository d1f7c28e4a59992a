package io.authsvc.throttling;

import io.authsvc.problems.ProblemException;
import jakarta.ws.rs.core.Response;

/** 429 with {@code Retry-After} in seconds. */
public class TooManyAttempts extends ProblemException {

    private final long retryAfter;

    public TooManyAttempts(String detail, long retryAfter) {
        super(detail, Response.status(429).header("Retry-After", retryAfter).build());
        this.retryAfter = retryAfter;
    }

    public long retryAfter() {
        return retryAfter;
    }
}
