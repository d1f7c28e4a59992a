package io.authsvc.recovery.control;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.entity.User;
import io.authsvc.database.Retried;
import io.authsvc.recovery.control.AccountTokens.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The email verification's own transactions: a mail asked again, and a token spent to mark the address verified. */
@ApplicationScoped
@Retried
@Transactional
public class VerificationStore {

    @Inject
    AccountStore accounts;

    @Inject
    AccountTokens tokens;


    /** {@code send} for the active account {@code id} whose address is not verified; false for any other. */
    public boolean resend(UUID id, Consumer<User> send) {
        User user = accounts.lock(id).orElse(null);
        if (user == null || !user.isActive() || user.isEmailVerified()) {
            return false;
        }
        send.accept(user);
        return true;
    }

    /**
     * Spends the token (once: of two racing confirmations one deletes it) and marks its address verified; empty, and
     * nothing done, when the token is not live or its address is not the account's any more. The account's row is
     * locked before the token is read again and spent: an address change takes the same lock first, so it comes
     * wholly before (its trigger has ended the token) or wholly after (it unverifies the new address).
     */
    public Optional<User> verify(byte[] tokenHash) {
        Optional<User> locked = tokens.owner(tokenHash, Purpose.EMAIL_VERIFICATION).flatMap(accounts::lock);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        User user = locked.get();
        // Spent only while live and of the address the account has now.
        if (!user.isActive()
                || !tokens.spend(tokenHash, Purpose.EMAIL_VERIFICATION, user.getId(), user.getEmail())) {
            return Optional.empty();
        }
        accounts.markVerified(user);
        return Optional.of(user);
    }
}
