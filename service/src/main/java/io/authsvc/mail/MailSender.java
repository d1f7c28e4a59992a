package io.authsvc.mail;

import io.authsvc.database.DatabaseUrl;
import io.authsvc.database.DirectConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the outbox in the background: {@code MAIL_SENDER_THREADS} threads (default 1), each on a connection of
 * its own, take the due mails with {@code FOR UPDATE SKIP LOCKED} (so that no two threads, on this instance or
 * another, take one mail), hand each to the SMTP server (or write it to {@code MAIL_DIR}) while holding its row,
 * and delete it once it is accepted, in the same transaction. A mail the server refuses, or that finds no server,
 * is tried again after a back-off (2 s, doubling, at most {@link #MAX_BACKOFF}); none is lost. A crash between the
 * server's acceptance and the commit sends that mail once more: SMTP cannot do better than at least once.
 */
@ApplicationScoped
public class MailSender {

    static final int BATCH = 10;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** How often the outbox is looked at when nothing wakes the sender: mails put by other instances, retries. */
    static final long POLL_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final String DUE = "SELECT id, recipient, subject, text_body, html_body, attempts FROM mail_outbox"
            + " WHERE next_attempt_at <= now() ORDER BY next_attempt_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";

    @Inject
    MailSettings settings;

    @Inject
    @ConfigProperty(name = "DATABASE_URL")
    Optional<String> databaseUrl;

    @Inject
    @ConfigProperty(name = "MAIL_SENDER_THREADS", defaultValue = "1")
    int threadCount;

    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!threads.isEmpty() || settings.transportMissing().isPresent()) {
            return;
        }
        if (threadCount < 1) {
            throw new IllegalStateException("MAIL_SENDER_THREADS must be at least 1, not " + threadCount);
        }
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl.orElse(null));
        for (int i = 1; i <= threadCount; i++) {
            Thread thread = new Thread(() -> run(url), "mail-sender-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        LOG.info(() -> "mail: " + threadCount + " sender thread(s), " + settings.smtpHost()
                .map(host -> "through " + host + ":" + settings.smtpPort())
                .orElseGet(() -> "written to " + settings.dir().orElseThrow().toAbsolutePath() + " (development only)"));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        wakeUp.release(threads.size());
        for (Thread thread : threads) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A mail was put: look at the outbox now rather than at the next poll. */
    void wake() {
        wakeUp.release();
    }

    private void run(DatabaseUrl url) {
        boolean wasDown = false;
        while (!stopping) {
            try (Connection connection = DirectConnection.open(url, "auth-mail-sender")) {
                connection.setAutoCommit(false);
                wasDown = false;
                while (!stopping) {
                    int taken = round(connection);
                    if (taken < BATCH) {
                        wakeUp.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                        wakeUp.drainPermits();
                    }
                }
            } catch (SQLException e) {
                if (!wasDown && !stopping) {
                    LOG.log(Level.WARNING, "mail: cannot reach the outbox ({0}); trying again", e.getMessage());
                    wasDown = true;
                }
                pause(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A mail of the outbox taken for delivery, with the attempts made before. */
    private record Due(UUID id, Mail mail, int attempts) {
    }

    /** One transaction: the due mails taken, each delivered and deleted or put back for later; how many were taken. */
    private int round(Connection connection) throws SQLException {
        int taken = 0;
        try {
            List<Due> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(DUE); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    due.add(new Due((UUID) row.getObject(1), new Mail(row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5)), row.getInt(6)));
                }
            }
            Transport transport = null;
            try {
                for (Due item : due) {
                    taken++;
                    UUID id = item.id();
                    try {
                        transport = deliver(id, item.mail(), transport);
                        try (PreparedStatement delete = connection.prepareStatement(
                                "DELETE FROM mail_outbox WHERE id = ?")) {
                            delete.setObject(1, id);
                            delete.executeUpdate();
                        }
                    } catch (MessagingException | IOException | RuntimeException e) {
                        transport = close(transport);
                        retryLater(connection, id, item.attempts(), e);
                    }
                }
            } finally {
                close(transport);
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the rows stay locked only until PostgreSQL notices
            }
            throw e;
        }
        return taken;
    }

    private void retryLater(Connection connection, UUID id, int attempts, Exception failure) throws SQLException {
        long seconds = Math.min(FIRST_BACKOFF.toSeconds() << Math.min(attempts, 20), MAX_BACKOFF.toSeconds());
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage()
                + (failure.getCause() == null ? "" : " (" + failure.getCause() + ")");
        LOG.warning(() -> "mail " + id + " not sent (attempt " + (attempts + 1) + ", " + reason + "); next try in "
                + seconds + " s");
        try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET attempts = attempts + 1,"
                + " next_attempt_at = now() + make_interval(secs => ?), last_error = ? WHERE id = ?")) {
            update.setLong(1, seconds);
            update.setString(2, reason.length() > 500 ? reason.substring(0, 500) : reason);
            update.setObject(3, id);
            update.executeUpdate();
        }
    }

    /** Sends one mail (connecting {@code transport} when it is not yet), or writes it to MAIL_DIR. */
    private Transport deliver(UUID id, Mail mail, Transport transport) throws MessagingException, IOException {
        Optional<Path> dir = settings.dir();
        Session session = settings.session();
        MimeMessage message = message(session, id, mail, settings.sender());
        if (dir.isPresent()) {
            Files.createDirectories(dir.get());
            Path file = dir.get().resolve(System.currentTimeMillis() + "-" + id + ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            }
            LOG.info(() -> "mail written to " + file.toAbsolutePath() + " (MAIL_DIR: development only)");
            return transport;
        }
        Transport connected = transport;
        if (connected == null) {
            connected = session.getTransport(settings.protocol());
            connected.connect(settings.smtpHost().orElseThrow(), settings.smtpPort(),
                    settings.username().orElse(null), settings.password().orElse(null));
        }
        connected.sendMessage(message, message.getAllRecipients());
        return connected;
    }

    /** The MIME message: text and HTML alternatives, UTF-8; a recipient that is not one plain address is refused. */
    static MimeMessage message(Session session, UUID id, Mail mail, InternetAddress from) throws MessagingException {
        if (mail.recipient().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new MessagingException("the recipient holds control characters");
        }
        InternetAddress to = new InternetAddress(mail.recipient(), true);
        to.validate();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart();
        alternatives.setSubType("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.setHeader("X-Auth-Mail-Id", id.toString());
        message.saveChanges();
        return message;
    }

    private static Transport close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // closing a broken connection
            }
        }
        return null;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
