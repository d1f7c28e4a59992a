package io.authsvc.security;

import jakarta.security.enterprise.credential.Credential;

/** The compact JWT taken from an {@code Authorization: Bearer} header. */
public record BearerTokenCredential(String token) implements Credential {

    /** Tokens past this size are refused before any parsing (RFC 8725 asks verifiers to bound work). */
    public static final int MAX_LENGTH = 8192;

    @Override
    public boolean isValid() {
        return token != null && !token.isBlank() && token.length() <= MAX_LENGTH;
    }
}
