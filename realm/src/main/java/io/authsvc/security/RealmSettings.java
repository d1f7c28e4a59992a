package io.authsvc.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The token settings shared by whoever issues and whoever verifies: algorithm, key, issuer, audience. */
@ApplicationScoped
public class RealmSettings {

    public static final String HS256 = "HS256";
    public static final String RS256 = "RS256";
    static final int MIN_SECRET_BYTES = 32;

    @Inject
    @ConfigProperty(name = "ALGORITHM", defaultValue = "HS256")
    String algorithm;

    @Inject
    @ConfigProperty(name = "SECRET_KEY")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER", defaultValue = "auth-service")
    String issuer;

    @Inject
    @ConfigProperty(name = "JWT_AUDIENCE")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "JWT_PUBLIC_KEY_LOCATION")
    Optional<String> publicKeyLocation;

    protected RealmSettings() {
    }

    public RealmSettings(String algorithm, Optional<String> secretKey, String issuer, Optional<String> audience) {
        this(algorithm, secretKey, issuer, audience, Optional.empty());
    }

    public RealmSettings(String algorithm, Optional<String> secretKey, String issuer, Optional<String> audience,
            Optional<String> publicKeyLocation) {
        this.algorithm = algorithm;
        this.secretKey = secretKey;
        this.issuer = issuer;
        this.audience = audience;
        this.publicKeyLocation = publicKeyLocation;
    }

    /** The HS256 key: the UTF-8 bytes of {@code SECRET_KEY}, as python-jose used them. */
    public SecretKey hmacKey() {
        byte[] bytes = secretKey.filter(key -> !key.isEmpty())
                .orElseThrow(() -> new IllegalStateException(
                        "SECRET_KEY is not set: HS256 tokens need a secret of at least " + MIN_SECRET_BYTES + " bytes"))
                .getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("SECRET_KEY is too short: " + bytes.length
                    + " bytes, HS256 needs at least " + MIN_SECRET_BYTES);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** HS256 or RS256; anything else stops the deployment. */
    public String algorithm() {
        if (!HS256.equals(algorithm) && !RS256.equals(algorithm)) {
            throw new IllegalStateException("ALGORITHM must be HS256 or RS256, not " + algorithm);
        }
        return algorithm;
    }

    public boolean isRs256() {
        return RS256.equals(algorithm());
    }

    /** A PEM file, a JWK Set file, or the URL of a JWK Set (such as the auth service's /auth/.well-known/jwks.json). */
    public Optional<String> publicKeyLocation() {
        return publicKeyLocation.filter(value -> !value.isBlank());
    }

    public String issuer() {
        return issuer;
    }

    public Optional<String> audience() {
        return audience.filter(value -> !value.isBlank());
    }
}
