package io.authsvc.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    private static final String TIMEOUTS = "connectTimeout=2&loginTimeout=3&socketTimeout=4";

    @Test
    void readsTheOldServicesFormWithPercentEncodedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://auth_test:s3cret%3Ap%40ss%2Fw0rd@db.example.com:6543/auth");
        assertEquals("jdbc:postgresql://db.example.com:6543/auth?" + TIMEOUTS, url.jdbcUrl());
        assertEquals("auth_test", url.user());
        assertEquals("s3cret:p@ss/w0rd", url.password());
    }

    @Test
    void acceptsTheAsyncpgDriverSuffixAndPostgresScheme() {
        assertEquals("jdbc:postgresql://localhost/app?" + TIMEOUTS,
                DatabaseUrl.parse("postgresql+asyncpg://u:p@localhost/app").jdbcUrl());
        assertEquals("jdbc:postgresql://[::1]:5432/app?" + TIMEOUTS,
                DatabaseUrl.parse("postgres://u@[::1]:5432/app").jdbcUrl());
    }

    @Test
    void keepsAPlusInAPasswordAsAPlus() {
        assertEquals("a+b c", DatabaseUrl.parse("postgresql://u:a+b%20c@h/d").password());
    }

    @Test
    void passesQueryParametersThroughAndKeepsTheCallersTimeouts() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@h:1/d?sslmode=require&socketTimeout=30");
        assertEquals("jdbc:postgresql://h:1/d?connectTimeout=2&loginTimeout=3&socketTimeout=30&sslmode=require",
                url.jdbcUrl());
    }

    @Test
    void takesCredentialsOutOfAJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h:5432/d?user=ann&password=p%40ss&ssl=true");
        assertEquals("jdbc:postgresql://h:5432/d?" + TIMEOUTS + "&ssl=true", url.jdbcUrl());
        assertEquals("ann", url.user());
        assertEquals("p@ss", url.password());
    }

    @Test
    void leavesCredentialsUnsetWhenTheUrlHasNone() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/d");
        assertNull(url.user());
        assertNull(url.password());
    }

    @Test
    void refusesOtherUrlsWithoutEchoingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("mysql://root:topsecret@h/d"));
        assertFalse(e.getMessage().contains("topsecret"));
        assertTrue(e.getMessage().contains("DATABASE_URL"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(" "));
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(DatabaseUrl.parse("postgresql://u:hunter2@h/d").toString().contains("hunter2"));
    }
}
