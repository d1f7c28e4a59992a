package io.authsvc.users.control;

import io.authsvc.accounts.control.AccountNotFound;
import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.entity.Account;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.web.ClientRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Signing an account out everywhere ({@code POST /auth/logout-all} for the caller's own, {@code POST
 * /auth/{id}/logout-all} for an admin): every token it holds, the one of this call included, stops working at once
 * (its token version moves on).
 */
@ApplicationScoped
public class SignOut {

    @Inject
    AccountStore users;

    @Inject
    AuditLog audit;

    @Inject
    ClientRequest client;

    /** @throws AccountNotFound when there is no such account */
    public void everywhere(UUID id, Account caller) {
        users.revokeTokens(id);
        audit.record(AuditEvent.LOGOUT_ALL, id, caller.id(), Origin.of(client));
    }
}
