package io.authsvc.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection of the WAR's own, outside the container's pool, for a background task that holds it long (the
 * account cache's listener, the mail sender): opened with the WAR's own PostgreSQL driver, not DriverManager's
 * choice among the server's, and named in {@code pg_stat_activity} by {@code application}.
 */
public final class DirectConnection {

    private DirectConnection() {
    }

    public static Connection open(DatabaseUrl url, String application) throws SQLException {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("ApplicationName", application);
        Connection connection = new org.postgresql.Driver().connect(url.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL");
        }
        return connection;
    }
}
