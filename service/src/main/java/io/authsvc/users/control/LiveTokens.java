package io.authsvc.users.control;

import io.authsvc.security.TokenPrincipal;
import io.authsvc.tokens.TokenIssuer;
import io.authsvc.users.entity.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a token that the realm verified is still good on this service: its account exists, is active and holds
 * the token's version ({@code ver}), and the session it names ({@code sid}) has not ended; read in one statement.
 * A token without {@code sid} (minted before sessions, or by an operator) passes on the version alone.
 */
@ApplicationScoped
public class LiveTokens {

    @Inject
    AccountReader accounts;

    @Inject
    AuthMetrics metrics;

    /** The account, when the token is still good; a refusal is counted by its reason. */
    public Optional<Account> account(TokenPrincipal principal) {
        Optional<UUID> id = uuid(principal.getName());
        boolean namesSession = principal.claim(TokenIssuer.SESSION_CLAIM) != null;
        Optional<UUID> session = session(principal);
        if (id.isEmpty() || (namesSession && session.isEmpty())) {
            metrics.tokenRejected(id.isEmpty() ? "unknown_user" : "invalid");
            return Optional.empty();
        }
        Optional<Account> account;
        boolean sessionAlive = true;
        if (session.isPresent()) {
            Optional<AccountReader.InSession> read = accounts.find(id.get(), session.get());
            account = read.map(AccountReader.InSession::account);
            sessionAlive = read.map(AccountReader.InSession::sessionAlive).orElse(false);
        } else {
            account = accounts.find(id.get());
        }
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
