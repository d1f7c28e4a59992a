package io.authsvc.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FirstAdminTest {

    private static Map<String, Optional<String>> settings(String email, String username, String password) {
        return new TreeMap<>(Map.of("BOOTSTRAP_ADMIN_EMAIL", Optional.ofNullable(email),
                "BOOTSTRAP_ADMIN_USERNAME", Optional.ofNullable(username),
                "BOOTSTRAP_ADMIN_PASSWORD", Optional.ofNullable(password)));
    }

    @Test
    void doesNothingWhenNoneIsSet() {
        assertFalse(FirstAdmin.configured(settings(null, null, " ")));
    }

    @Test
    void goesAheadWhenAllAreSet() {
        assertTrue(FirstAdmin.configured(settings("a@example.com", "admin", "a long admin password")));
    }

    @Test
    void stopsTheStartOnAPartialSetNamingWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FirstAdmin.configured(settings("a@example.com", null, "")));
        assertEquals("The first admin needs all of BOOTSTRAP_ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD, "
                + "BOOTSTRAP_ADMIN_USERNAME; missing: BOOTSTRAP_ADMIN_PASSWORD, BOOTSTRAP_ADMIN_USERNAME", e.getMessage());
    }
}
