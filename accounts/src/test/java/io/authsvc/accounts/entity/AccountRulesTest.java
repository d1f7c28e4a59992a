package io.authsvc.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.problems.InvalidInput;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    private static boolean validEmail(String email) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        AccountRules.checkEmail("email", email, errors);
        return !errors.has("email");
    }

    private static boolean validUsername(String username) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        AccountRules.checkUsername("username", username, errors);
        return !errors.has("username");
    }

    @Test
    void normalizesEmails() {
        assertEquals("ann@example.com", AccountRules.normalizeEmail("  Ann@Example.COM "));
    }

    @Test
    void acceptsOrdinaryAddresses() {
        assertTrue(validEmail("ann.lee+tag@mail.example.co.uk"));
        assertTrue(validEmail("o'brien@example.org"));
    }

    @Test
    void refusesBrokenAddresses() {
        for (String email : new String[] {"ann", "ann@", "@example.com", "ann@example", "a b@example.com",
                "ann@@example.com", ".ann@example.com", "ann.@example.com", "a..b@example.com", "ann@-example.com"}) {
            assertFalse(validEmail(email), email);
        }
        assertFalse(validEmail("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63)));
    }

    @Test
    void allowsTheUsernameAlphabet() {
        assertTrue(validUsername("Ann.Lee_99-x"));
        assertTrue(validUsername("abc"));
        assertTrue(validUsername("a".repeat(50)));
        assertFalse(validUsername("ab"));
        assertFalse(validUsername("a".repeat(51)));
        assertFalse(validUsername("ann lee"));
        assertFalse(validUsername("änn"));
        assertFalse(validUsername("ann@x"));
    }

    @Test
    void refusesFullNamesPostgresqlCannotKeep() {
        assertTrue(AccountRules.isStorableText("Ann Lee \uD83D\uDE00 \u202e"));
        assertFalse(AccountRules.isStorableText("Ann\u0000Lee"));
        assertFalse(AccountRules.isStorableText("\uD800"));
        assertFalse(AccountRules.isStorableText("x\uDE00"));
        assertFalse(AccountRules.isStorableText("\uDE00\uD83D"));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        AccountRules.checkFullName("full_name", "Ann\u0000", errors);
        assertTrue(errors.has("full_name"));
    }
}
