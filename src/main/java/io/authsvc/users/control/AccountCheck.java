package io.authsvc.users.control;

import io.authsvc.security.TokenPrincipal;
import io.authsvc.tokens.TokenIssuer;
import io.authsvc.users.entity.Account;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonNumber;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's check on top of the realm's token check: the account must still exist, be active and hold
 * the token's version (a password change or deactivation bumps it), and its roles are read from the database.
 * A database that cannot be reached throws, which the realm turns into 503.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class AccountCheck implements IdentityStore {

    @Inject
    @Delegate
    @Any
    IdentityStore delegate;

    @Inject
    AccountReader accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuthMetrics metrics;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        CredentialValidationResult result = delegate.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof TokenPrincipal principal)) {
            return result;
        }
        Optional<UUID> id = parse(principal.getName());
        Optional<Account> account = id.flatMap(accounts::find);
        if (account.isEmpty() || !account.get().active() || version(principal) != account.get().tokenVersion()) {
            metrics.tokenRejected(account.isEmpty() ? "unknown_user" : !account.get().active() ? "inactive" : "revoked");
            return CredentialValidationResult.INVALID_RESULT;
        }
        currentUser.set(account.get());
        return new CredentialValidationResult(principal, account.get().roles());
    }

    private static long version(TokenPrincipal principal) {
        Object claim = principal.claim(TokenIssuer.VERSION_CLAIM);
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return claim instanceof Number number ? number.longValue() : -1;
    }

    private static Optional<UUID> parse(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
