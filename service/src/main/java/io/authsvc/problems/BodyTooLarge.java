package io.authsvc.problems;

import java.io.IOException;

/** Thrown by a request body's stream past its limit ({@code BodyLimitFilter.MAX_BODY_BYTES}); answered with 413. */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    /** The most bytes the body may have. */
    public long limit() {
        return limit;
    }
}
