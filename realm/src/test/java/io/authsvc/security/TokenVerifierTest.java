package io.authsvc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.json.JsonNumber;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final String SECRET = "unit-test-secret-of-more-than-32-bytes!";
    private final TokenVerifier verifier = new TokenVerifier(
            new RealmSettings("HS256", Optional.of(SECRET), "auth-service", Optional.empty()));

    private static JwtClaimsBuilder claims() {
        Instant now = Instant.now();
        return Jwt.issuer("auth-service").subject("3f1e1c4e-0000-4000-8000-000000000001").groups("user")
                .issuedAt(now).expiresAt(now.plusSeconds(600));
    }

    @Test
    void acceptsAGoodToken() throws ParseException {
        assertEquals("3f1e1c4e-0000-4000-8000-000000000001", verifier.verify(claims().signWithSecret(SECRET)).getSubject());
    }

    @Test
    void givesTheClaimsOfAVerifiedTokenAtEveryCall() throws ParseException {
        String token = claims().claim("ver", 7).upn("ann").signWithSecret(SECRET);
        for (int call = 0; call < 2; call++) {
            JsonWebToken verified = verifier.verify(token);
            assertEquals(7, ((JsonNumber) verified.getClaim("ver")).intValue());
            assertEquals("ann", verified.getName());
            assertEquals(Set.of("user"), verified.getGroups());
            assertNull(verified.getClaim("absent"));
            assertTrue(verified.getClaimNames().contains("ver"));
        }
    }

    @Test
    void refusesAnotherHmacAlgorithmWithTheSameKey() {
        String hs512 = claims().jws().algorithm(SignatureAlgorithm.HS512)
                .sign(new SecretKeySpec((SECRET + SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        assertThrows(ParseException.class, () -> verifier.verify(hs512));
    }

    @Test
    void refusesAnRs256Token() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String rs256 = claims().sign(generator.generateKeyPair().getPrivate());
        assertThrows(ParseException.class, () -> verifier.verify(rs256));
    }

    @Test
    void refusesAlgNone() {
        String good = claims().signWithSecret(SECRET);
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String none = header + good.substring(good.indexOf('.'), good.lastIndexOf('.') + 1);
        assertThrows(ParseException.class, () -> verifier.verify(none));
    }

    @Test
    void allowsSixtySecondsOfClockSkewAndNoMore() throws ParseException {
        Instant now = Instant.now();
        verifier.verify(claims().issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(30)).signWithSecret(SECRET));
        assertThrows(ParseException.class, () -> verifier.verify(
                claims().issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(90)).signWithSecret(SECRET)));
    }

    @Test
    void requiresTheIssuer() {
        assertThrows(ParseException.class, () -> verifier.verify(claims().issuer("elsewhere").signWithSecret(SECRET)));
    }

    @Test
    void checksTheAudienceWhenOneIsSet() throws ParseException {
        TokenVerifier strict = new TokenVerifier(
                new RealmSettings("HS256", Optional.of(SECRET), "auth-service", Optional.of("orders")));
        strict.verify(claims().audience("orders").signWithSecret(SECRET));
        assertThrows(ParseException.class, () -> strict.verify(claims().audience("billing").signWithSecret(SECRET)));
        assertThrows(ParseException.class, () -> strict.verify(claims().signWithSecret(SECRET)));
    }

    @Test
    void refusesATokenOverEightKilobytesWithoutParsingIt() {
        String huge = claims().claim("padding", "x".repeat(9000)).signWithSecret(SECRET);
        assertTrue(huge.length() > BearerTokenCredential.MAX_LENGTH);
        assertThrows(ParseException.class, () -> verifier.verify(huge));
    }

    /** A token signed with the right key whose claims are exactly {@code payload}: no builder adds any. */
    private static String signed(String payload) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signingInput + "." + base64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void requiresExpIatAndIss() throws Exception {
        long now = Instant.now().getEpochSecond();
        String sub = "\"sub\":\"3f1e1c4e-0000-4000-8000-000000000001\"";
        verifier.verify(signed("{\"iss\":\"auth-service\"," + sub + ",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}"));
        assertThrows(ParseException.class, () -> verifier.verify(signed("{" + sub + ",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")));
        assertThrows(ParseException.class, () -> verifier.verify(signed("{\"iss\":\"auth-service\"," + sub + ",\"exp\":" + (now + 600) + "}")));
        assertThrows(ParseException.class, () -> verifier.verify(signed("{\"iss\":\"auth-service\"," + sub + ",\"iat\":" + now + "}")));
        assertThrows(ParseException.class, () -> verifier.verify(signed("{\"iss\":\"auth-service\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")));
    }

    @Test
    void refusesATokenIssuedInTheFutureBeyondTheSkew() throws ParseException {
        Instant now = Instant.now();
        verifier.verify(claims().issuedAt(now.plusSeconds(30)).expiresAt(now.plusSeconds(600)).signWithSecret(SECRET));
        assertThrows(ParseException.class, () -> verifier.verify(
                claims().issuedAt(now.plusSeconds(300)).expiresAt(now.plusSeconds(900)).signWithSecret(SECRET)));
    }

    @Test
    void refusesAnRs256HeaderOverAnHmacSignatureWithTheKey() throws Exception {
        String good = claims().signWithSecret(SECRET);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + good.substring(good.indexOf('.'), good.lastIndexOf('.'));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String confused = signingInput + "." + base64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertThrows(ParseException.class, () -> verifier.verify(confused));
    }

    @Test
    void remembersAVerifiedTokenForAMinuteAtMostAndNeverPastItsExpiry() throws ParseException {
        MovableClock clock = new MovableClock();
        TokenVerifier remembering = new TokenVerifier(
                new RealmSettings("HS256", Optional.of(SECRET), "auth-service", Optional.empty()), Optional.empty(), clock);
        String token = claims().signWithSecret(SECRET);
        var first = remembering.verify(token);
        assertSame(first, remembering.verify(token), "checked once, then remembered");
        clock.advance(Duration.ofSeconds(61));
        assertNotSame(first, remembering.verify(token), "checked again after a minute");

        // Expired 30 s ago, still inside the 60 s of skew: remembered for the 30 s of skew it has left, no more.
        MovableClock later = new MovableClock();
        TokenVerifier again = new TokenVerifier(
                new RealmSettings("HS256", Optional.of(SECRET), "auth-service", Optional.empty()), Optional.empty(), later);
        Instant now = Instant.now();
        String ending = claims().issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(30)).signWithSecret(SECRET);
        var once = again.verify(ending);
        later.advance(Duration.ofSeconds(25));
        assertSame(once, again.verify(ending));
        later.advance(Duration.ofSeconds(10));
        // Not taken from memory but checked again (by the real clock the parser uses it is still inside the skew).
        assertNotSame(once, again.verify(ending));
        assertThrows(ParseException.class, () -> remembering.verify(token + "x"), "a changed token is checked");
    }

    @Test
    void refusesEverySpellingButTheCanonicalOne() throws ParseException {
        String token = claims().signWithSecret(SECRET);
        verifier.check(token);
        String[] parts = token.split("\\.");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = parts[2].charAt(parts[2].length() - 1);
        String sameBits = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1)
                + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        for (String spelling : new String[] {token + "=", parts[0] + "=." + parts[1] + "." + parts[2], sameBits,
                token.replace('-', '+').replace('_', '/') + (token.matches(".*[-_].*") ? "" : "+"), token + ".",
                parts[0] + ".." + parts[2], "." + parts[1] + "." + parts[2], token + "A", " " + token}) {
            assertThrows(ParseException.class, () -> verifier.check(spelling), spelling);
        }
    }

    @Test
    void acceptsOnlyTheTypesOfAnAccessTokenAndNoKidUnderHs256() throws ParseException {
        for (String type : new String[] {"JWT", "jwt", "at+jwt", "application/at+jwt"}) {
            verifier.check(claims().jws().header("typ", type).signWithSecret(SECRET));
        }
        for (String type : new String[] {"JWE", "secevent+jwt", "logout+jwt", ""}) {
            String token = claims().jws().header("typ", type).signWithSecret(SECRET);
            assertThrows(ParseException.class, () -> verifier.check(token), type);
        }
        String withKid = claims().jws().keyId("hmac").signWithSecret(SECRET);
        assertThrows(ParseException.class, () -> verifier.check(withKid));
    }

    @Test
    void refusesASubjectThatIsNoUserIdAndGroupsThatAreNoStrings() throws Exception {
        long now = Instant.now().getEpochSecond();
        String times = "\"iss\":\"auth-service\",\"iat\":" + now + ",\"exp\":" + (now + 600);
        verifier.check(signed("{" + times + ",\"sub\":\"someone\",\"groups\":[\"user\"]}"));
        for (String claims : new String[] {"\"sub\":null", "\"sub\":\"\"", "\"sub\":\" \"", "\"sub\":5",
                "\"sub\":[\"a\"]", "\"sub\":\"a\",\"groups\":\"admin\"", "\"sub\":\"a\",\"groups\":[1]",
                "\"sub\":\"a\",\"upn\":7"}) {
            String token = signed("{" + times + "," + claims + "}");
            assertThrows(ParseException.class, () -> verifier.check(token), claims);
        }
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
