package io.authsvc.migration.control;

import io.authsvc.database.DatabaseUrl;
import io.authsvc.migration.entity.LegacyUser;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The users table through plain JDBC, a batch at a time: a statement per question, whatever the batch's size,
 * with arrays as parameters. The caller decides when a batch's transaction ends.
 */
public class UserStore implements AutoCloseable {

    /**
     * The columns of {@code users} an import writes, in the order of {@link #insert}'s arrays, each with its type
     * (SchemaIT checks both against the migrated schema); {@code token_version} keeps its default.
     */
    public static final List<Map.Entry<String, String>> COLUMNS = List.of(Map.entry("id", "uuid"),
            Map.entry("email", "text"), Map.entry("username", "text"), Map.entry("full_name", "text"),
            Map.entry("is_active", "boolean"), Map.entry("email_verified", "boolean"), Map.entry("password_hash", "text"),
            Map.entry("created_at", "timestamptz"),
            Map.entry("updated_at", "timestamptz"), Map.entry("last_login", "timestamptz"), Map.entry("legacy_id", "text"));
    private static final String INSERT_USERS = "INSERT INTO users ("
            + String.join(", ", COLUMNS.stream().map(Map.Entry::getKey).toList())
            + ") SELECT * FROM unnest(" + String.join(", ", COLUMNS.stream().map(c -> "?::" + c.getValue() + "[]").toList())
            + ") ON CONFLICT DO NOTHING RETURNING id";
    private static final String INSERT_ROLES = """
            INSERT INTO user_roles (user_id, role)
            SELECT id, 'user' FROM unnest(?::uuid[]) AS id
            UNION ALL SELECT id, 'admin' FROM unnest(?::uuid[]) AS id""";
    /** Compares as the unique indexes do: lower() of the column, lower() of the value, both by PostgreSQL. */
    private static final String TAKEN = """
            SELECT x FROM unnest(?::text[]) AS x
            WHERE EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = lower(x))
               OR EXISTS (SELECT 1 FROM users u WHERE lower(u.username) = lower(x))""";

    private final Connection connection;

    /** Over a connection whose transactions the caller ends (auto-commit off). */
    public UserStore(Connection connection) {
        this.connection = connection;
    }

    public static UserStore connect(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("ApplicationName", "import-users");
        // A server error's detail can quote a whole row ("Failing row contains ..."), hash and all.
        properties.setProperty("logServerErrorDetail", "false");
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
        connection.setAutoCommit(false);
        return new UserStore(connection);
    }

    /** Refuses a schema before version 2, which added {@code users.legacy_id}: re-runs depend on it. */
    public void checkSchema() throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'users'""");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        } finally {
            connection.rollback();
        }
        String remedy = "start the service once (it brings the schema up to date at start-up), or apply db/init.sql"
                + " and then db/migration/V2__*.sql and any later files in order, by hand with psql";
        if (columns.isEmpty()) {
            throw new SchemaTooOld("the database has no users table yet: " + remedy);
        }
        if (!columns.contains("legacy_id")) {
            throw new SchemaTooOld("the database schema is older than version 2 (users.legacy_id is missing): "
                    + remedy);
        }
    }

    /** Which of these old ids are in the table already. */
    public Set<String> imported(Collection<String> legacyIds) throws SQLException {
        return strings("SELECT legacy_id FROM users WHERE legacy_id = ANY(?::text[])", legacyIds);
    }

    /** Which of these identifiers (emails, usernames) an existing user has as its email or its username. */
    public Set<String> taken(Collection<String> identifiers) throws SQLException {
        return strings(TAKEN, identifiers);
    }

    /**
     * Inserts the users and their roles; answers the old ids of those written. A user missing from the answer
     * met a unique index after the checks (someone registered or imported meanwhile): nothing of it was written.
     */
    public Set<String> insert(List<LegacyUser> users) throws SQLException {
        Set<String> written = new HashSet<>();
        if (users.isEmpty()) {
            return written;
        }
        int n = users.size();
        UUID[] ids = new UUID[n];
        Object[][] columns = new Object[COLUMNS.size() - 1][n];
        for (int i = 0; i < n; i++) {
            LegacyUser user = users.get(i);
            ids[i] = UUID.randomUUID();
            columns[0][i] = user.email();
            columns[1][i] = user.username();
            columns[2][i] = user.fullName();
            columns[3][i] = user.active();
            columns[4][i] = user.emailVerified();
            columns[5][i] = user.passwordHash();
            columns[6][i] = user.createdAt().toString();
            columns[7][i] = user.updatedAt().toString();
            columns[8][i] = user.lastLogin() == null ? null : user.lastLogin().toString();
            columns[9][i] = user.legacyId();
        }
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(INSERT_USERS)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 2, connection.createArrayOf(COLUMNS.get(c + 1).getValue().equals("boolean") ? "boolean" : "text",
                        columns[c]));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        List<UUID> everyone = new ArrayList<>();
        List<UUID> admins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (inserted.contains(ids[i])) {
                written.add(users.get(i).legacyId());
                everyone.add(ids[i]);
                if (users.get(i).admin()) {
                    admins.add(ids[i]);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_ROLES)) {
            statement.setArray(1, connection.createArrayOf("uuid", everyone.toArray()));
            statement.setArray(2, connection.createArrayOf("uuid", admins.toArray()));
            statement.executeUpdate();
        }
        return written;
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    public void rollback() throws SQLException {
        connection.rollback();
    }

    private Set<String> strings(String sql, Collection<String> values) throws SQLException {
        Set<String> found = new HashSet<>();
        if (values.isEmpty()) {
            return found;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", values.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
