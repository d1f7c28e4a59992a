package io.authsvc.recovery.control;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.entity.User;
import io.authsvc.database.Retried;
import io.authsvc.mail.Mail;
import io.authsvc.mail.Outbox;
import io.authsvc.recovery.control.AccountTokens.Purpose;
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
@Retried
@Transactional
public class ResetStore {

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    AccountStore accounts;

    @Inject
    AccountTokens tokens;

    @Inject
    Outbox outbox;


    /**
     * For the active account with this (normalized) email: a reset token beside any others it has (each request's
     * link works until one is spent or the account changes: V9__account_row.sql), and the mail that {@code mail}
     * writes for it in the outbox; nothing at all when no active account has the address.
     */
    public Optional<UUID> start(String email, byte[] tokenHash, Duration validity, Function<User, Mail> mail) {
        List<?> ids = em.createNativeQuery("SELECT id FROM users WHERE email = ?1").setParameter(1, email)
                .getResultList();
        // Under the lock, the address and the activity are as they are now, not as the look-up found them.
        Optional<User> found = ids.isEmpty() ? Optional.empty() : accounts.lock((UUID) ids.getFirst());
        if (found.isEmpty() || !found.get().isActive() || !found.get().getEmail().equals(email)) {
            return Optional.empty();
        }
        User user = found.get();
        tokens.add(user, Purpose.PASSWORD_RESET, tokenHash, validity);
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
     * token version on and so ends every session and every other reset link; the notice that {@code mail} writes goes
     * into the outbox. The password was hashed before this transaction, for the account as {@code holder} showed it:
     * under the row's lock it must still have that address and token version and be active, or nothing is done.
     *
     * @throws MailTokenInvalid when the token is not live any more, or the account changed since it was read
     */
    public User finish(byte[] tokenHash, User holder, String passwordHash, Function<User, Mail> mail) {
        User user = accounts.lock(holder.getId()).orElseThrow(() -> new MailTokenInvalid(Purpose.PASSWORD_RESET));
        if (!user.isActive() || !user.getEmail().equals(holder.getEmail())
                || user.getTokenVersion() != holder.getTokenVersion()
                || !tokens.spend(tokenHash, Purpose.PASSWORD_RESET, user.getId(), user.getEmail())) {
            throw new MailTokenInvalid(Purpose.PASSWORD_RESET);
        }
        accounts.setPassword(user, passwordHash);
        outbox.put(mail.apply(user));
        return user;
    }
}
