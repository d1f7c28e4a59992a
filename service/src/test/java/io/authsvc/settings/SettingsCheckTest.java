package io.authsvc.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up's check of every setting: each type's rule, and several bad values reported together. */
class SettingsCheckTest {

    private static List<String> problems(Map<String, String> values) {
        return SettingsCheck.problems(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void acceptsNothingSetAndEveryDefault() {
        assertEquals(List.of(), problems(Map.of()));
        Map<String, String> defaults = new HashMap<>();
        for (Setting setting : Setting.values()) {
            setting.defaultValue().ifPresent(value -> defaults.put(setting.name(), value));
        }
        assertEquals(List.of(), problems(defaults));
    }

    @Test
    void takesAnEmptyValueForUnset() {
        assertEquals(List.of(), problems(Map.of("BCRYPT_COST", " ", "PUBLIC_URL", "")));
    }

    @Test
    void checksWholeNumbersAndTheirRange() {
        assertEquals(List.of(), problems(Map.of("BCRYPT_COST", "4", "SMTP_PORT", " 65535 ", "ACCOUNT_CACHE_SIZE", "0")));
        assertEquals(List.of("BCRYPT_COST must be a whole number from 4 to 31, not '3'"),
                problems(Map.of("BCRYPT_COST", "3")));
        assertEquals(List.of("SMTP_PORT must be a whole number from 1 to 65535, not '65536'"),
                problems(Map.of("SMTP_PORT", "65536")));
        assertEquals(List.of("LOGIN_MAX_FAILURES must be a whole number of at least 1, not 'five'"),
                problems(Map.of("LOGIN_MAX_FAILURES", "five")));
        assertEquals(List.of("HASH_POOL_SIZE must be a whole number of at least 1, not '1.5'"),
                problems(Map.of("HASH_POOL_SIZE", "1.5")));
        assertEquals(1, problems(Map.of("ACCESS_TOKEN_EXPIRE_MINUTES", "99999999999")).size(), "past an int");
    }

    @Test
    void checksFlags() {
        assertEquals(List.of(), problems(Map.of("DATABASE_MIGRATE", "FALSE", "REQUIRE_VERIFIED_EMAIL", "true",
                "WAR_OWNS_PROCESS", "on")));
        assertEquals(List.of("REQUIRE_VERIFIED_EMAIL must be true or false, not 'treu'"),
                problems(Map.of("REQUIRE_VERIFIED_EMAIL", "treu")));
    }

    @Test
    void checksChoicesInTheirCase() {
        assertEquals(List.of(), problems(Map.of("PASSWORD_HASH", "Argon2id", "SMTP_SECURITY", "TLS", "ALGORITHM",
                "RS256")));
        assertEquals(List.of("PASSWORD_HASH must be bcrypt or argon2id, not 'md5'"),
                problems(Map.of("PASSWORD_HASH", "md5")));
        assertEquals(List.of("ALGORITHM must be HS256 or RS256, not 'hs256'"), problems(Map.of("ALGORITHM", "hs256")),
                "the realm compares the algorithm exactly");
    }

    @Test
    void checksUrlsAndMailAddresses() {
        assertEquals(List.of(), problems(Map.of("PUBLIC_URL", "https://auth.example.com/auth", "EMAIL_VERIFY_URL",
                "http://localhost:8080/verify-email", "MAIL_FROM", "Auth <auth@example.com>")));
        assertEquals(List.of("PUBLIC_URL must be an absolute http or https URL, not 'auth.example.com/auth'",
                "MAIL_FROM must be a mail address, not 'auth@'",
                "PASSWORD_RESET_URL must be an absolute http or https URL, not 'ftp://example.com/reset'"),
                problems(Map.of("PUBLIC_URL", "auth.example.com/auth", "PASSWORD_RESET_URL", "ftp://example.com/reset",
                        "MAIL_FROM", "auth@")));
    }

    @Test
    void leavesTheScriptsSettingsToTheScripts() {
        assertEquals(List.of(), problems(Map.of("PORT", "none", "SERVER", "tomcat", "METRICS_ENABLED", "perhaps")));
    }

    @Test
    void namesEveryBadSettingInOneMessage() {
        Map<String, String> values = Map.of("BCRYPT_COST", "40", "SMTP_SECURITY", "ssl", "LOGIN_WINDOW_SECONDS", "0",
                "JWT_ISSUER", "anything goes");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SettingsCheck.check(name -> Optional.ofNullable(values.get(name))));
        assertEquals("3 settings are bad, so the service does not start (see docs/settings.md): "
                + "BCRYPT_COST must be a whole number from 4 to 31, not '40'; "
                + "LOGIN_WINDOW_SECONDS must be a whole number of at least 1, not '0'; "
                + "SMTP_SECURITY must be starttls or tls or none, not 'ssl'", e.getMessage());
    }

    @Test
    void startsWithGoodSettings() {
        Map<String, String> values = Map.of("BCRYPT_COST", "10", "SMTP_SECURITY", "none");
        SettingsCheck.check(name -> Optional.ofNullable(values.get(name)));
        assertEquals(List.of(), problems(values));
    }

    @Test
    void neverShowsASecretsValue() {
        assertTrue(Setting.SMTP_PASSWORD.type() instanceof SettingType.Secret);
        for (Setting setting : Setting.values()) {
            if (setting.name().matches(".*(PASSWORD|SECRET_KEY|PRIVATE_KEY|DATABASE_URL|DATABASE_LISTEN_URL)$")) {
                assertFalse(setting.type().showsValue(), setting + " is a secret");
            }
        }
    }

    @Test
    void describesEachTypeForTheDocumentation() {
        assertEquals("whole number 4–31", Setting.BCRYPT_COST.type().describe());
        assertEquals("whole number ≥ 0", Setting.ACCOUNT_CACHE_SIZE.type().describe());
        assertEquals("bcrypt \\| argon2id", Setting.PASSWORD_HASH.type().describe());
        assertEquals("true/false", Setting.DATABASE_MIGRATE.type().describe());
    }
}
