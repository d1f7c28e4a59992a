package io.authsvc.callers.control;

import io.authsvc.accounts.control.AccountReader;
import io.authsvc.accounts.entity.Account;
import io.authsvc.callers.cache.AccountCache;
import io.authsvc.metrics.AuthMetrics;
import io.authsvc.security.TokenPrincipal;
import io.authsvc.tokens.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a token that the realm verified is still good on this service: its account exists, is active and holds
 * the token's version ({@code ver}), and the session it names ({@code sid}) has not ended: from the account cache
 * when it holds both, otherwise read in one statement (and kept).
 * A token without {@code sid} (minted before sessions, or by an operator) passes on the version alone.
 */
@ApplicationScoped
public class LiveTokens {

    @Inject
    AccountReader accounts;

    @Inject
    AuthMetrics metrics;

    @Inject
    AccountCache cache;

    /** The account, when the token is still good; a refusal is counted by its reason. */
    public Optional<Account> account(TokenPrincipal principal) {
        Optional<UUID> id = uuid(principal.getName());
        boolean namesSession = principal.claim(TokenIssuer.SESSION_CLAIM) != null;
        Optional<UUID> session = session(principal);
        if (id.isEmpty() || (namesSession && session.isEmpty())) {
            metrics.tokenRejected(id.isEmpty() ? "unknown_user" : "invalid");
            return Optional.empty();
        }
        Found found = fromCache(id.get(), session).orElseGet(() -> fromDatabase(id.get(), session));
        Optional<Account> account = found.account();
        boolean sessionAlive = found.sessionAlive();
        String refusal = account.isEmpty() ? "unknown_user"
                : !account.get().active() ? "inactive"
                : version(principal) != account.get().tokenVersion() ? "revoked"
                : !sessionAlive ? "session_ended"
                : null;
        if (refusal != null) {
            metrics.tokenRejected(refusal);
            return Optional.empty();
        }
        return account;
    }

    /** The token's account (empty when there is none) and whether the session it names is alive. */
    private record Found(Optional<Account> account, boolean sessionAlive) {
    }

    /** From the account cache, when it holds the account and, for a token of a session, that session. */
    private Optional<Found> fromCache(UUID id, Optional<UUID> session) {
        AccountCache.Entry kept = cache.get(id);
        Instant sessionEnd = kept == null || session.isEmpty() ? null : kept.sessionEnd(session.get());
        if (kept == null || (session.isPresent() && sessionEnd == null)) {
            if (cache.usable()) {
                cache.count(false);
            }
            return Optional.empty();
        }
        cache.count(true);
        boolean alive = sessionEnd == null || sessionEnd.isAfter(Instant.now());
        return Optional.of(new Found(Optional.of(kept.account()), alive));
    }

    /** In one statement, and kept in the cache (unless the account changed meanwhile). */
    private Found fromDatabase(UUID id, Optional<UUID> session) {
        long stamp = cache.stamp(id);
        if (session.isEmpty()) {
            Optional<Account> account = accounts.find(id);
            account.ifPresent(found -> cache.put(id, stamp, found, null, null));
            return new Found(account, true);
        }
        Optional<AccountReader.InSession> read = accounts.find(id, session.get());
        read.ifPresent(found -> cache.put(id, stamp, found.account(), session.get(), found.sessionEnd()));
        return new Found(read.map(AccountReader.InSession::account),
                read.map(AccountReader.InSession::sessionAlive).orElse(false));
    }

    /** The session a token names, if any. */
    public static Optional<UUID> session(TokenPrincipal principal) {
        Object sid = principal.claim(TokenIssuer.SESSION_CLAIM);
        return sid == null ? Optional.empty() : uuid(text(sid));
    }

    private static String text(Object claim) {
        return claim instanceof JsonString string ? string.getString() : claim instanceof String string ? string : null;
    }

    private static long version(TokenPrincipal principal) {
        Object claim = principal.claim(TokenIssuer.VERSION_CLAIM);
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return claim instanceof Number number ? number.longValue() : -1;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
