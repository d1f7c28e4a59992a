package io.authsvc.users.control;

import io.authsvc.mail.Mail;
import io.authsvc.mail.Outbox;
import io.authsvc.users.cache.AccountCache;
import io.authsvc.users.control.AccountTokens.Purpose;
import io.authsvc.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
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

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    AccountTokens tokens;

    @Inject
    Outbox outbox;

    @Inject
    AccountCache cache;

    /**
     * For the active account with this (normalized) email: its older reset tokens replaced by this one, and the mail
     * that {@code mail} writes for it in the outbox; nothing at all when no active account has the address.
     */
    public Optional<UUID> start(String email, byte[] tokenHash, Duration validity, Function<User, Mail> mail) {
        List<User> found = em.createQuery("SELECT u FROM User u WHERE u.email = :email", User.class)
                .setParameter("email", email).getResultList();
        if (found.isEmpty() || !found.getFirst().isActive()) {
            return Optional.empty();
        }
        User user = found.getFirst();
        tokens.issue(user, Purpose.PASSWORD_RESET, tokenHash, validity);
        outbox.put(mail.apply(user));
        return Optional.of(user.getId());
    }

    /** The active account a live reset token of this hash names, while the account still has the token's address. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> holder(byte[] tokenHash) {
        return tokens.holder(tokenHash, Purpose.PASSWORD_RESET);
    }

    /**
     * Spends the token (once: of two racing confirmations one deletes the row) and sets the password, which moves the
     * token version on and so ends every session; the notice that {@code mail} writes goes into the outbox.
     *
     * @throws MailTokenInvalid when the token is not live any more
     */
    public User finish(byte[] tokenHash, UUID userId, String passwordHash, Function<User, Mail> mail) {
        boolean spent = tokens.spend(tokenHash, Purpose.PASSWORD_RESET, userId);
        User user = em.find(User.class, userId);
        if (!spent || user == null || !user.isActive()) {
            throw new MailTokenInvalid(Purpose.PASSWORD_RESET);
        }
        cache.changed(userId);
        user.setPasswordHash(passwordHash);
        user.revokeTokens();
        user.touch();
        outbox.put(mail.apply(user));
        return user;
    }
}
