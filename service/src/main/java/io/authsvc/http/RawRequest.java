package io.authsvc.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a request looks like as the client wrote it, where a proxy and this server could read it differently: its
 * path, and its body framing. Used twice: by the WAR's request filter, for what reaches the WAR, and on Payara
 * Micro by the listener's guard ({@code io.authsvc.payara.ListenerGuard}), for what Payara would otherwise decode
 * or drop before any application sees it.
 * <p>
 * Framing that two HTTP parsers could read differently (RFC 9112 §6.1, §6.3):
 * {@code Transfer-Encoding} beside {@code Content-Length}, a transfer coding other than a single {@code chunked},
 * {@code Transfer-Encoding} in an HTTP/1.0 request, or more than one {@code Content-Length}. Behind a proxy that
 * frames by the other header, such a request smuggles a second one; it gets a 400 and its connection is closed.
 */
public final class RawRequest {

    /** The detail of the 400 for {@link #encodedDotSegment}. */
    public static final String DOT_SEGMENT_DETAIL = "The path holds a dot segment written with escapes (%2e, %2f)";
    /** The detail of the 400 for {@link #ambiguous}. */
    public static final String FRAMING_DETAIL = "The request's framing is ambiguous: Transfer-Encoding with"
            + " Content-Length, a transfer coding other than chunked, or two lengths";

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
    public static boolean encodedDotSegment(String rawPath) {
        return rawPath != null && ENCODED_DOT_SEGMENT.matcher(rawPath).find();
    }

    /**
     * Whether the body's framing is one of those above.
     *
     * @param lines every line of the header of that (case-insensitive) name, in order; empty when there is none
     * @param protocol the request line's version, {@code HTTP/1.1}
     */
    public static boolean ambiguous(Function<String, List<String>> lines, String protocol) {
        List<String> lengths = values(lines.apply("Content-Length"));
        if (lengths.size() > 1) {
            return true;
        }
        List<String> encodings = lines.apply("Transfer-Encoding");
        if (encodings.isEmpty()) {
            return false;
        }
        List<String> codings = values(encodings);
        return !lengths.isEmpty() || codings.size() != 1 || !codings.get(0).equals("chunked")
                || !"HTTP/1.1".equals(protocol);
    }

    /** The lines of each header of a servlet request, for {@link #ambiguous}. */
    public static List<String> lines(Enumeration<String> headers) {
        List<String> lines = new ArrayList<>();
        while (headers != null && headers.hasMoreElements()) {
            lines.add(headers.nextElement());
        }
        return lines;
    }

    /**
     * The header lines of a raw HTTP/1 request head (the request line, then {@code name: value} lines up to the
     * empty one), by lower-case name, each value trimmed; a line folded onto the next (obs-fold) is joined to it.
     * Read as ISO-8859-1, as RFC 9110 §5.5 reads field values; a line without a colon is skipped.
     */
    public static Map<String, List<String>> headerLines(byte[] head, int length) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String text = new String(head, 0, Math.min(length, head.length), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", -1);
        List<String> last = null;
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                int end = last.size() - 1;
                last.set(end, (last.get(end) + " " + line.strip()).strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            last = headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    name -> new ArrayList<>());
            last.add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    /** Every comma-separated element of every line of one header, trimmed and lower-cased, empty ones too. */
    private static List<String> values(List<String> lines) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",", -1)) {
                values.add(element.strip().toLowerCase(Locale.ROOT));
            }
        }
        return values;
    }
}
