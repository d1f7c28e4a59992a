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

    /** Spends the token (once: of two racing confirmations one deletes it) and marks its address verified. */
    public Optional<User> verify(byte[] tokenHash) {
        Optional<User> holder = tokens.holder(tokenHash, Purpose.EMAIL_VERIFICATION);
        if (holder.isEmpty() || !tokens.spend(tokenHash, Purpose.EMAIL_VERIFICATION, holder.get().getId())) {
            return Optional.empty();
        }
        User user = holder.get();
        cache.changed(user.getId());
        user.setEmailVerified(true);
        user.touch();
        return Optional.of(user);
    }
}
