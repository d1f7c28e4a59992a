package io.authsvc.accounts.control;

import io.authsvc.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way a use case that changes an account takes its {@code users} row: locked, in the caller's transaction,
 * before any other row of the account (its tokens, its sessions), so that all such use cases take their locks in one
 * order and each one reads what it depends on (the address, the token version, whether the account is active) as it
 * is while it holds the lock, not as it was before. {@code FOR NO KEY UPDATE}: it waits for the others that change
 * the row, and lets rows that merely refer to it (a new session, a mail token) be inserted meanwhile.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountRows {

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    /**
     * The account, locked until the transaction ends, as the database holds it now; empty when there is none. The
     * first read of the account in its transaction: an entity read before the lock could be older than the row (the
     * persistence context would hand out that one), so the use cases read nothing of the account before this.
     */
    public Optional<User> lock(UUID id) {
        if (em.createNativeQuery("SELECT 1 FROM users WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, id)
                .getResultList().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** The same, for a use case that cannot go on without the account. */
    public User lockExisting(UUID id) {
        return lock(id).orElseThrow(AccountNotFound::new);
    }
}
