package io.authsvc.users.control;

import io.authsvc.users.entity.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;

/**
 * The calling user of this request, as the account check loaded it from the database: what the old
 * service's {@code Depends(get_current_user)} gave every router. Inject it into any resource.
 */
@RequestScoped
public class CurrentUser {

    private Account user;

    void set(Account user) {
        this.user = user;
    }

    /** @throws NotAuthorizedException when the call carries no valid token */
    public Account get() {
        if (user == null) {
            throw new NotAuthorizedException("Bearer");
        }
        return user;
    }

    public boolean isAdmin() {
        return user != null && user.isAdmin();
    }

    public boolean is(java.util.UUID id) {
        return user != null && user.id().equals(id);
    }
}
