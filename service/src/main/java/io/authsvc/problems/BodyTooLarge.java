package io.authsvc.problems;

import java.io.IOException;

/** Thrown by a request body's stream past its limit ({@code BodyLimitFilter.MAX_BODY_BYTES}); answered with 413. */
public class BodyTooLarge extends IOException {

    public BodyTooLarge(long limit) {
        super("request body over " + limit + " bytes");
    }
}
