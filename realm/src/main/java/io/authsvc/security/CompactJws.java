package io.authsvc.security;

import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The checks of a token's text that the JWT library leaves out, made before it parses anything: one token has one
 * spelling (RFC 7515 base64url: no padding, no other alphabet, no bits past the data), it is a JWS and not a JWE,
 * its {@code typ} is an access token's (RFC 8725 §3.11), under HS256 it names no key, and its claims have their
 * types: {@code sub} a non-empty string (a user id), {@code groups} an array of strings.
 */
final class CompactJws {

    /** {@code typ} values of a JWT used as an access token; "application/" may be left out (RFC 7515 §4.1.9). */
    private static final Set<String> TYPES = Set.of("jwt", "at+jwt", "application/jwt", "application/at+jwt");

    /** Claims that are strings when present: a number or an object in their place is a forged or broken token. */
    private static final List<String> TEXT_CLAIMS = List.of("iss", "upn", "preferred_username", "jti", "sid");

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private CompactJws() {
    }

    /** @throws ParseException when the text is not one canonical compact JWS this realm may accept */
    static void check(String token, boolean keyIdAllowed) throws ParseException {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0) {
            throw new ParseException("not a compact JWS: three non-empty parts are required");
        }
        canonical(token, 0, first);
        canonical(token, first + 1, second);
        canonical(token, second + 1, token.length());
        Map<String, Object> header = json(token.substring(0, first), "header members");
        if (header.containsKey("typ")) {
            if (!(header.get("typ") instanceof String type) || !TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                throw new ParseException("the token's typ is not JWT or at+jwt");
            }
        }
        if (!keyIdAllowed && header.containsKey("kid")) {
            throw new ParseException("a kid names no key here (HS256 tokens carry none)");
        }
        Map<String, Object> claims = json(token.substring(first + 1, second), "claims");
        if (!(claims.get("sub") instanceof String subject) || subject.isBlank()) {
            throw new ParseException("sub is not a user id (null, empty or not a string)");
        }
        for (String name : TEXT_CLAIMS) {
            if (claims.containsKey(name) && !(claims.get(name) instanceof String)) {
                throw new ParseException(name + " is not a string");
            }
        }
        if (claims.containsKey("groups") && !(claims.get("groups") instanceof List<?> groups
                && groups.stream().allMatch(String.class::isInstance))) {
            throw new ParseException("groups is not an array of strings");
        }
    }

    private static Map<String, Object> json(String part, String what) throws ParseException {
        try {
            return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        } catch (JoseException | IllegalArgumentException | ClassCastException e) {
            throw new ParseException("the token's " + what + " are not a JSON object");
        }
    }

    /** One base64url part as RFC 7515 spells it: the URL alphabet, no padding, and the unused bits of the last character zero. */
    private static void canonical(String token, int from, int to) throws ParseException {
        for (int i = from; i < to; i++) {
            if (BASE64URL.indexOf(token.charAt(i)) < 0) {
                throw new ParseException("the token is not base64url without padding");
            }
        }
        int rest = (to - from) % 4;
        if (rest == 1) {
            throw new ParseException("a part of the token has an impossible length");
        }
        int unusedBits = rest == 2 ? 0b1111 : rest == 3 ? 0b11 : 0;
        if ((BASE64URL.indexOf(token.charAt(to - 1)) & unusedBits) != 0) {
            throw new ParseException("the token is not in its canonical spelling");
        }
    }
}
