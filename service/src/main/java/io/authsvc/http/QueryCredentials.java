package io.authsvc.http;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a query string names a credential ({@code ?password=...}, {@code ?refresh_token=...}): a query is kept
 * where a body is not (access logs of proxies, browser histories, {@code Referer}, framework warnings that print
 * the request's URL), so a credential there is refused before anything reads or logs the request.
 */
public final class QueryCredentials {

    /** The detail of the 400, followed by the parameter's name. */
    public static final String DETAIL = "Credentials do not belong in the query string, which logs and proxies keep:"
            + " send them in the request body or a header. The query names ";

    /**
     * The names of this service's contract and of OAuth 2.0 / OpenID Connect that carry a secret, compared without
     * regard to case, after percent-decoding. Not {@code code} and {@code id_token_hint}: the specifications send
     * them in a query (an authorization code to a client's redirect URI, RFC 6749 §4.1.2, which may be this WAR's
     * own consoles; the hint of an RP-initiated logout by GET), and neither logs a query (the access log keeps the
     * path alone).
     */
    static final Set<String> NAMES = Set.of("password", "current_password", "new_password", "old_password",
            "passwd", "pwd", "token", "access_token", "refresh_token", "id_token", "code_verifier", "client_secret", "client_assertion", "assertion", "secret", "api_key", "apikey",
            "otp", "totp", "recovery_code", "authorization");

    private QueryCredentials() {
    }

    /**
     * The first parameter of {@code query} (raw, as the request line has it) whose name is a credential's, decoded;
     * null when there is none. Both {@code &} and {@code ;} separate parameters, as some servers read either.
     */
    public static String credentialIn(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        int start = 0;
        int length = query.length();
        while (start <= length) {
            int end = start;
            int equals = -1;
            while (end < length && query.charAt(end) != '&' && query.charAt(end) != ';') {
                if (equals < 0 && query.charAt(end) == '=') {
                    equals = end;
                }
                end++;
            }
            String name = decode(query, start, equals < 0 ? end : equals);
            if (NAMES.contains(name)) {
                return name;
            }
            start = end + 1;
        }
        return null;
    }

    /**
     * A name, lower-cased, with {@code +} as a space and each {@code %XX} as its byte read as Latin-1 (a credential's
     * name is ASCII: any other byte makes another name anyway); an escape that is none stays as written.
     */
    private static String decode(String query, int from, int to) {
        if (to - from > 64) {
            return ""; // longer than any name of NAMES, even written all in escapes
        }
        StringBuilder name = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = query.charAt(i);
            if (c == '%' && hex(query, i + 1, to) >= 0 && hex(query, i + 2, to) >= 0) {
                name.append((char) (hex(query, i + 1, to) << 4 | hex(query, i + 2, to)));
                i += 2;
            } else {
                name.append(c == '+' ? ' ' : c);
            }
        }
        return name.toString().strip().toLowerCase(Locale.ROOT);
    }

    private static int hex(String text, int at, int to) {
        return at < to ? Character.digit(text.charAt(at), 16) : -1;
    }
}
