package io.authsvc.users.control;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.control.NewAccount;
import io.authsvc.accounts.entity.Account;
import io.authsvc.accounts.entity.AccountRules;
import io.authsvc.accounts.entity.User;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.credentials.control.HashingBusy;
import io.authsvc.credentials.control.PasswordHasher;
import io.authsvc.credentials.control.PasswordPolicy;
import io.authsvc.metrics.AuthMetrics;
import io.authsvc.problems.InvalidInput;
import io.authsvc.recovery.control.EmailVerification;
import io.authsvc.throttling.Throttle;
import io.authsvc.throttling.TooManyAttempts;
import io.authsvc.web.ClientRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Creating an account, the one way for all three callers: anyone registering (counted per client address), an
 * admin provisioning (its {@code roles}, {@code is_active} and {@code email_verified} count, not counted per
 * address, the audit line names it), and the first admin at start-up. Each is checked by the same rules, hashed on
 * the hashing pool before any transaction begins, stored in one transaction with its verification mail (unless an
 * admin vouched for the address) and audited.
 */
@ApplicationScoped
public class Registration {

    @Inject
    AccountStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    Throttle throttle;

    @Inject
    ClientRequest client;

    @Inject
    AuditLog audit;

    @Inject
    AuthMetrics metrics;

    @Inject
    EmailVerification verification;

    /**
     * @param caller the caller of this request, if it sent a valid token: an admin provisions
     * @param errors what reading the request found already, reported together with what the rules find here
     */
    public User register(NewAccount asked, Optional<Account> caller, InvalidInput.Collector errors) {
        Optional<Account> admin = caller.filter(Account::isAdmin);
        NewAccount account = check(asked, admin.isPresent(), UnaryOperator.identity(), errors);
        errors.throwIfAny();
        // Before any database work: a refused call must cost next to nothing.
        hasher.checkAdmission();
        if (admin.isPresent()) {
            return store(account, hasher.hash(account.password()), admin.get().id());
        }
        // Counted before the hash is made, whether the registration then succeeds or not: each one costs a hash.
        Throttle.RegistrationAttempt attempt;
        try {
            attempt = throttle.beginRegistration(client.address());
        } catch (TooManyAttempts throttled) {
            audit.record(AuditEvent.REGISTER_THROTTLED, null, null, Origin.of(client));
            throw throttled;
        }
        String hash;
        try {
            hash = hasher.hash(account.password());
        } catch (HashingBusy busy) {
            throttle.registrationNotCounted(attempt);
            throw busy;
        }
        return store(account, hash, null);
    }

    /**
     * The first admin, from the start-up's settings, unless an admin exists or its email or username is taken.
     *
     * @param setting the name of the setting that gave each member ({@code email} → {@code BOOTSTRAP_ADMIN_EMAIL})
     * @throws InvalidInput when the settings break the rules of an account
     */
    public Optional<User> createFirstAdmin(NewAccount asked, UnaryOperator<String> setting) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        NewAccount account = check(asked, false, setting, errors);
        errors.throwIfAny();
        Optional<User> admin = users.createFirstAdmin(account.email(), account.username(),
                hasher.hash(account.password()));
        admin.ifPresent(created -> audit.record(AuditEvent.REGISTER, created.getId(), null, Origin.SERVICE));
        return admin;
    }

    /**
     * The contract's rules for a new account, each broken one added to {@code errors} under its member's name
     * ({@code field}); answers the account as it is stored: the email normalized, the roles and activity settled.
     */
    private NewAccount check(NewAccount asked, boolean provisioning, UnaryOperator<String> field,
            InvalidInput.Collector errors) {
        String email = AccountRules.normalizeEmail(asked.email());
        String username = asked.username();
        if (email != null) {
            AccountRules.checkEmail(field.apply("email"), email, errors);
        }
        if (username != null) {
            AccountRules.checkUsername(field.apply("username"), username, errors);
        }
        AccountRules.checkFullName(field.apply("full_name"), asked.fullName(), errors);
        policy.check(field.apply("password"), asked.password(), email, username, errors);
        Set<String> roles = Set.of(User.ROLE_USER);
        boolean active = true;
        boolean emailVerified = false;
        if (provisioning) {
            AccountRules.checkRoles(field.apply("roles"), asked.roles(), errors);
            roles = asked.roles() == null ? roles : asked.roles();
            active = asked.active() == null || asked.active();
            // An admin who knows the address is its owner's says so; otherwise the owner shows it, as anyone does.
            emailVerified = asked.emailVerified() != null && asked.emailVerified();
        }
        return new NewAccount(email, username, asked.fullName(), asked.password(), roles, active, emailVerified);
    }

    private User store(NewAccount account, String hash, UUID admin) {
        User user = users.register(account, hash, created -> {
            if (!created.isEmailVerified()) {
                verification.send(created);
            }
        });
        audit.record(AuditEvent.REGISTER, user.getId(), admin, Origin.of(client));
        metrics.registration();
        return user;
    }
}
