package io.authsvc.throttling;

import java.time.Duration;
import java.time.Instant;

/** How long a refused client waits: until the event that blocks it leaves the window. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Whole seconds from {@code now} until {@code blocking + window}, rounded up and at least 1 (a
     * {@code Retry-After: 0} would invite an immediate retry that is refused again).
     */
    public static long seconds(Instant blocking, Duration window, Instant now) {
        Duration left = Duration.between(now, blocking.plus(window));
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
