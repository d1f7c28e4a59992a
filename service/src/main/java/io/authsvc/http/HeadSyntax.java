package io.authsvc.http;

import java.util.function.IntUnaryOperator;

/**
 * Whether a raw HTTP/1 request head keeps the syntax of RFC 9112, where a lenient parser and a strict one would
 * read it differently: every field line is {@code token ":" value} with no white space before the colon (§5.1), no
 * line is folded onto the one before (obs-fold, §5.2), a CR is always followed by an LF (§2.2), and there is one
 * {@code Host} line (§3.2). Each is a 400: behind a proxy that reads such a line otherwise (a bare CR as part of a
 * value, a line without a colon as the end of the head), the bytes the proxy sends as a body run here as a second
 * request.
 */
public final class HeadSyntax {

    /** The detail of the 400. */
    public static final String DETAIL = "The request head is malformed (RFC 9112): a header line without a colon,"
            + " white space before a colon, a folded line, a CR without LF, or two Host lines";

    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            TOKEN[c] = true;
            TOKEN[c + ('a' - 'A')] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private HeadSyntax() {
    }

    /**
     * True when the head (the request line, the field lines and the empty line that ends them, or a prefix of it)
     * breaks one of the rules above; a head cut short is judged on what it has. One pass over the bytes, no copy.
     *
     * @param head the byte at each index, 0 to {@code length - 1}
     */
    public static boolean malformed(IntUnaryOperator head, int length) {
        int i = lineEnd(head, 0, length);
        if (i < 0) {
            return i == -2;
        }
        int hosts = 0;
        while (i < length) {
            int start = i;
            int first = head.applyAsInt(i);
            if (first == '\r' || first == '\n') {
                return first == '\r' && (i + 1 >= length ? false : head.applyAsInt(i + 1) != '\n');
            }
            if (first == ' ' || first == '\t') {
                return true; // obs-fold
            }
            int colon = -1;
            for (; i < length; i++) {
                int b = head.applyAsInt(i);
                if (b == ':') {
                    colon = i;
                    break;
                }
                if (b >= 128 || !TOKEN[b]) {
                    return true; // a name of other characters, white space before the colon, or no colon at all
                }
            }
            if (colon < 0) {
                return false; // cut short inside a name
            }
            if (colon - start == 4 && lower(head, start) == 'h' && lower(head, start + 1) == 'o'
                    && lower(head, start + 2) == 's' && lower(head, start + 3) == 't' && ++hosts > 1) {
                return true;
            }
            i = lineEnd(head, colon + 1, length);
            if (i < 0) {
                return i == -2;
            }
        }
        return false;
    }

    /** The index after the LF that ends the line at {@code from}; -1 when cut short, -2 for a CR without LF. */
    private static int lineEnd(IntUnaryOperator head, int from, int length) {
        for (int i = from; i < length; i++) {
            int b = head.applyAsInt(i);
            if (b == '\n') {
                return i + 1;
            }
            if (b == '\r') {
                if (i + 1 >= length) {
                    return -1;
                }
                return head.applyAsInt(i + 1) == '\n' ? i + 2 : -2;
            }
        }
        return -1;
    }

    private static int lower(IntUnaryOperator head, int at) {
        return head.applyAsInt(at) | 0x20;
    }
}
