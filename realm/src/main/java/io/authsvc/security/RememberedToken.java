package io.authsvc.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token as {@link TokenVerifier} remembers it: the same claims, each looked up once. SmallRye looks a
 * claim's name up among the standard ones with {@code Claims.valueOf}, which throws for any other name (such as
 * {@code ver}): that exception at every request was a measurable part of a token check.
 */
final class RememberedToken implements JsonWebToken {

    private final JsonWebToken token;
    private final Map<String, Optional<Object>> claims = new ConcurrentHashMap<>();

    RememberedToken(JsonWebToken token) {
        this.token = token;
    }

    @Override
    public String getName() {
        return token.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        return (T) claims.computeIfAbsent(name, n -> Optional.ofNullable(token.getClaim(n))).orElse(null);
    }
}
