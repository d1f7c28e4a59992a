package io.authsvc.recovery.control;

import io.authsvc.accounts.entity.AccountRules;
import io.authsvc.accounts.entity.User;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.credentials.control.PasswordHasher;
import io.authsvc.credentials.control.PasswordPolicy;
import io.authsvc.mail.MailSettings;
import io.authsvc.mail.MailSettings.Page;
import io.authsvc.mail.MailTemplates;
import io.authsvc.problems.InvalidInput;
import io.authsvc.problems.ProblemException;
import io.authsvc.recovery.control.AccountTokens.Purpose;
import io.authsvc.throttling.Throttle;
import io.authsvc.tokens.OpaqueToken;
import io.authsvc.web.ClientRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgotten passwords (OWASP's Forgot Password Cheat Sheet, ASVS 2.5): a request answers the same whether or not an
 * account has the address, and puts a mail with a single-use token (256 random bits; only its SHA-256 is stored;
 * {@code PASSWORD_RESET_EXPIRE_MINUTES}) into the outbox; the links of several requests live side by side until one
 * is spent or the account's address, password or activity changes. The token and a new password that passes the
 * rules set the password, end every session, token and other link of the account, and send the owner a notice. No token is ever logged, audited or echoed.
 */
@ApplicationScoped
public class PasswordReset {

    private static final Logger LOG = Logger.getLogger(PasswordReset.class.getName());

    /** The least time between a request's answer and its account's part (its mail is that much later). */
    static final long START_DELAY_MS = 50;

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

    /** The container's, so that the work after the answer has the application's context and a bounded pool. */
    @Resource
    ManagedScheduledExecutorService executor;

    @PostConstruct
    void check() {
        if (expireMinutes < 1) {
            throw new IllegalStateException("PASSWORD_RESET_EXPIRE_MINUTES must be at least 1, not " + expireMinutes);
        }
    }

    /**
     * Asks for a reset mail to {@code email}: the same work and the same outcome for the caller whether or not an
     * active account has the address. What only an account has (its token, its mail in the outbox, its audit line)
     * is done after the answer, on the container's executor, so that the answer's time tells nothing either; a
     * failure there (the database gone meanwhile) loses that mail alone, as a mail lost on its way would be.
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
        byte[] hash = OpaqueToken.hash(token);
        Origin origin = Origin.of(client);
        try {
            // A moment later, at a random point: started at once, it would compete with this very answer for the CPU
            // and make the answers for accounts a little slower again.
            executor.schedule(() -> start(normalized, hash, link, origin),
                    ThreadLocalRandom.current().nextLong(START_DELAY_MS, 3 * START_DELAY_MS), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException full) {
            throw new ProblemException(503, "Too many requests at once; try again shortly");
        }
    }

    /** The account's part of a request, if an account has the address; a failure loses this request's mail alone. */
    private void start(String email, byte[] hash, String link, Origin origin) {
        try {
            Optional<UUID> account = store.start(email, hash, Duration.ofMinutes(expireMinutes),
                    user -> templates.render("password-reset", user.getEmail(), Map.of("username", user.getUsername(),
                            "link", link, "minutes", String.valueOf(expireMinutes))));
            account.ifPresent(id -> audit.record(AuditEvent.PASSWORD_RESET_REQUESTED, id, null, origin));
        } catch (RuntimeException e) {
            // The address and the link stay out of the log line: the link is the token.
            LOG.log(Level.WARNING, "a password reset request could not be stored: {0}", e.getClass().getName());
        }
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
        User user = store.finish(hash, holder, passwordHash, changed -> templates.render("password-changed",
                changed.getEmail(), Map.of("username", changed.getUsername())));
        audit.record(AuditEvent.PASSWORD_RESET, user.getId(), null, Origin.of(client));
    }
}
