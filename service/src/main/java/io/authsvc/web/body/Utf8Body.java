package io.authsvc.web.body;

import io.authsvc.problems.BodyTooLarge;
import io.authsvc.problems.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body as text, decoded as strict UTF-8: bytes that are not UTF-8 (FF FE, overlong forms such as C0 AF,
 * surrogates encoded as in CESU-8) are a 400, never a U+FFFD that two different passwords would share; a body
 * declared in another charset is a 415. JSON between systems is UTF-8 (RFC 8259 §8.1), and so are the values of an
 * OAuth2 form (RFC 6749 Appendix B).
 */
final class Utf8Body {

    private Utf8Body() {
    }

    /** A body that cannot be read as text; the readers answer it with a 400 that says why. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static String read(InputStream body, MediaType type) throws IOException {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new ProblemException(415, "The request body must be UTF-8, not " + printable(charset));
        }
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (BodyTooLarge tooLarge) {
            throw tooLarge;
        } catch (IOException e) {
            // Shorter than its Content-Length said (the client stopped sending), or a broken chunk: no body at all.
            throw new Unreadable("The request body could not be read: it ended before its announced length");
        }
        return decode(bytes);
    }

    /** @throws Unreadable for bytes that are not well-formed UTF-8 */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("The request body is not valid UTF-8");
        }
    }

    /** True when every surrogate of {@code text} is one half of a pair, as in any text that UTF-8 can carry. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String charset) {
        return charset.length() > 40 || !charset.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                ? "the charset it names" : charset;
    }
}
