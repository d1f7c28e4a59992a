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

    protected RealmSettings() {
    }

    public RealmSettings(String algorithm, Optional<String> secretKey, String issuer, Optional<String> audience) {
        this.algorithm = algorithm;
        this.secretKey = secretKey;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The HS256 key: the UTF-8 bytes of {@code SECRET_KEY}, as python-jose used them. */
    public SecretKey hmacKey() {
        if (!"HS256".equals(algorithm)) {
            throw new IllegalStateException("ALGORITHM=" + algorithm + " is not supported; use HS256");
        }
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

    public String algorithm() {
        return algorithm;
    }

    public String issuer() {
        return issuer;
    }

    public Optional<String> audience() {
        return audience.filter(value -> !value.isBlank());
    }
}
