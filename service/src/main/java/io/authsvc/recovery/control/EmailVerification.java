package io.authsvc.recovery.control;

import io.authsvc.accounts.entity.Account;
import io.authsvc.accounts.entity.User;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.credentials.control.AddressGate;
import io.authsvc.mail.MailSettings;
import io.authsvc.mail.MailSettings.Page;
import io.authsvc.mail.MailTemplates;
import io.authsvc.mail.Outbox;
import io.authsvc.recovery.control.AccountTokens.Purpose;
import io.authsvc.throttling.Throttle;
import io.authsvc.throttling.TooManyAttempts;
import io.authsvc.tokens.OpaqueToken;
import io.authsvc.web.ClientRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether an account's owner has the account's address: a registration and a change of address put a mail with a
 * single-use token (256 random bits, only its SHA-256 stored, {@code EMAIL_VERIFY_EXPIRE_HOURS}) into the outbox in
 * their own transaction; the token marks the address verified; the owner may ask for a new mail, a few an hour.
 * With {@code REQUIRE_VERIFIED_EMAIL} a login with the right password for an unverified address is refused (and
 * sends a new mail, within the same limit), so that the start-up refuses that setting without mail.
 */
@ApplicationScoped
public class EmailVerification implements AddressGate {

    @Inject
    @ConfigProperty(name = "EMAIL_VERIFY_EXPIRE_HOURS", defaultValue = "48")
    int expireHours;

    @Inject
    @ConfigProperty(name = "REQUIRE_VERIFIED_EMAIL", defaultValue = "false")
    boolean required;

    @Inject
    MailSettings mail;

    @Inject
    MailTemplates templates;

    @Inject
    AccountTokens tokens;

    @Inject
    Outbox outbox;

    @Inject
    VerificationStore store;

    @Inject
    Throttle throttle;

    @Inject
    AuditLog audit;

    @Inject
    ClientRequest client;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        check(expireHours, required, mail.missing(Page.VERIFY_EMAIL));
    }

    /** @throws IllegalStateException for settings the service must not start with */
    static void check(int expireHours, boolean required, Optional<String> mailMissing) {
        if (expireHours < 1) {
            throw new IllegalStateException("EMAIL_VERIFY_EXPIRE_HOURS must be at least 1, not " + expireHours);
        }
        if (required && mailMissing.isPresent()) {
            throw new IllegalStateException("REQUIRE_VERIFIED_EMAIL=true needs mail, but " + mailMissing.get()
                    + " is not set: no new account could ever log in");
        }
    }

    /** Whether a login needs a verified address ({@code REQUIRE_VERIFIED_EMAIL}). */
    @Override
    public boolean required() {
        return required;
    }

    /**
     * In the caller's transaction: a verification mail to the account's address as it is now, superseding any
     * older token; nothing when mail is not configured (a registration must not fail for that).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(User user) {
        if (mail.missing(Page.VERIFY_EMAIL).isPresent()) {
            return;
        }
        String token = OpaqueToken.generate();
        tokens.issue(user, Purpose.EMAIL_VERIFICATION, OpaqueToken.hash(token), Duration.ofHours(expireHours));
        outbox.put(templates.render("email-verification", user.getEmail(), Map.of("username", user.getUsername(),
                "email", user.getEmail(), "link", mail.link(Page.VERIFY_EMAIL).orElseThrow() + "#token=" + token,
                "hours", String.valueOf(expireHours))));
        UUID id = user.getId();
        Origin origin = Origin.of(client);
        // Recorded once the mail exists: a registration that fails at its commit sent none.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    audit.record(AuditEvent.EMAIL_VERIFICATION_REQUESTED, id, null, origin);
                }
            }
        });
    }

    /**
     * A new verification mail for the caller ({@code POST /auth/verify-email}), unless its address is verified.
     *
     * @return whether a mail was put into the outbox
     * @throws TooManyAttempts past {@code EMAIL_VERIFY_MAX_PER_HOUR}
     */
    public boolean resend(Account caller) {
        mail.require(Page.VERIFY_EMAIL);
        if (caller.emailVerified()) {
            return false;
        }
        throttle.beginVerificationMail(caller.id());
        return store.resend(caller.id(), this::send);
    }

    /** After a login refused for the unverified address: a new mail, unless the account had its share this hour. */
    @Override
    public boolean remind(UUID id) {
        try {
            throttle.beginVerificationMail(id);
        } catch (TooManyAttempts enough) {
            return false;
        }
        return store.resend(id, this::send);
    }

    /**
     * Marks the address of the token's account verified.
     *
     * @throws MailTokenInvalid 400 for an unknown, used, superseded or expired token, or one of another address
     */
    public void confirm(String token) {
        mail.require(Page.VERIFY_EMAIL);
        if (!OpaqueToken.isWellFormed(token)) {
            throw new MailTokenInvalid(Purpose.EMAIL_VERIFICATION);
        }
        User user = store.verify(OpaqueToken.hash(token))
                .orElseThrow(() -> new MailTokenInvalid(Purpose.EMAIL_VERIFICATION));
        audit.record(AuditEvent.EMAIL_VERIFIED, user.getId(), null, Origin.of(client));
    }
}
