package io.authsvc.sessions.control;

import io.authsvc.accounts.control.AccountChanged;
import io.authsvc.database.Retried;
import io.authsvc.sessions.entity.Session;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The sessions and refresh tokens in plain SQL on the container's pool (V5__sessions.sql), each use case one
 * statement that PostgreSQL runs atomically: a rotation spends the old token with a conditional UPDATE, so of
 * several concurrent rotations of one token exactly one finds it unspent; the others wait on its session's row
 * lock and then find it spent.
 */
@ApplicationScoped
@Retried
public class SessionStore {

    /** Also deletes the user's dead sessions, so that a user's rows stay about as many as its live sessions. */
    static final String START = """
            WITH dead AS (
              DELETE FROM sessions WHERE user_id = ? AND (expires_at <= now() OR last_used_at <= now() - make_interval(days => ?))
            ), started AS (
              INSERT INTO sessions (id, user_id, token_version, expires_at, client_address, user_agent)
              VALUES (?, ?, ?, now() + make_interval(days => ?), ?, ?) RETURNING id
            )
            INSERT INTO refresh_tokens (token_hash, session_id) SELECT ?, id FROM started""";

    /**
     * Spends the token, and when its session is alive moves it on and stores the next token, in one statement.
     * It locks the session's row before the token's, the order of every other writer (an ending session deletes
     * its tokens after its row; a revocation of the account deletes its sessions after locking the account), so that
     * a rotation and a deactivation wait for each other instead of deadlocking. A session whose account needs a
     * verified address ({@code REQUIRE_VERIFIED_EMAIL}, the 4th parameter) and has none is not alive.
     * Its commit does not wait for the disk ({@code synchronous_commit} off for this transaction alone): a crash
     * of PostgreSQL may lose the last fraction of a second of rotations, and then the client's new token is
     * unknown (it logs in again) while the old one, spent and discarded by the client, counts as unspent once
     * more. Endings of sessions (logout, reuse, the list's DELETE) keep the default and are durable.
     */
    static final String ROTATE = """
            WITH locked AS (
              SELECT s.id FROM sessions s WHERE s.id = (SELECT t.session_id FROM refresh_tokens t WHERE t.token_hash = ?)
              FOR NO KEY UPDATE
            ), spent AS (
              UPDATE refresh_tokens t SET spent_at = now() FROM locked
              WHERE t.token_hash = ? AND t.session_id = locked.id AND t.spent_at IS NULL RETURNING t.session_id
            ), live AS (
              UPDATE sessions s SET last_used_at = now() FROM spent, users u
              WHERE s.id = spent.session_id AND u.id = s.user_id AND u.is_active AND u.token_version = s.token_version
                AND s.expires_at > now() AND s.last_used_at > now() - make_interval(days => ?)
                AND (u.email_verified OR NOT ?)
              RETURNING s.id, s.user_id, u.username, u.token_version
            ), next AS (
              INSERT INTO refresh_tokens (token_hash, session_id) SELECT ?, id FROM live
            )
            SELECT spent.session_id, live.user_id, live.username, live.token_version,
              ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = live.user_id) AS roles
            FROM spent LEFT JOIN live ON live.id = spent.session_id
              CROSS JOIN (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed""";

    static final String END_BY_TOKEN = "DELETE FROM sessions WHERE id ="
            + " (SELECT session_id FROM refresh_tokens WHERE token_hash = ?) RETURNING id, user_id";
    static final String END = "DELETE FROM sessions WHERE id = ? RETURNING id, user_id";
    static final String END_OF_USER = "DELETE FROM sessions WHERE id = ? AND user_id = ? RETURNING id, user_id";
    static final String LIST = """
            SELECT s.id, s.created_at, s.last_used_at, LEAST(s.expires_at, s.last_used_at + make_interval(days => ?)),
              s.client_address, s.user_agent
            FROM sessions s JOIN users u ON u.id = s.user_id AND u.token_version = s.token_version
            WHERE s.user_id = ? AND s.expires_at > now() AND s.last_used_at > now() - make_interval(days => ?)
            ORDER BY s.created_at DESC, s.id DESC""";

    /** A session's key facts: its id and its user. */
    public record Ended(UUID sessionId, UUID userId) {
    }

    @Resource(lookup = "java:app/jdbc/auth")
    DataSource dataSource;

