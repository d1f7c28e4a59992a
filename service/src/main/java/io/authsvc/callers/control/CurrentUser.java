package io.authsvc.callers.control;

import io.authsvc.accounts.entity.Account;
import io.authsvc.problems.NotSignedIn;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The calling user of this request, as the account check loaded it from the database: what the old
 * service's {@code Depends(get_current_user)} gave every router. Inject it into any resource.
 */
@RequestScoped
public class CurrentUser {

    private Account user;
    private UUID session;

    void set(Account user, UUID session) {
        this.user = user;
        this.session = session;
    }

    /** The session of the caller's token ({@code sid}), or empty for a token of no session. */
    public Optional<UUID> session() {
        return Optional.ofNullable(session);
    }

    /** @throws NotSignedIn when the call carries no valid token */
    public Account get() {
        if (user == null) {
            throw new NotSignedIn();
        }
        return user;
    }

    /** The caller, when the call carries a valid token. */
    public Optional<Account> optional() {
        return Optional.ofNullable(user);
    }

    public boolean isAdmin() {
        return user != null && user.isAdmin();
    }

    public boolean is(UUID id) {
        return user != null && user.id().equals(id);
    }
}
