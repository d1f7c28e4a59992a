package io.authsvc.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.authsvc.security.RealmSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Someone who knows only the JWK Set document, and uses another JWT library (Nimbus), verifies our tokens. */
class JwksInteropTest {

    @Test
    void verifiesATokenWithNothingButTheJwkSet() throws Exception {
        RealmSettings settings = new RealmSettings("RS256", Optional.empty(), "auth-service", Optional.empty());
        SigningKeys keys = new SigningKeys(settings, Optional.of(RsaKeys.privatePem(RsaKeys.generate(2048))), Optional.empty());
        UUID subject = UUID.randomUUID();
        Token token = new TokenIssuer(settings, keys, 30).issue(subject, "ann", Set.of("user", "admin"), 3);

        JWKSet published = JWKSet.parse(keys.jwks().orElseThrow());
        assertFalse(published.getKeys().get(0).isPrivate(), "the JWK Set holds public keys only");
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(published)));
        JWTClaimsSet claims = processor.process(token.accessToken(), null);

        assertEquals(subject.toString(), claims.getSubject());
        assertEquals("auth-service", claims.getIssuer());
        assertEquals("ann", claims.getStringClaim("upn"));
        assertTrue(claims.getStringListClaim("groups").containsAll(List.of("user", "admin")));
        assertTrue(claims.getExpirationTime().after(claims.getIssueTime()));
        assertTrue(claims.getJWTID() != null);
    }
}
