package io.authsvc.credentials.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    private final CommonPasswords list = CommonPasswords.bundled();

    @Test
    void holdsAtLeastTenThousandPasswords() {
        assertTrue(list.size() >= 10_000, "only " + list.size());
    }

    @Test
    void findsCommonPasswordsWithoutRegardToCase() {
        assertTrue(list.contains("password"));
        assertTrue(list.contains("123456"));
        assertTrue(list.contains("PassWord1234"));
        assertTrue(list.contains("qwerty123456"));
        assertFalse(list.contains("correct horse battery staple"));
        assertFalse(list.contains(null));
    }

    @Test
    void saysWhenItsResourceIsMissing() {
        assertThrows(IllegalStateException.class, () -> CommonPasswords.load("passwords/no-such-file.txt"));
    }
}
