package io.authsvc.tokens;

/** The login answer, as OAuth2 clients read it: {@code access_token}, {@code token_type}, {@code expires_in}. */
public record Token(String accessToken, String tokenType, long expiresIn) {
}
