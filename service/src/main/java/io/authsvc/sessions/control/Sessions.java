package io.authsvc.sessions.control;

import io.authsvc.accounts.entity.AccountRules;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.problems.OAuthError;
import io.authsvc.sessions.entity.RefreshToken;
import io.authsvc.sessions.entity.Session;
import io.authsvc.tokens.Token;
import io.authsvc.tokens.TokenIssuer;
import io.authsvc.web.ClientRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session use cases: a login starts a session (an access token with its {@code sid}, and a refresh token),
 * a refresh rotates the refresh token (a spent one presented again ends the session: RFC 9700 §4.14.2), and a
 * session ends by its refresh token, by its owner, or with its user's token version. No bcrypt anywhere here.
 */
@ApplicationScoped
public class Sessions {

    /** Longest User-Agent kept; browsers send 100 to 300 characters. */
    static final int USER_AGENT_MAX = 512;

    @Inject
    SessionStore store;

    @Inject
    TokenIssuer tokens;

    @Inject
    AuditLog audit;

    @Inject
    ClientRequest client;

    @Inject
    @ConfigProperty(name = "REFRESH_TOKEN_EXPIRE_DAYS", defaultValue = "30")
    int expireDays;

    @Inject
    @ConfigProperty(name = "REFRESH_TOKEN_IDLE_DAYS", defaultValue = "7")
    int idleDays;

    /** The password login's rule holds on every grant: a refresh, too, needs a verified address then. */
    @Inject
    @ConfigProperty(name = "REQUIRE_VERIFIED_EMAIL", defaultValue = "false")
    boolean verifiedRequired;

    @PostConstruct
    void check() {
        if (expireDays < 1 || idleDays < 1) {
            throw new IllegalStateException("REFRESH_TOKEN_EXPIRE_DAYS and REFRESH_TOKEN_IDLE_DAYS must be at least 1, not "
                    + expireDays + " and " + idleDays);
        }
    }

    /** The answer to a good login: its session's first access token and refresh token. */
    public Token start(UUID userId, String username, Set<String> roles, int tokenVersion, String clientAddress,
            String userAgent) {
        UUID sessionId = UUID.randomUUID();
        String refreshToken = RefreshToken.generate();
        store.start(sessionId, userId, tokenVersion, RefreshToken.hash(refreshToken), expireDays, idleDays,
                clientAddress, shorten(userAgent));
        return tokens.issue(userId, username, roles, tokenVersion, sessionId).withRefreshToken(refreshToken);
    }

    /** @throws OAuthError {@code invalid_grant}, one and the same for an unknown, spent, expired or revoked token */
    public Token refresh(String refreshToken) {
        if (!RefreshToken.isWellFormed(refreshToken)) {
            throw OAuthError.invalidGrant();
        }
        String next = RefreshToken.generate();
        Rotation rotation = store.rotate(RefreshToken.hash(refreshToken), RefreshToken.hash(next), idleDays,
                verifiedRequired);
        switch (rotation.outcome()) {
            case ROTATED -> {
                return tokens.issue(rotation.userId(), rotation.username(), rotation.roles(), rotation.tokenVersion(),
                        rotation.sessionId()).withRefreshToken(next);
            }
            case REUSED -> audit.record(AuditEvent.REFRESH_REUSED, rotation.userId(), null, Origin.of(client));
            default -> {
                // unknown, or a session that has ended: nothing to record
            }
        }
        throw OAuthError.invalidGrant();
    }

    /** RFC 7009: ends the session of a refresh token, whether spent or not; nothing happens for any other text. */
    public void revoke(String refreshToken) {
        if (RefreshToken.isWellFormed(refreshToken)) {
            store.endByToken(RefreshToken.hash(refreshToken))
                    .ifPresent(ended -> audit.record(AuditEvent.LOGOUT, ended.userId(), null, Origin.of(client)));
        }
    }

    /** Ends a session of an access token (RFC 7009 allows revoking either kind of token). */
    public void revokeSession(UUID sessionId) {
        store.end(sessionId).ifPresent(ended -> audit.record(AuditEvent.LOGOUT, ended.userId(), null, Origin.of(client)));
    }

    public List<Session> list(UUID userId) {
        return store.list(userId, idleDays);
    }

    /** @throws SessionNotFound when the user has no such session */
    public void end(UUID sessionId, UUID userId) {
        store.end(sessionId, userId).orElseThrow(SessionNotFound::new);
        audit.record(AuditEvent.SESSION_ENDED, userId, null, Origin.of(client));
    }

    /** At most {@link #USER_AGENT_MAX} characters, and none that PostgreSQL text cannot hold. */
    private static String shorten(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String kept = userAgent.length() <= USER_AGENT_MAX ? userAgent : userAgent.substring(0, USER_AGENT_MAX);
        return AccountRules.isStorableText(kept) ? kept : null;
    }
}
