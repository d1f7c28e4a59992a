package io.authsvc.recovery.control;

import io.authsvc.accounts.entity.User;
import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.audit.Origin;
import io.authsvc.mail.MailSettings;
import io.authsvc.mail.MailSettings.Page;
import io.authsvc.tokens.OpaqueToken;
import io.authsvc.web.ClientRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Undoing an address change (ASVS 3.7.1): the notice to the old address carries a link with a single-use token (256
 * random bits, only its SHA-256 stored, {@code EMAIL_REVERT_EXPIRE_DAYS}) to the page of {@code EMAIL_REVERT_URL}
 * (or under {@code PUBLIC_URL}); the token puts the old address back, verified, signs the account out everywhere
 * and ends its reset links, so that whoever changed the address with a stolen session loses it. While a link is
 * live no other account can take its address. No token is ever logged, audited or echoed.
 */
@ApplicationScoped
public class EmailRevert {

    @Inject
    @ConfigProperty(name = "EMAIL_REVERT_EXPIRE_DAYS", defaultValue = "7")
    int expireDays;

    @Inject
    MailSettings mail;

    @Inject
    RevertStore store;

    @Inject
    AuditLog audit;

    @Inject
    ClientRequest client;

    @PostConstruct
    void check() {
        if (expireDays < 1) {
            throw new IllegalStateException("EMAIL_REVERT_EXPIRE_DAYS must be at least 1, not " + expireDays);
        }
    }

    /** The link's lifetime in days, for the notice's text. */
    public int expireDays() {
        return expireDays;
    }

    /**
     * In the address change's transaction: a link that puts {@code oldEmail} back on {@code user}; empty, and no
     * link stored, when no page for it is configured.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> offer(User user, String oldEmail) {
        Optional<String> page = mail.link(Page.REVERT_EMAIL);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        String token = OpaqueToken.generate();
        store.issue(user.getId(), oldEmail, OpaqueToken.hash(token), Duration.ofDays(expireDays));
        return Optional.of(page.get() + "#token=" + token);
    }

    /**
     * Puts the old address back ({@code POST /auth/email-change/revert}).
     *
     * @throws RevertTokenInvalid 400 for an unknown, used, superseded or expired token
     */
    public void revert(String token) {
        mail.require(Page.REVERT_EMAIL);
        if (!OpaqueToken.isWellFormed(token)) {
            throw new RevertTokenInvalid();
        }
        User user = store.revert(OpaqueToken.hash(token)).orElseThrow(RevertTokenInvalid::new);
        audit.record(AuditEvent.EMAIL_CHANGE_REVERTED, user.getId(), null, Origin.of(client));
    }
}
