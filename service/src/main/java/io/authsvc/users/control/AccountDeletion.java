package io.authsvc.users.control;

import io.authsvc.accounts.control.AccountNotFound;
import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.control.LastActiveAdmin;
import io.authsvc.accounts.entity.Account;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.web.ClientRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Deleting an account ({@code DELETE /auth/{id}}): never the last active admin; audited with who did it. */
@ApplicationScoped
public class AccountDeletion {

    @Inject
    AccountStore users;

    @Inject
    AuditLog audit;

    @Inject
    ClientRequest client;

    /**
     * @throws AccountNotFound when there is no such account
     * @throws LastActiveAdmin when it is the last active admin
     */
    public void delete(UUID id, Account caller) {
        users.delete(id);
        audit.record(AuditEvent.DELETED, id, caller.id(), Origin.of(client));
    }
}
