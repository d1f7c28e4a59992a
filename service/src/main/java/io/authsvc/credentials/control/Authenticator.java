package io.authsvc.credentials.control;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.entity.User;
import io.authsvc.audit.Origin;
import io.authsvc.throttling.Throttle;
import io.authsvc.throttling.TooManyAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a login outside any transaction (bcrypt takes a quarter second and must not hold a connection), then
 * records it, and answers a {@link LoginOutcome}. Unknown accounts and wrong passwords get the same answer after the
 * same work: one account look-up, one throttle check, one bcrypt verification at the configured cost, one failure
 * counted. Every outcome is recorded once, by {@link LoginJournal}.
 */
@ApplicationScoped
public class Authenticator {

    @Inject
    AccountStore accounts;

    @Inject
    Logins logins;

    @Inject
    PasswordHasher hasher;

    @Inject
    Throttle throttle;

    @Inject
    LoginJournal journal;

    @Inject
    AddressGate addresses;

    /**
     * @param origin the client, for the per-address count and the audit trail
     * @throws HashingBusy when no hashing thread could start in time; the attempt is then not counted
     */
    public LoginOutcome authenticate(String identifier, String password, Origin origin) {
        // Before any database work: a refused call must cost next to nothing.
        hasher.checkAdmission();
        Optional<User> account = accounts.findForLogin(identifier);
        UUID id = account.map(User::getId).orElse(null);
        Throttle.LoginAttempt attempt;
        try {
            attempt = throttle.beginLogin(Optional.ofNullable(id), identifier, origin.address());
        } catch (TooManyAttempts throttled) {
            LoginOutcome outcome = new LoginOutcome.Throttled(id, throttled.getMessage(), throttled.retryAfter());
            journal.record(outcome, null, origin);
            return outcome;
        }
        LoginOutcome outcome;
        try {
            outcome = check(account, password);
        } catch (HashingBusy busy) {
            // No password was checked (or, for a rehash, it was right): a 503 is no guess, and counting it
            // would lock out whoever logs in during a storm of logins once the storm has passed.
            throttle.loginNotCounted(attempt);
            throw busy;
        }
        journal.record(outcome, attempt, origin);
        return outcome;
    }

    private LoginOutcome check(Optional<User> account, String password) {
        if (account.isEmpty()) {
            hasher.verifyNothing(password);
            return new LoginOutcome.BadCredentials(null);
        }
        User user = account.get();
        UUID id = user.getId();
        if (!hasher.verify(password, user.getPasswordHash())) {
            return new LoginOutcome.BadCredentials(id);
        }
        if (!user.isActive()) {
            return new LoginOutcome.Deactivated(id);
        }
        if (addresses.required() && !user.isEmailVerified()) {
            // Right, but not yet to be let in; the owner gets a new link (a few an hour).
            return new LoginOutcome.Unverified(id, addresses.remind(id));
        }
        // A hash of another scheme or cost (passlib's, or from before PASSWORD_HASH or BCRYPT_COST changed) is
        // replaced now that the password is at hand; hashing happens here, outside the transaction.
        String rehashed = hasher.needsRehash(user.getPasswordHash()) ? hasher.hash(password) : null;
        // Checked again under the account row's lock: a password change, a deactivation or a new address that
        // committed while bcrypt ran comes first, and this login is refused as it would have been after it.
        return logins.record(id, user.getPasswordHash(), rehashed, addresses.required());
    }

    /**
     * A user's own {@code current_password}, checked as a login is: counted with the account's failed logins (a
     * stolen token gives no more guesses than the login form), cleared when right, on the hashing pool.
     *
     * @throws TooManyAttempts before any bcrypt work when the account or the address is throttled
     * @throws WrongCurrentPassword when it is wrong, after counting it
     */
    public void checkCurrentPassword(User account, String password, Origin origin) {
        hasher.checkAdmission();
        Throttle.LoginAttempt attempt;
        try {
            attempt = throttle.beginLogin(Optional.of(account.getId()), account.getUsername(), origin.address());
        } catch (TooManyAttempts throttled) {
            journal.recordCurrentPassword(new LoginOutcome.Throttled(account.getId(), throttled.getMessage(),
                    throttled.retryAfter()), null, origin);
            throw throttled;
        }
        boolean right;
        try {
            right = hasher.verify(password, account.getPasswordHash());
        } catch (HashingBusy busy) {
            throttle.loginNotCounted(attempt);
            throw busy;
        }
        journal.recordCurrentPassword(right ? new LoginOutcome.Granted(account)
                : new LoginOutcome.BadCredentials(account.getId()), attempt, origin);
        if (!right) {
            throw new WrongCurrentPassword();
        }
    }
}
