package io.authsvc.security;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Checks a compact JWT against the pinned algorithm, key, issuer and audience, and its times against the clock. */
public class TokenVerifier {

    static final int CLOCK_SKEW_SECONDS = 60;

    private final DefaultJWTParser parser;

    public TokenVerifier(RealmSettings settings) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(settings.hmacKey(), settings.issuer());
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
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
        JsonWebToken jwt = parser.parse(token);
        // The parser checks exp (with the skew) but takes any iat: a token "issued" in the future was made by a
        // clock that is wrong, or by someone preparing tokens that outlive a key change.
        if (jwt.getIssuedAtTime() > Instant.now().getEpochSecond() + CLOCK_SKEW_SECONDS) {
            throw new ParseException("token issued in the future");
        }
        return jwt;
    }
}
