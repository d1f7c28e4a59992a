package io.authsvc.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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

    @Test
    void readsHeaderLinesOfARawHead() {
        byte[] head = ("POST /auth/login HTTP/1.1\r\nHost: x\r\ncontent-length: 4\r\nX-Folded: a\r\n b\r\n"
                + "Transfer-Encoding:chunked \r\nno colon here\r\nContent-Length:  5\r\n\r\nContent-Length: 9\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Map<String, List<String>> lines = RawRequest.headerLines(head, head.length);
        assertEquals(List.of("4", "5"), lines.get("content-length"), "the body is not read as headers");
        assertEquals(List.of("chunked"), lines.get("transfer-encoding"));
        assertEquals(List.of("a b"), lines.get("x-folded"));
        assertEquals(List.of("x"), lines.get("host"));
        assertEquals(4, lines.size());
        assertEquals(Map.of(), RawRequest.headerLines(head, 20), "the request line alone holds no header");
    }

    @Test
    void findsAmbiguousFraming() {
        assertTrue(ambiguous(Map.of("content-length", List.of("4"), "transfer-encoding", List.of("chunked")), "HTTP/1.1"));
        assertTrue(ambiguous(Map.of("content-length", List.of("4", "4")), "HTTP/1.1"));
        assertTrue(ambiguous(Map.of("content-length", List.of("4, 4")), "HTTP/1.1"));
        assertTrue(ambiguous(Map.of("transfer-encoding", List.of("chunked")), "HTTP/1.0"));
        assertTrue(ambiguous(Map.of("transfer-encoding", List.of("gzip, chunked")), "HTTP/1.1"));
        assertTrue(ambiguous(Map.of("transfer-encoding", List.of("chunked", "chunked")), "HTTP/1.1"));
        assertTrue(ambiguous(Map.of("transfer-encoding", List.of("")), "HTTP/1.1"));
        assertFalse(ambiguous(Map.of("transfer-encoding", List.of("Chunked")), "HTTP/1.1"));
        assertFalse(ambiguous(Map.of("content-length", List.of("4")), "HTTP/1.0"));
        assertFalse(ambiguous(Map.of(), "HTTP/1.1"));
    }

    private static boolean ambiguous(Map<String, List<String>> headers, String protocol) {
        return RawRequest.ambiguous(name -> headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()),
                protocol);
    }
}
