package io.authsvc.database;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a failure's cause chain: is the database out of reach, did a unique key refuse a row, or did the
 * transaction lose a race to another (a deadlock, a serialization failure)?
 */
public final class DatabaseFailures {

    /** Connection exceptions (08), insufficient resources (53), operator intervention and timeouts (57). */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57");
    /** The container's pool says it could not hand out a connection in these words. */
    private static final Set<String> POOL_FAILURES = Set.of("ResourceAllocationException", "PoolingException");
    private static final String UNIQUE_VIOLATION = "23505";
    /** Deadlock detected, serialization failure: the transaction lost a race and may simply run again. */
    private static final Set<String> CONFLICTS = Set.of("40P01", "40001");

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SocketException
                    || cause instanceof SocketTimeoutException
                    || POOL_FAILURES.contains(cause.getClass().getSimpleName())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && UNAVAILABLE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** Whether PostgreSQL aborted the transaction for a deadlock or a serialization failure. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            // Set.of refuses to look for null, and a pool's or a driver's SQLException may have no state.
            if (cause instanceof SQLException sql && sql.getSQLState() != null && CONFLICTS.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name of the unique constraint or index that refused the row, when that is what happened: PostgreSQL's
     * driver reports it in its server message (read by name: the driver's classes may be the server's, not the
     * WAR's); empty when another failure, and "" when the driver did not name it.
     */
    public static Optional<String> uniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return constraint(sql);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> constraint(SQLException sql) {
        try {
            Object message = sql.getClass().getMethod("getServerErrorMessage").invoke(sql);
            Object name = message == null ? null : message.getClass().getMethod("getConstraint").invoke(message);
            return Optional.of(name instanceof String text ? text : "");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.of("");
        }
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getNextException() != null && sql.getCause() == null) {
            return sql.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
