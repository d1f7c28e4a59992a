package io.authsvc.security;

import jakarta.security.enterprise.CallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a verified token: its name is the token's {@code sub}, the claims stay at hand. */
public class TokenPrincipal extends CallerPrincipal {

    private final transient JsonWebToken token;

    public TokenPrincipal(JsonWebToken token) {
        super(token.getSubject());
        this.token = token;
    }

    public <T> T claim(String name) {
        return token.getClaim(name);
    }
}
