package io.authsvc.users.control;

import io.authsvc.mail.Mail;
import io.authsvc.mail.Outbox;
import io.authsvc.users.cache.AccountCache;
import io.authsvc.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The password reset's transactions: a token stored (its SHA-256) with its mail in the outbox, and a token spent
 * with the new password, the account's sessions ended and the notice in the outbox, each all or nothing.
 */
@ApplicationScoped
@Transactional
public class ResetStore {

    static final String PURPOSE = "password_reset";

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AccountCache cache;

    /**
     * For the active account with this (normalized) email: its older reset tokens replaced by this one, and the mail
     * that {@code mail} writes for it in the outbox; nothing at all when no active account has the address.
     */
    public Optional<UUID> start(String email, byte[] tokenHash, int minutes, Function<User, Mail> mail) {
        List<User> found = em.createQuery("SELECT u FROM User u WHERE u.email = :email", User.class)
                .setParameter("email", email).getResultList();
        if (found.isEmpty() || !found.getFirst().isActive()) {
            return Optional.empty();
        }
        User user = found.getFirst();
        em.createNativeQuery("DELETE FROM account_tokens WHERE user_id = ?1 AND purpose = ?2")
                .setParameter(1, user.getId()).setParameter(2, PURPOSE).executeUpdate();
        em.createNativeQuery("INSERT INTO account_tokens (token_hash, user_id, purpose, email, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, now() + make_interval(mins => ?5))")
                .setParameter(1, tokenHash).setParameter(2, user.getId()).setParameter(3, PURPOSE)
                .setParameter(4, user.getEmail()).setParameter(5, minutes).executeUpdate();
        outbox.put(mail.apply(user));
        return Optional.of(user.getId());
    }

    /** The active account a live token of this hash names, while the account still has the token's address. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> holder(byte[] tokenHash) {
        List<?> ids = em.createNativeQuery("SELECT t.user_id FROM account_tokens t JOIN users u ON u.id = t.user_id"
                + " WHERE t.token_hash = ?1 AND t.purpose = ?2 AND t.expires_at > now() AND u.email = t.email"
                + " AND u.is_active")
                .setParameter(1, tokenHash).setParameter(2, PURPOSE).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(User.class, ids.getFirst()));
    }

    /**
     * Spends the token (once: of two racing confirmations one deletes the row) and sets the password, which moves the
     * token version on and so ends every session; the notice that {@code mail} writes goes into the outbox.
     *
     * @throws ResetTokenInvalid when the token is not live any more
     */
    public User finish(byte[] tokenHash, UUID userId, String passwordHash, Function<User, Mail> mail) {
        int spent = em.createNativeQuery("DELETE FROM account_tokens WHERE token_hash = ?1 AND purpose = ?2"
                + " AND user_id = ?3 AND expires_at > now()")
                .setParameter(1, tokenHash).setParameter(2, PURPOSE).setParameter(3, userId).executeUpdate();
        User user = em.find(User.class, userId);
        if (spent != 1 || user == null || !user.isActive()) {
            throw new ResetTokenInvalid();
        }
        em.createNativeQuery("DELETE FROM account_tokens WHERE user_id = ?1 AND purpose = ?2")
                .setParameter(1, userId).setParameter(2, PURPOSE).executeUpdate();
        cache.changed(userId);
        user.setPasswordHash(passwordHash);
        user.revokeTokens();
        user.touch();
        outbox.put(mail.apply(user));
        return user;
    }
}
