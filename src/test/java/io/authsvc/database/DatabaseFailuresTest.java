package io.authsvc.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void seesAConnectionFailureDeepInTheChain() {
        Exception failure = new RuntimeException("tx", new IllegalStateException(
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("refused"))));
        assertTrue(DatabaseFailures.isUnavailable(failure));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("canceled", "57014")));
    }

    @Test
    void doesNotTakeADataErrorForAnOutage() {
        assertFalse(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("syntax", "42601"))));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
    }

    @Test
    void findsAUniqueViolation() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint \"uq_users_email_lower\"",
                "23505");
        assertEquals(Optional.of(duplicate.getMessage()),
                DatabaseFailures.uniqueViolation(new RuntimeException(duplicate)));
        assertEquals(Optional.empty(), DatabaseFailures.uniqueViolation(new SQLException("x", "23503")));
    }
}
