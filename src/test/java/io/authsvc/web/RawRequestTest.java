package io.authsvc.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RawRequestTest {

    @Test
    void findsDotSegmentsWrittenWithEscapes() {
        for (String path : new String[] {"/auth/%2e%2e/metrics", "/auth/%2E%2E/health", "/auth/..%2fmetrics",
                "/auth/.%2e/health", "/auth/%2e./health", "/auth/x/%2e%2e", "/auth/%2e/ping", "/auth/..%5chealth",
                "/auth/%2e%2e%2fmetrics", "/auth/.%2E%2Fx"}) {
            assertTrue(RawRequest.encodedDotSegment(path), path);
        }
        for (String path : new String[] {"/auth/ping", "/auth/.well-known/jwks.json", "/auth/a.b", "/auth/%2ex",
                "/auth/x%2e", "/auth/", "/auth/8f0e2b1c-0000-4000-8000-000000000001"}) {
            assertFalse(RawRequest.encodedDotSegment(path), path);
        }
    }
}
