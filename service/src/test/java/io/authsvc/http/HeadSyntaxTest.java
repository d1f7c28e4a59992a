package io.authsvc.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadSyntaxTest {

    private static boolean malformed(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        return HeadSyntax.malformed(i -> bytes[i] & 0xff, bytes.length);
    }

    @Test
    void passesWellFormedHeads() {
        assertFalse(malformed("GET / HTTP/1.1\r\nHost: x\r\nX-A: a:b\r\nX-Empty:\r\n\r\n"));
        assertFalse(malformed("GET / HTTP/1.1\r\nHost: x\r\n\r\nbody with\rbare CR and no colon\r\n"));
        assertFalse(malformed("GET / HTTP/1.1\nHost: x\n\n")); // bare LF ends lines (RFC 9112 §2.2 allows it)
        assertFalse(malformed("GET / HTTP/1.1\r\nHost: x\r\nX-Cut")); // cut short: judged on what it has
        assertFalse(malformed("GET / HTTP/1.1\r\nHost: x\r\nX-Utf8: \u00e9\r\n\r\n"));
    }

    @Test
    void refusesWhatRfc9112Refuses() {
        assertTrue(malformed("GET / HTTP/1.1\r\nHost: x\r\nX-No-Colon\r\n\r\n"));
        assertTrue(malformed("GET / HTTP/1.1\r\nHost: x\r\nX-A : b\r\n\r\n"));
        assertTrue(malformed("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rX-B: b\r\n\r\n"));
        assertTrue(malformed("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"));
        assertTrue(malformed("GET / HTTP/1.1\r\nHost: x\r\nhOsT: y\r\n\r\n"));
        assertTrue(malformed("GET / HTTP/1.1\r\nHost: x\r\n\u00e9: y\r\n\r\n"));
        assertTrue(malformed("GET / HTTP/1.1\rHost: x\r\n\r\n"));
        assertTrue(malformed("GET / HTTP/1.1\r\nHost: x\r\n\rX"));
    }
}
