package io.authsvc.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

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
    void namesTheUniqueKeyThatRefusedARow() {
        PSQLException duplicate = new PSQLException(new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value"
                + " violates unique constraint \"uq_users_username_lower\"\0Dkey (email)\0nuq_users_username_lower\0"));
        assertEquals(Optional.of("uq_users_username_lower"),
                DatabaseFailures.uniqueViolation(new RuntimeException(new IllegalStateException(duplicate))));
        // The name, not the words: a message that mentions email says nothing when the driver names no key.
        assertEquals(Optional.of(""), DatabaseFailures.uniqueViolation(
                new SQLException("duplicate key value violates unique constraint \"uq_users_email_lower\"", "23505")));
        assertEquals(Optional.empty(), DatabaseFailures.uniqueViolation(new SQLException("x", "23503")));
    }

    @Test
    void takesADeadlockOrASerializationFailureForAConflictAndNothingElse() {
        assertTrue(DatabaseFailures.isConflict(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(DatabaseFailures.isConflict(new SQLException("could not serialize access", "40001")));
        assertFalse(DatabaseFailures.isConflict(new SQLException("syntax", "42601")));
        // WildFly's pool reports a database that is gone with an SQLException of no state: an outage, no conflict,
        // and no NullPointerException in place of the outage's 503 (DatabaseOutageIT saw a 500).
        assertFalse(DatabaseFailures.isConflict(new RuntimeException(new SQLException("no connection"))));
        assertFalse(DatabaseFailures.isConflict(new IllegalStateException("bug")));
    }
}
