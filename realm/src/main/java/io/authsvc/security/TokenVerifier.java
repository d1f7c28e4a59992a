package io.authsvc.security;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks a compact JWT against the pinned algorithm, key, issuer and audience, and its times against the clock.
 * A token that passed is remembered for a minute (never past its {@code exp} and the clock skew): a client sends
 * the same token with every call, and parsing and checking it again was the largest part of a token-checked request.
 */
public class TokenVerifier {

    static final int CLOCK_SKEW_SECONDS = 60;
    /** A JWK Set fetched from a URL is refetched this often (minutes)... */
    static final int JWKS_REFRESH_MINUTES = 10;
    /** ...and at once for a token whose kid it does not know, but at most once a minute... */
    static final int JWKS_FORCED_REFRESH_MINUTES = 1;
    /** ...and the keys it had are kept this long when a refetch fails (minutes). */
    static final int JWKS_KEEP_ON_ERROR_MINUTES = 24 * 60;
    /** How long a verified token is taken as verified without a second check; well under the JWK Set refresh. */
    static final long REMEMBER_MILLIS = 60_000;
    /** The most tokens remembered at once; past it the memory starts over (some 10 MB at the very most). */
    static final int REMEMBER_MAX = 4096;

    private final DefaultJWTParser parser;
    /** Under RS256 a token names its key; under HS256 a {@code kid} names no key there is. */
    private final boolean keyIds;
    private final Clock clock;
    private final Map<String, Verified> recent = new ConcurrentHashMap<>();

    private record Verified(JsonWebToken token, long goodUntilMillis) {
    }

    /** A verifier of HS256 tokens, or of RS256 tokens against {@code JWT_PUBLIC_KEY_LOCATION}. */
    public TokenVerifier(RealmSettings settings) {
        this(settings, Optional.empty());
    }

    /** @param jwks the JWK Set to trust under RS256 instead of {@code JWT_PUBLIC_KEY_LOCATION} */
    public TokenVerifier(RealmSettings settings, Optional<String> jwks) {
        this(settings, jwks, Clock.systemUTC());
    }

    TokenVerifier(RealmSettings settings, Optional<String> jwks, Clock clock) {
        this.clock = clock;
        this.keyIds = settings.isRs256();
        JWTAuthContextInfo context;
        if (settings.isRs256()) {
            context = new JWTAuthContextInfo();
            context.setIssuedBy(settings.issuer());
            if (jwks.isPresent()) {
                context.setPublicKeyContent(jwks.get());
            } else {
                context.setPublicKeyLocation(settings.publicKeyLocation().orElseThrow(() -> new IllegalStateException(
                        "ALGORITHM=RS256 needs JWT_PUBLIC_KEY_LOCATION: a PEM file, a JWK Set file or a JWK Set URL")));
                context.setJwksRefreshInterval(JWKS_REFRESH_MINUTES);
                context.setForcedJwksRefreshInterval(JWKS_FORCED_REFRESH_MINUTES);
                context.setJwksRetainCacheOnErrorDuration(JWKS_KEEP_ON_ERROR_MINUTES);
            }
            context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        } else {
            context = new JWTAuthContextInfo(settings.hmacKey(), settings.issuer());
            context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        }
        context.setExpGracePeriodSecs(CLOCK_SKEW_SECONDS);
        context.setRequiredClaims(Set.of("iss", "sub", "iat", "exp"));
        settings.audience().ifPresent(audience -> context.setExpectedAudience(Set.of(audience)));
        this.parser = new DefaultJWTParser(context);
    }

    /** @throws ParseException for any token that must not be trusted */
    public JsonWebToken verify(String token) throws ParseException {
        if (token == null || token.length() > BearerTokenCredential.MAX_LENGTH) {
            throw new ParseException("token missing or too long");
        }
        long now = clock.millis();
        Verified known = recent.get(token);
        if (known != null && now < known.goodUntilMillis()) {
            return known.token();
        }
        JsonWebToken verified = new RememberedToken(check(token));
        long goodUntil = Math.min(now + REMEMBER_MILLIS,
                (verified.getExpirationTime() + CLOCK_SKEW_SECONDS) * 1000);
        if (recent.size() >= REMEMBER_MAX) {
            recent.clear();
        }
        recent.put(token, new Verified(verified, goodUntil));
        return verified;
    }

    /** The full check of a token, without the memory of recently verified ones. */
    public JsonWebToken check(String token) throws ParseException {
        if (token == null || token.length() > BearerTokenCredential.MAX_LENGTH) {
            throw new ParseException("token missing or too long");
        }
        CompactJws.check(token, keyIds);
        JsonWebToken jwt = parser.parse(token);
        // The parser checks exp (with the skew) but takes any iat: a token "issued" in the future was made by a
        // clock that is wrong, or by someone preparing tokens that outlive a key change.
        if (jwt.getIssuedAtTime() > clock.millis() / 1000 + CLOCK_SKEW_SECONDS) {
            throw new ParseException("token issued in the future");
        }
        return jwt;
    }
}
