package io.authsvc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void keepsAShortPlainIdTheCallerSent() {
        assertEquals("trace-4711", RequestIds.accept("trace-4711"));
        assertEquals("a.b:c_d-1", RequestIds.accept("a.b:c_d-1"));
        assertEquals("x".repeat(64), RequestIds.accept("x".repeat(64)));
    }

    @Test
    void makesANewIdForAMissingLongOrOddOne() {
        assertTrue(RequestIds.accept(null).matches(UUID_PATTERN));
        assertTrue(RequestIds.accept("").matches(UUID_PATTERN));
        assertTrue(RequestIds.accept("x".repeat(65)).matches(UUID_PATTERN));
        assertTrue(RequestIds.accept("with space").matches(UUID_PATTERN));
        assertTrue(RequestIds.accept("line\nbreak").matches(UUID_PATTERN), "no forged log lines");
        assertTrue(RequestIds.accept("[request_id=x]").matches(UUID_PATTERN));
    }
}
