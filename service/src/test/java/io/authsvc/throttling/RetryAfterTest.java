package io.authsvc.throttling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(900);

    @Test
    void isTheTimeUntilTheBlockingEventLeavesTheWindow() {
        assertEquals(900, RetryAfter.seconds(NOW, WINDOW, NOW));
        assertEquals(600, RetryAfter.seconds(NOW.minusSeconds(300), WINDOW, NOW));
    }

    @Test
    void roundsUpPartsOfASecond() {
        assertEquals(600, RetryAfter.seconds(NOW.minusSeconds(300).plusMillis(1).minusMillis(2), WINDOW, NOW));
        assertEquals(601, RetryAfter.seconds(NOW.minusSeconds(300).plusMillis(1), WINDOW, NOW));
    }

    @Test
    void isAtLeastOneSecond() {
        assertEquals(1, RetryAfter.seconds(NOW.minusSeconds(900), WINDOW, NOW));
        assertEquals(1, RetryAfter.seconds(NOW.minusSeconds(5000), WINDOW, NOW));
        assertEquals(1, RetryAfter.seconds(NOW.minusSeconds(899).minusMillis(999), WINDOW, NOW));
    }
}
