package io.authsvc.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;

/**
 * Puts a mail into {@code mail_outbox} in the caller's transaction, so that the mail exists exactly when the change
 * that causes it does; {@link MailSender} delivers it, and is woken when the transaction commits.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    MailSender sender;

    @Transactional(Transactional.TxType.MANDATORY)
    public void put(Mail mail) {
        em.createNativeQuery("INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, mail.recipient())
                .setParameter(3, mail.subject())
                .setParameter(4, mail.text())
                .setParameter(5, mail.html())
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                sender.wake();
            }
        });
    }
}
