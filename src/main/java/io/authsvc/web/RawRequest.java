package io.authsvc.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a request looks like as the client wrote it, where a proxy and this server could read it differently: its
 * path, and its body framing.
 * <p>
 * Framing that two HTTP parsers could read differently (RFC 9112 §6.1, §6.3):
 * {@code Transfer-Encoding} beside {@code Content-Length}, a transfer coding other than a single {@code chunked},
 * {@code Transfer-Encoding} in an HTTP/1.0 request, or more than one {@code Content-Length}. Behind a proxy that
 * frames by the other header, such a request smuggles a second one; it gets a 400 and its connection is closed.
 */
final class RawRequest {

    /**
     * A dot segment spelt with escapes ({@code %2e%2e}, {@code .%2E}, {@code ..%2f}, {@code ..%5c}): the same rule
     * as {@code server-config/wildfly.cli}'s filter, which refuses these before the server decodes them away.
     */
    private static final Pattern ENCODED_DOT_SEGMENT = Pattern.compile(
            "(?i)/(([.]|%2e)*%2e([.]|%2e)*(/|%2f|%5c|$)|([.]|%2e)([.]|%2e)?(%2f|%5c))");

    private RawRequest() {
    }

    /**
     * Whether the raw path (as the client wrote it) holds a dot segment written with escapes. The servers decode and
     * then resolve such a segment: one that reaches this WAR stayed inside it, but means something else to a proxy
     * that matched the raw text, so it is refused as well.
     */
    static boolean encodedDotSegment(String rawPath) {
        return rawPath != null && ENCODED_DOT_SEGMENT.matcher(rawPath).find();
    }

    /** Whether the body's framing is one of those above. */
    static boolean ambiguous(HttpServletRequest request) {
        List<String> lengths = values(request.getHeaders("Content-Length"));
        if (lengths.size() > 1) {
            return true;
        }
        Enumeration<String> encodings = request.getHeaders("Transfer-Encoding");
        if (encodings == null || !encodings.hasMoreElements()) {
            return false;
        }
        List<String> codings = values(encodings);
        return !lengths.isEmpty() || codings.size() != 1 || !codings.get(0).equals("chunked")
                || !"HTTP/1.1".equals(request.getProtocol());
    }

    /** Every comma-separated element of every line of one header, trimmed and lower-cased, empty ones too. */
    private static List<String> values(Enumeration<String> headers) {
        List<String> values = new ArrayList<>();
        while (headers != null && headers.hasMoreElements()) {
            for (String element : headers.nextElement().split(",", -1)) {
                values.add(element.strip().toLowerCase(Locale.ROOT));
            }
        }
        return values;
    }
}
