package io.authsvc.users.control;

import io.authsvc.accounts.control.AccountNotFound;
import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.control.UserChanges;
import io.authsvc.accounts.entity.Account;
import io.authsvc.accounts.entity.AccountRules;
import io.authsvc.accounts.entity.User;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.credentials.control.Authenticator;
import io.authsvc.credentials.control.PasswordHasher;
import io.authsvc.credentials.control.PasswordPolicy;
import io.authsvc.problems.InvalidInput;
import io.authsvc.recovery.control.ChangeNotices;
import io.authsvc.throttling.Throttle;
import io.authsvc.web.ClientRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A change to one account, by itself or by an admin ({@code PUT /auth/{id}}): the rules, who may change what, the
 * current password of a user changing its own password or address (checked like a login, throttled with its failed
 * logins), renames counted against {@code PROFILE_CHANGES_PER_HOUR}, the new password hashed before the
 * transaction, the change in one transaction with its mails ({@link ChangeNotices}), and an audit line for each kind
 * of change made.
 */
@ApplicationScoped
public class AccountChange {

    @Inject
    AccountStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    Throttle throttle;

    @Inject
    Authenticator authenticator;

    @Inject
    ClientRequest client;

    @Inject
    AuditLog audit;

    @Inject
    ChangeNotices notices;

    /** @param errors what reading the request found already, reported together with what the rules find here */
    public User change(UUID id, RequestedChanges sent, Account caller, InvalidInput.Collector errors) {
        User target = users.find(id).orElseThrow(AccountNotFound::new);
        UserChanges changes = check(sent, target, caller, errors);
        boolean wasActive = target.isActive();
        boolean wasVerified = target.isEmailVerified();
        Set<String> rolesBefore = target.getRoles();
        boolean byOwner = caller.id().equals(id);
        User updated = users.update(id, changes, (user, before) -> notices.send(user, before, byOwner));
        if (changes.passwordHash() != null) {
            audit.record(AuditEvent.PASSWORD_CHANGED, id, caller.id(), Origin.of(client));
        }
        if (!updated.getRoles().equals(rolesBefore)) {
            audit.record(AuditEvent.ROLE_CHANGED, id, caller.id(), Origin.of(client));
        }
        if (updated.isEmailVerified() && !wasVerified) {
            audit.record(AuditEvent.EMAIL_VERIFIED, id, caller.id(), Origin.of(client));
        }
        if (updated.isActive() != wasActive) {
            audit.record(updated.isActive() ? AuditEvent.ACTIVATED : AuditEvent.DEACTIVATED, id, caller.id(), Origin.of(client));
        }
        return updated;
    }

    private UserChanges check(RequestedChanges sent, User target, Account caller, InvalidInput.Collector errors) {
        String email = AccountRules.normalizeEmail(sent.email());
        String username = sent.username();
        String password = sent.password();
        if (email != null) {
            AccountRules.checkEmail("email", email, errors);
        }
        if (username != null) {
            AccountRules.checkUsername("username", username, errors);
        }
        AccountRules.checkFullName("full_name", sent.fullName(), errors);
        policy.check("password", password, Objects.requireNonNullElse(email, target.getEmail()),
                Objects.requireNonNullElse(username, target.getUsername()), errors);
        AccountRules.checkRoles("roles", sent.roles(), errors);
        boolean self = caller.id().equals(target.getId());
        // What can hand the account over needs its password (ASVS 3.7.1): a new password, and a new address,
        // which the reset mail would go to. A token is not enough: a stolen one is as fresh as the owner's.
        boolean newEmail = email != null && !email.equals(target.getEmail());
        boolean reauthenticate = self && (password != null || newEmail);
        if (reauthenticate && sent.currentPassword() == null && !errors.has("current_password")) {
            errors.add("current_password", password != null ? "is required to change your own password"
                    : "is required to change your own email");
        }
        errors.throwIfAny();

        if (!caller.isAdmin()) {
            if (sent.active() != null && sent.active() != target.isActive()) {
                throw new AdminOnly("activate or deactivate an account");
            }
            if (sent.roles() != null && !sent.roles().equals(target.getRoles())) {
                throw new AdminOnly("change roles");
            }
            if (sent.emailVerified() != null && sent.emailVerified() != target.isEmailVerified()) {
                throw new AdminOnly("mark an address verified or not");
            }
        }
        if (reauthenticate) {
            authenticator.checkCurrentPassword(target, sent.currentPassword(), Origin.of(client));
        }
        boolean renames = email != null && !email.equals(target.getEmail())
                || username != null && !username.equals(target.getUsername());
        if (renames && !caller.isAdmin()) {
            // Counted before the uniqueness check: its 409 would otherwise tell anyone with an account, at any
            // rate, whose email or username exists.
            throttle.beginProfileChange(target.getId());
        }
        return new UserChanges(email, username, sent.fullNameGiven(), sent.fullName(),
                password == null ? null : hasher.hash(password), sent.active(), sent.emailVerified(), sent.roles());
    }
}
