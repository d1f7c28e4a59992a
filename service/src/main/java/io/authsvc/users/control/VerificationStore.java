package io.authsvc.users.control;

import io.authsvc.users.cache.AccountCache;
import io.authsvc.users.control.AccountTokens.Purpose;
import io.authsvc.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The email verification's own transactions: a mail asked again, and a token spent to mark the address verified. */
@ApplicationScoped
@Transactional
public class VerificationStore {

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    AccountTokens tokens;

    @Inject
    AccountCache cache;

    /** {@code send} for the active account {@code id} whose address is not verified; false for any other. */
    public boolean resend(UUID id, Consumer<User> send) {
        User user = em.find(User.class, id);
        if (user == null || !user.isActive() || user.isEmailVerified()) {
            return false;
        }
        send.accept(user);
        return true;
    }

    /**
     * Spends the token (once: of two racing confirmations one deletes it) and marks its address verified; empty, and
     * nothing done, when the token is not live or its address is not the account's any more.
     */
    public Optional<User> verify(byte[] tokenHash) {
        Optional<User> holder = tokens.holder(tokenHash, Purpose.EMAIL_VERIFICATION);
        if (holder.isEmpty() || !tokens.spend(tokenHash, Purpose.EMAIL_VERIFICATION, holder.get().getId())) {
            return Optional.empty();
        }
        User user = holder.get();
        // By the address the token was sent to, in one statement: an address changed meanwhile stays unverified.
        int marked = em.createNativeQuery("UPDATE users SET email_verified = TRUE, updated_at = ?1"
                + " WHERE id = ?2 AND email = ?3 AND is_active")
                .setParameter(1, User.now()).setParameter(2, user.getId()).setParameter(3, user.getEmail())
                .executeUpdate();
        if (marked != 1) {
            return Optional.empty();
        }
        cache.changed(user.getId());
        return Optional.of(user);
    }
}
