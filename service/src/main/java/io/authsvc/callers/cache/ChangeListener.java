package io.authsvc.callers.cache;

import io.authsvc.database.DatabaseUrl;
import io.authsvc.database.DirectConnection;
import io.authsvc.startup.StartupOrder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The one connection of this instance that listens on {@code auth_account_changes} (V6__account_changes.sql) and
 * hands what it hears to the {@link AccountCache}. Outside the container's pool (a pool may close or validate a
 * connection, and a connection that waits for notifications is never idle): a {@link DirectConnection} to
 * {@code DATABASE_LISTEN_URL}, or {@code DATABASE_URL} when that is not set.
 * <p>
 * Every {@link #HEARTBEAT_MILLIS} ms it makes a round trip ({@code SELECT 1}); each answer vouches for the cache a
 * lease on ({@link AccountCache#LEASE_MILLIS}), since every notification committed before the question was asked
 * has arrived before the answer. A connection that breaks or goes silent stops vouching at once or within the
 * lease; the listener connects again (backing off up to {@link #MAX_BACKOFF_MILLIS} ms) and the cache starts
 * empty on the new connection.
 */
@ApplicationScoped
public class ChangeListener {

    public static final String CHANNEL = "auth_account_changes";
    static final long HEARTBEAT_MILLIS = 250;
    static final String TRIGGERS = "SELECT count(*) FROM pg_trigger WHERE tgname = 'account_changed' AND tgrelid IN"
            + " (to_regclass('users'), to_regclass('user_roles'), to_regclass('sessions'))";
    static final long MAX_BACKOFF_MILLIS = 5000;
    private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());

    @Inject
    AccountCache cache;

    @Inject
    @ConfigProperty(name = "DATABASE_LISTEN_URL")
    Optional<String> listenUrl;

    @Inject
    @ConfigProperty(name = "DATABASE_URL")
    Optional<String> databaseUrl;

    private volatile boolean stopping;
    private volatile Connection connection;
    private Thread thread;

    void onStart(@Observes @Priority(StartupOrder.ACCOUNT_CACHE) @Initialized(ApplicationScoped.class) Object event) {
        if (!cache.enabled() || thread != null) {
            return; // off, or Payara announcing the application scope once more
        }
        DatabaseUrl url = DatabaseUrl.parse(listenUrl.filter(value -> !value.isBlank()).orElse(databaseUrl.orElse(null)));
        thread = new Thread(() -> listen(url), "account-changes");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        cache.suspend();
        if (thread != null) {
            closeQuietly(connection);
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen(DatabaseUrl url) {
        long backoff = HEARTBEAT_MILLIS;
        boolean wasDown = false;
        while (!stopping) {
            try (Connection listening = connect(url)) {
                connection = listening;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                try (Statement listen = listening.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                if (!announcesChanges(listening)) {
                    LOG.warning("account cache: off, since the database does not announce account changes (the"
                            + " triggers of db/migration/V6__account_changes.sql are missing); every call reads the"
                            + " database");
                    return;
                }
                long since = System.nanoTime();
                roundTrip(listening, notifications);
                cache.resume(since);
                LOG.info(wasDown ? "account cache: listening again for account changes; the cache starts empty"
                        : "account cache: listening for account changes (" + CHANNEL + ")");
                wasDown = false;
                backoff = HEARTBEAT_MILLIS;
                while (!stopping) {
                    long beat = System.nanoTime();
                    roundTrip(listening, notifications);
                    cache.trustUntil(beat);
                    long next = beat + TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MILLIS);
                    for (long left; (left = TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())) > 0 && !stopping; ) {
                        deliver(notifications.getNotifications((int) left));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.suspend();
                if (stopping) {
                    return;
                }
                if (!wasDown) {
                    // the message only: a driver's message names no password, and a stack would fill the log
                    LOG.log(Level.WARNING, "account cache: the listening connection is down ({0}); every call reads"
                            + " the database until it is back", e.getMessage());
                    wasDown = true;
                }
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                connection = null;
            }
        }
    }

    /** Whether the three tables have the trigger that notifies: a schema applied by hand may lack it. */
    private static boolean announcesChanges(Connection listening) throws SQLException {
        try (Statement check = listening.createStatement();
                ResultSet row = check.executeQuery(TRIGGERS)) {
            return row.next() && row.getInt(1) == 3;
        }
    }

    /** A question and its answer: every notification committed before it has been delivered when this returns. */
    private void roundTrip(Connection listening, PGConnection notifications) throws SQLException {
        try (Statement ping = listening.createStatement()) {
            ping.execute("SELECT 1");
        }
        deliver(notifications.getNotifications());
    }

    private void deliver(PGNotification[] heard) {
        if (heard == null) {
            return;
        }
        for (PGNotification notification : heard) {
            String payload = notification.getParameter();
            UUID id = uuid(payload);
            if (id == null) {
                cache.clear(); // "*" (a TRUNCATE), or anything else: forget everything
            } else {
                cache.invalidate(id);
            }
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        Connection connection = DirectConnection.open(url, "auth-account-changes");
        connection.setAutoCommit(true);
        return connection;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
