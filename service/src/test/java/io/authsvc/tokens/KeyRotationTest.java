package io.authsvc.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.security.RealmSettings;
import io.authsvc.security.TokenVerifier;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation and the refusals of an RS256 verifier. */
class KeyRotationTest {

    private static final RealmSettings RS256 = new RealmSettings("RS256", Optional.empty(), "auth-service", Optional.empty());

    private final KeyPair previous = RsaKeys.generate(2048);
    private final KeyPair current = RsaKeys.generate(2048);

    @TempDir
    Path dir;

    private SigningKeys keys(boolean listPrevious) throws IOException {
        Path file = dir.resolve("previous.pem");
        Files.writeString(file, RsaKeys.publicPem(previous));
        return new SigningKeys(RS256, Optional.of(RsaKeys.privatePem(current)),
                listPrevious ? Optional.of(file.toString()) : Optional.empty());
    }

    private static TokenVerifier verifier(SigningKeys keys) {
        return new TokenVerifier(RS256, keys.jwks());
    }

    private static JwtClaimsBuilder claims() {
        Instant now = Instant.now();
        return Jwt.issuer("auth-service").subject(UUID.randomUUID().toString()).groups("user")
                .issuedAt(now).expiresAt(now.plusSeconds(600));
    }

    private String previousToken() {
        String kid = KeyFiles.jwk((java.security.interfaces.RSAPublicKey) previous.getPublic()).getKeyId();
        return claims().jws().keyId(kid).sign(previous.getPrivate());
    }

    @Test
    void acceptsAPreviousKeyWhileItIsListedAndNotAfter() throws Exception {
        SigningKeys listed = keys(true);
        assertEquals(2, org.jose4j.jwk.JsonWebKeySet.class.getConstructor(String.class)
                .newInstance(listed.jwks().orElseThrow()).getJsonWebKeys().size());
        verifier(listed).verify(previousToken());
        assertThrows(ParseException.class, () -> verifier(keys(false)).verify(previousToken()));
    }

    @Test
    void acceptsTokensOfTheCurrentKey() throws Exception {
        SigningKeys keys = keys(true);
        Token token = new TokenIssuer(RS256, keys, 5).issue(UUID.randomUUID(), "ann", Set.of("user"), 0);
        assertTrue(verifier(keys).verify(token.accessToken()).getGroups().contains("user"));
    }

    @Test
    void refusesAnHs256TokenSignedWithThePublicKey() throws Exception {
        SigningKeys keys = keys(false);
        for (byte[] secret : new byte[][] {RsaKeys.publicPem(current).getBytes(StandardCharsets.UTF_8),
                current.getPublic().getEncoded()}) {
            String confused = claims().jws().algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(secret, "HmacSHA256"));
            assertThrows(ParseException.class, () -> verifier(keys).verify(confused));
        }
    }

    @Test
    void refusesAnUnknownKidAndAlgNone() throws Exception {
        SigningKeys keys = keys(false);
        String stranger = claims().jws().keyId("nobody").sign(RsaKeys.generate(2048).getPrivate());
        assertThrows(ParseException.class, () -> verifier(keys).verify(stranger));
        String good = claims().jws().keyId(keys.keyId()).sign(current.getPrivate());
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + good.substring(good.indexOf('.'), good.lastIndexOf('.') + 1);
        assertThrows(ParseException.class, () -> verifier(keys).verify(none));
        verifier(keys).verify(good);
    }

    @Test
    void refusesAWeakOrMissingPrivateKey() {
        IllegalStateException weak = assertThrows(IllegalStateException.class, () -> new SigningKeys(RS256,
                Optional.of(RsaKeys.privatePem(RsaKeys.generate(1024))), Optional.empty()));
        assertTrue(weak.getMessage().contains("2048"), weak.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new SigningKeys(RS256, Optional.empty(), Optional.empty()));
        assertTrue(missing.getMessage().contains("JWT_PRIVATE_KEY"), missing.getMessage());
    }

    @Test
    void needsNoSecretKeyUnderRs256() throws Exception {
        new TokenIssuer(RS256, keys(false), 30);
    }
}
