package io.authsvc.security;

/** A CDI event for each refused bearer token, with why; the WAR that wants figures observes it. */
public record TokenRejected(String reason) {

    public static final String INVALID = "invalid";
    public static final String EXPIRED = "expired";
    public static final String TOO_LARGE = "too_large";
}
