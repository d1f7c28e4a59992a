package io.authsvc.recovery.control;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.control.AddressReservations;
import io.authsvc.accounts.control.EmailTaken;
import io.authsvc.accounts.entity.User;
import io.authsvc.database.Retried;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The links that undo an address change ({@code email_change_reverts}): only a token's SHA-256 is stored, with its
 * account, the address to put back and its end. Using one takes the account's row first (the order every writer of
 * the account takes), then spends the link and every later link of the account, never an earlier one: of an owner's
 * link and one an intruder made by changing the address again, the older, the owner's, wins.
 */
@ApplicationScoped
@Retried
@Transactional
public class RevertStore implements AddressReservations {

    @PersistenceContext(unitName = "auth")
    EntityManager em;


    @Inject
    AccountStore accounts;

    /** In the caller's transaction (the address change): a link that puts {@code oldEmail} back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issue(UUID userId, String oldEmail, byte[] tokenHash, Duration validity) {
        em.createNativeQuery("INSERT INTO email_change_reverts (token_hash, user_id, old_email, expires_at)"
                + " VALUES (?1, ?2, ?3, now() + make_interval(secs => ?4))")
                .setParameter(1, tokenHash).setParameter(2, userId).setParameter(3, oldEmail)
                .setParameter(4, validity.toSeconds()).executeUpdate();
    }

    /**
     * Whether {@code email} is the address a live link of another account than {@code id} would put back (null
     * {@code id}: any account), so that no one can take it away from its owner before the owner uses the link.
     */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean reserved(UUID id, String email) {
        return !em.createNativeQuery("SELECT 1 FROM email_change_reverts WHERE old_email = lower(?1)"
                + " AND expires_at > now() AND user_id <> ?2")
                .setParameter(1, email).setParameter(2, id == null ? new UUID(0, 0) : id)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Spends the link and puts its address back, verified; signs the account out everywhere and ends its mail
     * tokens (reset links among them). Empty, and nothing done, for a link that is not live.
     *
     * @throws EmailTaken when another account has the address meanwhile (only an admin can have given it)
     */
    public Optional<User> revert(byte[] tokenHash) {
        List<?> found = em.createNativeQuery("SELECT user_id FROM email_change_reverts WHERE token_hash = ?1"
                + " AND expires_at > now()").setParameter(1, tokenHash).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> locked = accounts.lock((UUID) found.getFirst());
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        User user = locked.get();
        // Spent under the account's lock: of two racing uses one deletes the row, the other finds nothing.
        List<?> spent = em.createNativeQuery("DELETE FROM email_change_reverts WHERE token_hash = ?1"
                + " AND user_id = ?2 AND expires_at > now() RETURNING old_email, seq")
                .setParameter(1, tokenHash).setParameter(2, user.getId()).getResultList();
        if (spent.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) spent.getFirst();
        String oldEmail = (String) row[0];
        em.createNativeQuery("DELETE FROM email_change_reverts WHERE user_id = ?1 AND seq > ?2")
                .setParameter(1, user.getId()).setParameter(2, ((Number) row[1]).longValue()).executeUpdate();
        // The link came to this address and was opened: its owner reads it, and it is verified again.
        accounts.restoreEmail(user, oldEmail);
        em.createNativeQuery("DELETE FROM account_tokens WHERE user_id = ?1").setParameter(1, user.getId())
                .executeUpdate();
        em.flush();
        return Optional.of(user);
    }
}
