package io.authsvc.recovery.control;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.entity.User;
import io.authsvc.mail.MailSettings;
import io.authsvc.mail.MailTemplates;
import io.authsvc.mail.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

/**
 * The mails of a change by {@code PUT /auth/{id}} (ASVS 2.2.3, 2.5.5), in its transaction: a new, unverified
 * address gets its verification mail; the owner hears of a new password, and of a new address, at the address the
 * account had before the change, so that whoever took over a session cannot hide either by changing the address
 * too. The notice of a new address goes only to an old address that was verified, since it names the new one, and
 * carries the link that undoes the change ({@link EmailRevert}).
 * Without mail settings no notice is sent (the change succeeds).
 */
@ApplicationScoped
public class ChangeNotices {

    @Inject
    MailSettings mail;

    @Inject
    MailTemplates templates;

    @Inject
    Outbox outbox;

    @Inject
    EmailVerification verification;

    @Inject
    EmailRevert revert;

    /**
     * @param before the account as it was before the change
     * @param byOwner whether the owner made the change (else an admin)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(User user, AccountStore.Before before, boolean byOwner) {
        boolean newAddress = !user.getEmail().equals(before.email());
        if (newAddress && !user.isEmailVerified()) {
            verification.send(user);
        }
        if (mail.transportMissing().isPresent()) {
            return;
        }
        String actor = byOwner ? "you" : "an administrator";
        if (!user.getPasswordHash().equals(before.passwordHash())) {
            outbox.put(templates.render("password-updated", before.email(),
                    Map.of("username", user.getUsername(), "actor", actor)));
        }
        if (newAddress && before.emailVerified()) {
            // With the link that undoes the change: the old address is the owner's, whoever changed it.
            Optional<String> link = revert.offer(user, before.email());
            outbox.put(templates.render(link.isPresent() ? "email-changed" : "email-changed-without-link",
                    before.email(), Map.of("username", user.getUsername(), "email", user.getEmail(), "actor", actor,
                            "link", link.orElse(""), "days", String.valueOf(revert.expireDays()))));
        }
    }
}
