package io.authsvc.credentials.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.problems.InvalidInput;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12);

    private void check(String password) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        policy.check("password", password, "ann@example.com", "ann.lee", errors);
        errors.throwIfAny();
    }

    @Test
    void countsCodePointsNotCharsOrBytes() {
        // 12 emoji: 24 UTF-16 chars, 48 bytes, 12 code points
        assertDoesNotThrow(() -> check("😀".repeat(12)));
        assertThrows(InvalidInput.class, () -> check("😀".repeat(11)));
        assertThrows(InvalidInput.class, () -> check("eleven char"));
        assertDoesNotThrow(() -> check("twelve chars"));
    }

    @Test
    void refusesMoreThanSeventyTwoBytes() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> check("😀".repeat(19)));
        assertEquals("password", invalid.errors().get(0).field());
        assertDoesNotThrow(() -> check("😀".repeat(18)));
    }

    @Test
    void refusesTheAccountsOwnNames() {
        assertThrows(InvalidInput.class, () -> check("ANN@example.com"));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        policy.check("password", "long-username-1", "a@example.com", "long-username-1", errors);
        assertThrows(InvalidInput.class, errors::throwIfAny);
    }

    @Test
    void refusesCommonPasswordsInAnyCase() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> check("password1234"));
        assertTrue(invalid.errors().get(0).message().contains("common"), invalid.errors().toString());
        assertThrows(InvalidInput.class, () -> check("QWERTY123456"));
        assertThrows(InvalidInput.class, () -> check("1q2w3e4r5t6y"));
        assertDoesNotThrow(() -> check("correct horse battery staple"));
    }
}
