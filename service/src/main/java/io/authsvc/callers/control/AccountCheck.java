package io.authsvc.callers.control;

import io.authsvc.accounts.entity.Account;
import io.authsvc.security.TokenPrincipal;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;

/**
 * This service's check on top of the realm's token check: the account must still exist, be active and hold
 * the token's version (a password change or deactivation bumps it), the token's session must not have ended
 * ({@link LiveTokens}), and the roles are read from the database.
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
    LiveTokens liveTokens;

    @Inject
    CurrentUser currentUser;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        CredentialValidationResult result = delegate.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof TokenPrincipal principal)) {
            return result;
        }
        Optional<Account> account = liveTokens.account(principal);
        if (account.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        currentUser.set(account.get(), LiveTokens.session(principal).orElse(null));
        return new CredentialValidationResult(principal, account.get().roles());
    }
}
