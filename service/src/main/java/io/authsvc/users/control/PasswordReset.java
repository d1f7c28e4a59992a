package io.authsvc.users.control;

import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.mail.MailSettings;
import io.authsvc.mail.MailSettings.Page;
import io.authsvc.mail.MailTemplates;
import io.authsvc.problems.InvalidInput;
import io.authsvc.throttling.Throttle;
import io.authsvc.tokens.OpaqueToken;
import io.authsvc.users.control.AccountTokens.Purpose;
import io.authsvc.users.entity.AccountRules;
import io.authsvc.users.entity.User;
import io.authsvc.web.ClientRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgotten passwords (OWASP's Forgot Password Cheat Sheet, ASVS 2.5): a request answers the same whether or not an
 * account has the address, and puts a mail with a single-use token (256 random bits; only its SHA-256 is stored;
 * {@code PASSWORD_RESET_EXPIRE_MINUTES}) into the outbox; a newer request supersedes the older token. The token and
 * a new password that passes the rules set the password, end every session and token of the account, and send the
 * owner a notice. No token is ever logged, audited or echoed.
 */
@ApplicationScoped
public class PasswordReset {

    @Inject
    @ConfigProperty(name = "PASSWORD_RESET_EXPIRE_MINUTES", defaultValue = "30")
    int expireMinutes;

    @Inject
    MailSettings mail;

    @Inject
    MailTemplates templates;

    @Inject
    ResetStore store;

    @Inject
    Throttle throttle;

    @Inject
    ClientRequest client;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    AuditLog audit;

    @PostConstruct
    void check() {
        if (expireMinutes < 1) {
            throw new IllegalStateException("PASSWORD_RESET_EXPIRE_MINUTES must be at least 1, not " + expireMinutes);
        }
    }

    /**
     * Asks for a reset mail to {@code email}: the same work and the same outcome for the caller whether or not an
     * active account has the address (only then is a mail put into the outbox).
     *
     * @throws InvalidInput 422 when {@code email} is not a mail address at all
     */
    public void request(String email, InvalidInput.Collector errors) {
        mail.require(Page.RESET_PASSWORD);
        String normalized = AccountRules.normalizeEmail(email);
        if (normalized != null) {
            AccountRules.checkEmail("email", normalized, errors);
        }
        errors.throwIfAny();
        throttle.beginPasswordReset(normalized, client.address());
        String token = OpaqueToken.generate();
        String link = mail.link(Page.RESET_PASSWORD).orElseThrow() + "#token=" + token;
        Optional<UUID> account = store.start(normalized, OpaqueToken.hash(token), Duration.ofMinutes(expireMinutes),
                user -> templates.render("password-reset", user.getEmail(), Map.of("username", user.getUsername(),
                        "link", link, "minutes", String.valueOf(expireMinutes))));
        account.ifPresent(id -> audit.record(AuditEvent.PASSWORD_RESET_REQUESTED, id));
    }

    /**
     * Sets the password of the token's account.
     *
     * @throws MailTokenInvalid 400 for an unknown, used or expired token
     * @throws InvalidInput 422 when the new password breaks the rules
     */
    public void confirm(String token, String newPassword, InvalidInput.Collector errors) {
        mail.require(Page.RESET_PASSWORD);
        errors.throwIfAny();
        if (!OpaqueToken.isWellFormed(token)) {
            throw new MailTokenInvalid(Purpose.PASSWORD_RESET);
        }
        byte[] hash = OpaqueToken.hash(token);
        User holder = store.holder(hash).orElseThrow(() -> new MailTokenInvalid(Purpose.PASSWORD_RESET));
        policy.check("new_password", newPassword, holder.getEmail(), holder.getUsername(), errors);
        errors.throwIfAny();
        hasher.checkAdmission();
        String passwordHash = hasher.hash(newPassword);
        User user = store.finish(hash, holder.getId(), passwordHash, changed -> templates.render("password-changed",
                changed.getEmail(), Map.of("username", changed.getUsername())));
        audit.record(AuditEvent.PASSWORD_RESET, user.getId());
    }
}
