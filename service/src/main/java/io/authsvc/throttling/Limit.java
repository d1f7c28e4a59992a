package io.authsvc.throttling;

/** At most {@code max} counted events under {@code key} within the window. */
public record Limit(String key, int max) {
}
