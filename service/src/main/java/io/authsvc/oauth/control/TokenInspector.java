package io.authsvc.oauth.control;

import io.authsvc.accounts.entity.Account;
import io.authsvc.callers.control.LiveTokens;
import io.authsvc.security.RealmSettings;
import io.authsvc.security.TokenPrincipal;
import io.authsvc.security.TokenVerifier;
import io.authsvc.tokens.SigningKeys;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Looks at an access token sent in a request body (introspection, revocation) with the same checks as the one in
 * the {@code Authorization} header: the realm's verifier, then {@link LiveTokens}. Never touches the caller.
 */
@ApplicationScoped
public class TokenInspector {

    /** A token this service accepts now, and its account as the database holds it. */
    public record Inspected(TokenPrincipal token, Account account) {
    }

    @Inject
    RealmSettings settings;

    @Inject
    SigningKeys keys;

    @Inject
    LiveTokens liveTokens;

    private TokenVerifier verifier;

    @PostConstruct
    void init() {
        verifier = new TokenVerifier(settings, keys.jwks());
    }

    /** The token's claims when its signature, times, issuer and audience check out; no database. */
    public Optional<TokenPrincipal> verified(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TokenPrincipal(verifier.verify(token)));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The token and its account when this service would accept the token now. */
    public Optional<Inspected> inspect(String token) {
        return verified(token).flatMap(principal -> liveTokens.account(principal)
                .map(account -> new Inspected(principal, account)));
    }
}
