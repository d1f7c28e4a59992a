package io.authsvc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RealmSettingsTest {

    @Test
    void namesSecretKeyWhenItIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RealmSettings("HS256", Optional.empty(), "auth-service", Optional.empty()).hmacKey());
        assertTrue(e.getMessage().contains("SECRET_KEY"), e.getMessage());
    }

    @Test
    void namesSecretKeyWhenItIsTooShortInBytes() {
        // 31 bytes
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RealmSettings("HS256", Optional.of("x".repeat(31)), "i", Optional.empty()).hmacKey());
        assertTrue(e.getMessage().contains("SECRET_KEY") && e.getMessage().contains("31"), e.getMessage());
    }

    @Test
    void usesTheUtf8BytesOfTheSecret() {
        // 11 characters, 33 bytes: long enough, as python-jose would count it
        byte[] key = new RealmSettings("HS256", Optional.of("€".repeat(11)), "i", Optional.empty()).hmacKey().getEncoded();
        assertEquals(33, key.length);
    }

    @Test
    void ignoresABlankAudience() {
        assertTrue(new RealmSettings("HS256", Optional.empty(), "i", Optional.of(" ")).audience().isEmpty());
    }
}
