package io.authsvc.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashesAtTheConfiguredCostAndVerifies() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$2b$04$"), hash);
        assertEquals(4, PasswordHasher.costOf(hash));
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapl", hash));
    }

    @Test
    void verifiesPasslibHashesOfAnyCost() throws IOException {
        Properties fixture = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/passlib-hashes.properties")) {
            fixture.load(in);
        }
        for (String cost : new String[] {"cost12", "cost10"}) {
            String hash = fixture.getProperty(cost + ".hash");
            String password = fixture.getProperty(cost + ".password");
            assertTrue(hasher.verify(password, hash), cost);
            assertFalse(hasher.verify(password + "!", hash), cost);
            // the same hash with the $2a$ and $2y$ prefixes that other bcrypt libraries write
            assertTrue(hasher.verify(password, "$2a$" + hash.substring(4)), cost + " as 2a");
            assertTrue(hasher.verify(password, "$2y$" + hash.substring(4)), cost + " as 2y");
        }
    }

    @Test
    void neverCutsAPasswordOverSeventyTwoBytes() {
        String seventyTwo = "a".repeat(72);
        String hash = hasher.hash(seventyTwo);
        assertTrue(hasher.verify(seventyTwo, hash));
        // bcrypt would read only the first 72 bytes and say yes; we say no
        assertFalse(hasher.verify(seventyTwo + "b", hash));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(seventyTwo + "b"));
        assertFalse(PasswordHasher.fits("é".repeat(37)));
        assertTrue(PasswordHasher.fits("é".repeat(36)));
    }

    @Test
    void refusesWhatIsNotABcryptHash() {
        assertFalse(hasher.verify("x", "plain-text-password"));
        assertFalse(hasher.verify("x", null));
        assertEquals(-1, PasswordHasher.costOf("$1$abc"));
    }

    @Test
    void refusesACostOutsideBcryptsRange() {
        assertThrows(IllegalStateException.class, () -> new PasswordHasher(3));
        assertThrows(IllegalStateException.class, () -> new PasswordHasher(32));
    }
}
