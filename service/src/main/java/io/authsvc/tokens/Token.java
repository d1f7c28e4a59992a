package io.authsvc.tokens;

/**
 * The token answer, as OAuth2 clients read it: {@code access_token}, {@code token_type}, {@code expires_in}, and
 * the {@code refresh_token} of the session (null only for a token issued outside a session).
 */
public record Token(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    public Token withRefreshToken(String refreshToken) {
        return new Token(accessToken, tokenType, expiresIn, refreshToken);
    }
}
