package io.authsvc.problems;

/**
 * An OAuth2 error answer (RFC 6749 §5.2): a problem body that also carries the {@code error} code OAuth2 clients
 * read, such as {@code invalid_grant}.
 */
public class OAuthError extends ProblemException {

    private final String error;

    public OAuthError(int status, String error, String detail) {
        super(status, detail);
        this.error = error;
    }

    public static OAuthError invalidGrant() {
        return new OAuthError(400, "invalid_grant", "The refresh token is invalid, expired or revoked");
    }

    public static OAuthError invalidRequest(String detail) {
        return new OAuthError(400, "invalid_request", detail);
    }

    public String error() {
        return error;
    }
}
