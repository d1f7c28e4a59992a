package io.authsvc.accounts.control;

import io.authsvc.accounts.entity.Account;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The reads that every request or every list page makes, in plain SQL on the container's pool: one statement for
 * an account and its roles, no persistence context, no transaction. Each call sees the database as it is now.
 */
@ApplicationScoped
public class AccountReader {

    /** The columns of {@code users} an account is read from, in {@link #account}'s order (SchemaIT checks them). */
    public static final List<String> COLUMNS = List.of("id", "email", "username", "full_name", "is_active",
            "email_verified", "created_at", "updated_at", "last_login", "token_version");
    /** The account's columns; its roles follow them, aggregated in the same statement. */
    static final String FIELDS = String.join(", ", COLUMNS.stream().map(column -> "u." + column).toList());
    static final String BY_ID = "SELECT " + FIELDS
            + ", ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id) AS roles FROM users u WHERE u.id = ?";
    /** The account, and the end of the session a token names when it is alive: one statement for the token check. */
    static final String BY_ID_IN_SESSION = "SELECT " + FIELDS
            + ", ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id) AS roles,"
            + " (SELECT s.expires_at FROM sessions s WHERE s.id = ? AND s.user_id = u.id"
            + " AND s.token_version = u.token_version AND s.expires_at > now()) AS session_end FROM users u WHERE u.id = ?";
    /** The roles of the page's rows only: in the inner select they would be read for every row a skip passes. */
    static final String PAGE = "SELECT p.*, ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = p.id) AS roles"
            + " FROM (SELECT " + FIELDS + " FROM users u%s ORDER BY u.created_at DESC, u.id DESC LIMIT ? OFFSET ?) p"
            + " ORDER BY p.created_at DESC, p.id DESC";
    static final String COUNTS = "SELECT total, active FROM user_counts";

    @Resource(lookup = "java:app/jdbc/auth")
    DataSource dataSource;

    /** The account with this id as the database holds it now; a database that cannot answer throws. */
    public Optional<Account> find(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(BY_ID)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(account(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the account", e);
        }
    }

    /** An account read for a token of a session, and when that session ends: null when it has ended. */
    public record InSession(Account account, Instant sessionEnd) {

        public boolean sessionAlive() {
            return sessionEnd != null;
        }
    }

    /** The account with this id, and the end of its session {@code session} if that has not ended, in one statement. */
    public Optional<InSession> find(UUID id, UUID session) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(BY_ID_IN_SESSION)) {
            select.setObject(1, session);
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new InSession(account(row), instant(row, 12))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the account", e);
        }
    }

    /**
     * One page of the list, newest first: one statement for the page (one row more, to know whether another
     * page follows), and one for the total, from the kept counts (V4__user_counts.sql) unless a text filter
     * has to count.
     */
    public UserPage list(UserQuery query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        if (query.active() != null) {
            where.append(" AND u.is_active = ?");
            parameters.add(query.active());
        }
        boolean byText = query.text() != null && !query.text().isEmpty();
        if (byText) {
            where.append(" AND (lower(u.email) LIKE ? ESCAPE '\\' OR lower(u.username) LIKE ? ESCAPE '\\'"
                    + " OR lower(u.full_name) LIKE ? ESCAPE '\\')");
            String pattern = "%" + escapeLike(query.text().toLowerCase()) + "%";
            parameters.addAll(List.of(pattern, pattern, pattern));
        }
        List<Object> pageParameters = new ArrayList<>(parameters);
        StringBuilder pageWhere = new StringBuilder(where);
        if (query.after() != null) {
            pageWhere.append(" AND (u.created_at, u.id) < (?, ?)");
            pageParameters.add(OffsetDateTime.ofInstant(query.after().createdAt(), ZoneOffset.UTC));
            pageParameters.add(query.after().id());
        }
        String page = PAGE.formatted(pageWhere);
        pageParameters.add(query.limit() + 1);
        pageParameters.add(query.after() == null ? query.skip() : 0);

        try (Connection connection = dataSource.getConnection()) {
            List<Account> rows = new ArrayList<>(query.limit() + 1);
            try (PreparedStatement select = prepare(connection, page, pageParameters);
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(account(row));
                }
            }
            boolean more = rows.size() > query.limit();
            List<Account> accounts = more ? rows.subList(0, query.limit()) : rows;
            Account last = accounts.isEmpty() ? null : accounts.getLast();
            long total = byText
                    ? count(connection, "SELECT count(*) FROM users u" + where, parameters)
                    : counted(connection, query.active());
            return new UserPage(List.copyOf(accounts), total,
                    more ? new UserQuery.Cursor(last.createdAt(), last.id()) : null);
        } catch (SQLException e) {
            throw new PersistenceException("could not read the list of accounts", e);
        }
    }

    /** How many accounts there are in all (null), active (true) or inactive (false), from the kept counts. */
    private static long counted(Connection connection, Boolean active) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COUNTS); ResultSet row = select.executeQuery()) {
            row.next();
            long total = row.getLong(1);
            long activeCount = row.getLong(2);
            return active == null ? total : active ? activeCount : total - activeCount;
        }
    }

    private static long count(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    // getObject(column, Class) would do: the pool's result-set wrapper looks that method up by reflection at each call.
    private static Account account(ResultSet row) throws SQLException {
        Array roles = row.getArray(11);
        try {
            return new Account((UUID) row.getObject(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getBoolean(5), row.getBoolean(6), Set.of((String[]) roles.getArray()), instant(row, 7),
                    instant(row, 8), instant(row, 9), row.getInt(10));
        } finally {
            roles.free();
        }
    }

    /** A timestamptz column: the driver's Timestamp holds the instant itself, whatever the JVM's zone. */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
