package io.authsvc.sessions.entity;

import io.authsvc.tokens.OpaqueToken;

/** A refresh token: an {@link OpaqueToken} (256 random bits; the database keeps only its SHA-256). */
public final class RefreshToken {

    private RefreshToken() {
    }

    public static String generate() {
        return OpaqueToken.generate();
    }

    /** Whether the text can be a token of ours at all; anything else is refused without asking the database. */
    public static boolean isWellFormed(String token) {
        return OpaqueToken.isWellFormed(token);
    }

    public static byte[] hash(String token) {
        return OpaqueToken.hash(token);
    }
}
