package io.authsvc.credentials.control;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.recovery.control.EmailVerification;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.throttling.Throttle;
import io.authsvc.throttling.TooManyAttempts;
import io.authsvc.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Checks a login outside any transaction (bcrypt takes a quarter second and must not hold a connection),
 * then records it. Unknown accounts and wrong passwords get the same answer after the same work: one account
 * look-up, one throttle check, one bcrypt verification at the configured cost, one failure counted.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    AccountStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    Throttle throttle;

    @Inject
    AuditLog audit;

    @Inject
    EmailVerification verification;

    /**
     * @param address the client's address, for the per-address count
     * @throws TooManyAttempts before any bcrypt work when the identifier or the address is throttled
     * @throws HashingBusy when no hashing thread could start in time; the attempt is then not counted
     */
    public User authenticate(String identifier, String password, String address) {
        // Before any database work: a refused call must cost next to nothing.
        hasher.checkAdmission();
        Optional<User> account = users.findForLogin(identifier);
        return throttled(account.map(User::getId), identifier, address,
                attempt -> check(account, password, attempt));
    }

    /**
     * A user's own {@code current_password}, checked as a login is: counted with the account's failed logins (a
     * stolen token gives no more guesses than the login form), cleared when right, on the hashing pool.
     *
     * @throws WrongCurrentPassword when it is wrong, after counting it
     */
    public void checkCurrentPassword(User account, String password, String address) {
        hasher.checkAdmission();
        throttled(Optional.of(account.getId()), account.getUsername(), address, attempt -> {
            if (!hasher.verify(password, account.getPasswordHash())) {
                audit.record(AuditEvent.LOGIN_FAILED, account.getId());
                throw new WrongCurrentPassword();
            }
            throttle.loginSucceeded(attempt);
            return account;
        });
    }

    /**
     * Runs one password check as a counted login attempt: refused before any bcrypt work when the identifier or the
     * address is throttled (and audited), and not counted when no hashing thread could take it.
     */
    private User throttled(Optional<UUID> id, String identifier, String address,
            Function<Throttle.LoginAttempt, User> check) {
        Throttle.LoginAttempt attempt;
        try {
            attempt = throttle.beginLogin(id, identifier, address);
        } catch (TooManyAttempts throttled) {
            audit.record(AuditEvent.LOGIN_THROTTLED, id.orElse(null));
            throw throttled;
        }
        try {
            return check.apply(attempt);
        } catch (HashingBusy busy) {
            // No password was checked (or, for a rehash, it was right): a 503 is no guess, and counting it
            // would lock out whoever logs in during a storm of logins once the storm has passed.
            throttle.loginNotCounted(attempt);
            throw busy;
        }
    }

    private User check(Optional<User> account, String password, Throttle.LoginAttempt attempt) {
        UUID id = account.map(User::getId).orElse(null);
        if (account.isEmpty()) {
            hasher.verifyNothing(password);
            audit.record(AuditEvent.LOGIN_FAILED, null);
            throw unauthorized();
        }
        User user = account.get();
        if (!hasher.verify(password, user.getPasswordHash())) {
            audit.record(AuditEvent.LOGIN_FAILED, id);
            throw unauthorized();
        }
        if (!user.isActive()) {
            // The right password is no guess: it neither counts as a failure nor clears the count.
            throttle.loginNotCounted(attempt);
            audit.record(AuditEvent.LOGIN_DEACTIVATED, id);
            throw new AccountDeactivated();
        }
        if (verification.required() && !user.isEmailVerified()) {
            // Right, but not yet to be let in: no failure either; the owner gets a new link (a few an hour).
            throttle.loginNotCounted(attempt);
            audit.record(AuditEvent.LOGIN_UNVERIFIED, id);
            throw new EmailNotVerified(verification.remind(id));
        }
        // A hash of another scheme or cost (passlib's, or from before PASSWORD_HASH or BCRYPT_COST changed) is
        // replaced now that the password is at hand; hashing happens here, outside the transaction.
        String rehashed = hasher.needsRehash(user.getPasswordHash()) ? hasher.hash(password) : null;
        // Checked again under the account row's lock: a password change, a deactivation or a new address that
        // committed while bcrypt ran comes first, and this login fails as it would have after it.
        User recorded = users.recordLogin(id, user.getPasswordHash(), rehashed, verification.required());
        throttle.loginSucceeded(attempt);
        audit.record(AuditEvent.LOGIN_OK, id);
        return recorded;
    }

    private static BadCredentials unauthorized() {
        return new BadCredentials();
    }
}
