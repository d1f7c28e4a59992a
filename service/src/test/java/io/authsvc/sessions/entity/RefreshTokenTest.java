package io.authsvc.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    @Test
    void isTwoHundredFiftySixRandomBitsInBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = RefreshToken.generate();
            assertEquals(43, token.length(), token);
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
            assertTrue(RefreshToken.isWellFormed(token));
            assertTrue(seen.add(token), "a token came twice");
        }
    }

    @Test
    void refusesWhatCannotBeAToken() {
        for (String text : new String[] {null, "", "abc", "a".repeat(42), "a".repeat(44), "+".repeat(43),
                "a".repeat(42) + "=", "a".repeat(42) + "\0", "eyJhbGciOi.eyJzdWIi.c2ln"}) {
            assertFalse(RefreshToken.isWellFormed(text), String.valueOf(text));
        }
    }

    @Test
    void keepsTheSha256OfTheTokensText() {
        // SHA-256 of "abc", the FIPS 180-2 example.
        assertArrayEquals(HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                RefreshToken.hash("abc"));
    }
}
