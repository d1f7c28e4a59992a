package io.authsvc.web;

import java.io.IOException;

/** Thrown by a request body's stream past {@link BodyLimitFilter#MAX_BODY_BYTES}; answered with 413. */
public class BodyTooLarge extends IOException {

    public BodyTooLarge() {
        super("request body over " + BodyLimitFilter.MAX_BODY_BYTES + " bytes");
    }
}
