package io.authsvc.tokens;

import io.authsvc.security.RealmSettings;
import io.authsvc.security.VerificationKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The RS256 key pair ({@code JWT_PRIVATE_KEY} or {@code JWT_PRIVATE_KEY_LOCATION}) and the earlier public keys
 * still accepted ({@code JWT_PREVIOUS_PUBLIC_KEYS_LOCATION}): what tokens are signed with and what the JWK Set
 * publishes. Under HS256 there are none.
 */
@ApplicationScoped
public class SigningKeys implements VerificationKeys {

    @Inject
    RealmSettings settings;

    @Inject
    @ConfigProperty(name = "JWT_PRIVATE_KEY")
    Optional<String> privateKeyPem;

    @Inject
    @ConfigProperty(name = "JWT_PRIVATE_KEY_LOCATION")
    Optional<String> privateKeyLocation;

    @Inject
    @ConfigProperty(name = "JWT_PREVIOUS_PUBLIC_KEYS_LOCATION")
    Optional<String> previousKeysLocation;

    private RSAPrivateCrtKey privateKey;
    private String keyId;
    private String jwks;

    protected SigningKeys() {
    }

    public SigningKeys(RealmSettings settings, Optional<String> privateKeyPem, Optional<String> previousKeysLocation) {
        this.settings = settings;
        this.privateKeyPem = privateKeyPem;
        this.privateKeyLocation = Optional.empty();
        this.previousKeysLocation = previousKeysLocation;
        init();
    }

    @PostConstruct
    void init() {
        if (!settings.isRs256()) {
            return;
        }
        String pem = privateKeyPem.filter(text -> !text.isBlank())
                .or(() -> privateKeyLocation.filter(text -> !text.isBlank()).map(SigningKeys::read))
                .orElseThrow(() -> new IllegalStateException(
                        "ALGORITHM=RS256 needs JWT_PRIVATE_KEY (PEM text) or JWT_PRIVATE_KEY_LOCATION (a PEM file)"));
        privateKey = KeyFiles.privateKey(pem);
        RsaJsonWebKey current = KeyFiles.jwk(KeyFiles.publicKey(privateKey));
        keyId = current.getKeyId();

        // The current key first; a previous key equal to it is listed once.
        Map<String, JsonWebKey> keys = new LinkedHashMap<>();
        keys.put(keyId, current);
        previousKeysLocation.filter(text -> !text.isBlank()).map(SigningKeys::read).map(KeyFiles::publicKeys)
                .orElse(List.of())
                .forEach(key -> {
                    RsaJsonWebKey jwk = KeyFiles.jwk(key);
                    keys.putIfAbsent(jwk.getKeyId(), jwk);
                });
        jwks = new JsonWebKeySet(new ArrayList<>(keys.values())).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public boolean isRs256() {
        return privateKey != null;
    }

    RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    String keyId() {
        return keyId;
    }

    /** The JWK Set document: the current public key and the previous ones. */
    @Override
    public Optional<String> jwks() {
        return Optional.ofNullable(jwks);
    }

    private static String read(String location) {
        try {
            return Files.readString(Path.of(location), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + location, e);
        }
    }
}
