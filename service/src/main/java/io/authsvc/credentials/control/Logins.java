package io.authsvc.credentials.control;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.entity.User;
import io.authsvc.database.Retried;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** A login's own transaction: the account is recorded as signed in once its password was checked. */
@ApplicationScoped
@Retried
@Transactional
public class Logins {

    @Inject
    AccountStore accounts;

    /**
     * Records a login whose password was checked against {@code checkedHash}, outside this transaction: under the
     * row's lock the account must still have that hash, be active and, when {@code verifiedRequired}, have a
     * verified address, or the login is refused as if the change had come first. {@code rehashed}, when not null,
     * replaces the hash.
     */
    public LoginOutcome record(UUID id, String checkedHash, String rehashed, boolean verifiedRequired) {
        User user = accounts.lockExisting(id);
        if (!user.getPasswordHash().equals(checkedHash)) {
            return new LoginOutcome.BadCredentials(id);
        }
        if (!user.isActive()) {
            return new LoginOutcome.Deactivated(id);
        }
        if (verifiedRequired && !user.isEmailVerified()) {
            return new LoginOutcome.Unverified(id, false);
        }
        accounts.recordLogin(user, rehashed);
        return new LoginOutcome.Granted(user);
    }
}