    /** Fired for each ended session, so that this instance refuses its tokens at once (the account cache). */
    @Inject
    Event<AccountChanged> changes;

    public void start(UUID sessionId, UUID userId, int tokenVersion, byte[] tokenHash, int expireDays, int idleDays,
            String clientAddress, String userAgent) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(START)) {
            insert.setObject(1, userId);
            insert.setInt(2, idleDays);
            insert.setObject(3, sessionId);
            insert.setObject(4, userId);
            insert.setInt(5, tokenVersion);
            insert.setInt(6, expireDays);
            insert.setString(7, clientAddress);
            insert.setString(8, userAgent);
            insert.setBytes(9, tokenHash);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not start a session", e);
        }
    }

    /** @param verifiedRequired whether only an account with a verified address may have its session go on */
    public Rotation rotate(byte[] tokenHash, byte[] nextHash, int idleDays, boolean verifiedRequired) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement rotate = connection.prepareStatement(ROTATE)) {
                rotate.setBytes(1, tokenHash);
                rotate.setBytes(2, tokenHash);
                rotate.setInt(3, idleDays);
                rotate.setBoolean(4, verifiedRequired);
                rotate.setBytes(5, nextHash);
                try (ResultSet row = rotate.executeQuery()) {
                    if (row.next()) {
                        UUID sessionId = (UUID) row.getObject(1);
                        UUID userId = (UUID) row.getObject(2);
                        if (userId == null) {
                            Optional<Ended> ended = ended(delete(connection, END, sessionId));
                            return Rotation.refused(Rotation.Outcome.ENDED, sessionId,
                                    ended.map(Ended::userId).orElse(null));
                        }
                        Array roles = row.getArray(5);
                        try {
                            return new Rotation(Rotation.Outcome.ROTATED, sessionId, userId, row.getString(3),
                                    row.getInt(4), Set.of((String[]) roles.getArray()));
                        } finally {
                            roles.free();
                        }
                    }
                }
            }
            // Not unspent: spent before (reuse, or the loser of a race, which cannot be told apart), or unknown.
            // A new statement sees what a concurrent winner committed meanwhile.
            Optional<Ended> reused = ended(delete(connection, END_BY_TOKEN, tokenHash));
            return reused.map(ended -> Rotation.refused(Rotation.Outcome.REUSED, ended.sessionId(), ended.userId()))
                    .orElse(Rotation.refused(Rotation.Outcome.UNKNOWN, null, null));
        } catch (SQLException e) {
            throw new PersistenceException("could not rotate a refresh token", e);
        }
    }

    /** Ends the session this refresh token (spent or not) belongs to. */
    public Optional<Ended> endByToken(byte[] tokenHash) {
        return delete(END_BY_TOKEN, tokenHash);
    }

    public Optional<Ended> end(UUID sessionId) {
        return delete(END, sessionId);
    }

    /** Ends the session only when it is this user's. */
    public Optional<Ended> end(UUID sessionId, UUID userId) {
        return delete(END_OF_USER, sessionId, userId);
    }

    /** The user's live sessions, newest first. */
    public List<Session> list(UUID userId, int idleDays) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LIST)) {
            select.setInt(1, idleDays);
            select.setObject(2, userId);
            select.setInt(3, idleDays);
            List<Session> sessions = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sessions.add(new Session((UUID) row.getObject(1), instant(row, 2), instant(row, 3), instant(row, 4),
                            row.getString(5), row.getString(6)));
                }
            }
            return sessions;
        } catch (SQLException e) {
            throw new PersistenceException("could not read the sessions", e);
        }
    }

    private Optional<Ended> delete(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return ended(delete(connection, sql, parameters));
        } catch (SQLException e) {
            throw new PersistenceException("could not end a session", e);
        }
    }

    private Optional<Ended> ended(Optional<Ended> ended) {
        ended.ifPresent(session -> changes.fire(new AccountChanged(session.userId())));
        return ended;
    }

    private static Optional<Ended> delete(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof byte[] bytes) {
                    delete.setBytes(i + 1, bytes);
                } else {
                    delete.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet row = delete.executeQuery()) {
                return row.next() ? Optional.of(new Ended((UUID) row.getObject(1), (UUID) row.getObject(2)))
                        : Optional.empty();
            }
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
