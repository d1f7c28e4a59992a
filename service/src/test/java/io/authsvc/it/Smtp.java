package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' SMTP server: one GreenMail in this JVM for the whole run, on the port the servers were told
 * ({@code it.smtp.port}), started by the first test that needs it, so that the mails every registration sends are
 * delivered rather than retried; MailIT stops and starts it to show an outage. And reading what it received.
 */
final class Smtp {

    static final String VERIFY_SUBJECT = "Confirm your email address";
    static final String RESET_SUBJECT = "Reset your password";
    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]{43})");
    private static GreenMail server;

    private Smtp() {
    }

    /** Up, from now until the JVM ends (or {@link #stop}). */
    static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port"), "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Down: the service's mails wait in its outbox until {@link #server} starts a new one. */
    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    static MimeMessage awaitMail(String to, String subject) throws Exception {
        return awaitMails(to, subject, 1).getLast();
    }

    /** The mails with this subject to this address, once there are at least {@code count} (fails after 30 s). */
    static List<MimeMessage> awaitMails(String to, String subject, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<MimeMessage> mails = mailsTo(to, subject);
            if (mails.size() >= count) {
                return mails;
            }
            Thread.sleep(50);
        }
        return fail("fewer than " + count + " mails \"" + subject + "\" to " + to + " within 30 s");
    }

    /** The mails received so far to this address (any case), with this subject unless it is null, in order. */
    static List<MimeMessage> mailsTo(String to, String subject) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : server().getReceivedMessages()) {
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            if (recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(to))
                    && (subject == null || subject.equals(message.getSubject()))) {
                found.add(message);
            }
        }
        return found;
    }

    static String text(MimeMessage message) throws Exception {
        return part((MimeMultipart) message.getContent(), "text/plain");
    }

    static String part(MimeMultipart parts, String type) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return fail("no " + type + " part");
    }

    /** The token of the mail's link. */
    static String token(String text) {
        Matcher matcher = TOKEN.matcher(text);
        assertTrue(matcher.find(), "no link with a token in: " + text);
        return matcher.group(1);
    }
}
