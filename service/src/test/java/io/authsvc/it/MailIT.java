package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Problems.assertUnauthorized;
import static io.authsvc.it.Smtp.awaitMail;
import static io.authsvc.it.Smtp.awaitMails;
import static io.authsvc.it.Smtp.mailsTo;
import static io.authsvc.it.Smtp.part;
import static io.authsvc.it.Smtp.text;
import static io.authsvc.it.Smtp.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Password reset through a real SMTP server ({@link Smtp}: GreenMail in this JVM), with two mail senders on the
 * server ({@code MAIL_SENDER_THREADS=2}). From request to mail to confirmation to login; an unknown address answered
 * alike and sent nothing; a token used, expired or malformed refused with one body; the SMTP server
 * stopped while resets are asked, and each mail delivered once it is back, exactly once; CR/LF in an address never
 * reaching the SMTP conversation.
 */
class MailIT extends DeployedService {

    @Test
    void resetsAPasswordFromRequestToMailToConfirmation() throws Exception {
        JsonObject user = api.register("reset").json();
        String email = user.getString("email");
        String username = user.getString("username");
        JsonObject login = api.login(username, Api.PASSWORD).json();
        String access = login.getString("access_token");
        String refresh = login.getString("refresh_token");

        long start = System.nanoTime();
        Reply asked = api.postJson("password-reset", "{\"email\": \"" + email.toUpperCase() + "\"}", null);
        assertEquals(202, asked.status(), asked.body());
        MimeMessage mail = awaitMail(email, Smtp.RESET_SUBJECT);
        System.out.printf("MailIT: a reset mail reached the SMTP server %d ms after the request was sent%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertEquals("auth@example.com", mail.getFrom()[0].toString());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount(), "a text and an HTML part");
        String text = part(parts, "text/plain");
        String html = part(parts, "text/html");
        String token = token(text);
        assertTrue(text.contains("https://app.example.com/reset-password#token=" + token), text);
        assertTrue(html.contains("href=\"https://app.example.com/reset-password#token=" + token + "\""), html);
        assertTrue(text.contains(username), "the mail greets its account");

        String newPassword = "a brand new passphrase 42";
        Reply weak = api.postJson("password-reset/confirm",
                "{\"token\": \"" + token + "\", \"new_password\": \"short\"}", null);
        assertProblem(422, weak);
        Reply done = api.postJson("password-reset/confirm",
                "{\"token\": \"" + token + "\", \"new_password\": \"" + newPassword + "\"}", null);
        assertEquals(204, done.status(), done.body());

        assertEquals(401, api.login(username, Api.PASSWORD).status(), "the old password is refused");
        assertUnauthorized(api.get("me", access));
        assertEquals(400, api.postForm("login", "grant_type=refresh_token&refresh_token=" + refresh, null).status(),
                "the sessions of before ended");
        assertEquals(200, api.login(username, newPassword).status());
        awaitMail(email, "Your password was changed");

        Reply again = api.postJson("password-reset/confirm",
                "{\"token\": \"" + token + "\", \"new_password\": \"yet another passphrase 43\"}", null);
        assertSameRefusal(again);
        assertTrue(!again.body().contains(token), "no token in an error body");
        for (Path log : List.of(TestEnvironment.serverLog(), Path.of(System.getenv("ACCESS_LOG_FILE")),
                Path.of(System.getenv("AUDIT_LOG_FILE")))) {
            if (Files.exists(log)) {
                assertFalse(Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(token),
                        "the token is in " + log);
            }
        }
    }

    @Test
    void answersAnUnknownAddressAsAKnownOneAndSendsNothing() throws Exception {
        String known = api.register("known").json().getString("email");
        String unknown = Api.unique("nobody") + "@example.com";
        Reply forKnown = api.postJson("password-reset", "{\"email\": \"" + known + "\"}", null);
        Reply forUnknown = api.postJson("password-reset", "{\"email\": \"" + unknown + "\"}", null);
        assertEquals(202, forUnknown.status());
        assertEquals(forKnown.status(), forUnknown.status());
        assertEquals(forKnown.body(), forUnknown.body());
        awaitMail(known, Smtp.RESET_SUBJECT);
        Thread.sleep(2000);
        assertEquals(0, mailsTo(unknown, null).size(), "a mail to an address no account has");
    }

    @Test
    void refusesUsedExpiredAndMalformedTokensAlike() throws Exception {
        JsonObject user = api.register("tokens").json();
        String email = user.getString("email");
        assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + email + "\"}", null).status());
        String first = token(text(awaitMails(email, Smtp.RESET_SUBJECT, 1).get(0)));
        assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + email + "\"}", null).status());
        String second = token(text(awaitMails(email, Smtp.RESET_SUBJECT, 2).get(1)));
        // A newer request leaves the older link live (ResetLinksIT); spending one ends both.
        assertEquals(204, confirm(second).status());
        assertSameRefusal(confirm(second));
        assertSameRefusal(confirm(first));

        assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + email + "\"}", null).status());
        String third = token(text(awaitMails(email, Smtp.RESET_SUBJECT, 3).get(2)));
        assertEquals(1, TestEnvironment.expireMailTokens(user.getString("id"), "password_reset"));
        assertSameRefusal(confirm(third));
        assertSameRefusal(confirm("not-a-token"));
        assertSameRefusal(confirm("A".repeat(43)));
    }

    @Test
    void limitsTheMailsOfOneAddress() {
        String email = api.register("limit").json().getString("email");
        for (int i = 0; i < 3; i++) {
            assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + email + "\"}", null).status());
        }
        Reply fourth = api.postJson("password-reset", "{\"email\": \"" + email + "\"}", null);
        assertProblem(429, fourth);
        assertTrue(fourth.headers().firstValue("retry-after").isPresent());
        // an address no account has is limited alike: a 429 tells nothing about accounts
        String unknown = Api.unique("nobody") + "@example.com";
        for (int i = 0; i < 3; i++) {
            assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + unknown + "\"}", null).status());
        }
        assertProblem(429, api.postJson("password-reset", "{\"email\": \"" + unknown + "\"}", null));
    }

    @Test
    void keepsTheMailsWhileTheSmtpServerIsDownAndSendsEachOnce() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            emails.add(api.register("outage").json().getString("email"));
        }
        for (String email : emails) {
            awaitMail(email, Smtp.VERIFY_SUBJECT);
        }
        Smtp.stop();
        try {
            for (String email : emails) {
                assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + email + "\"}", null).status());
            }
            // the senders try, find no server, and put the mails back for later
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (failedAttempts(emails) < emails.size()) {
                if (System.nanoTime() > deadline) {
                    fail("the senders did not try the mails while the SMTP server was down");
                }
                Thread.sleep(100);
            }
        } finally {
            Smtp.server();
        }
        for (String email : emails) {
            awaitMail(email, Smtp.RESET_SUBJECT);
        }
        // both senders keep polling: a second copy would come within a few rounds
        Thread.sleep(4000);
        for (String email : emails) {
            assertEquals(1, mailsTo(email, Smtp.RESET_SUBJECT).size(), "reset mails to " + email);
        }
        assertEquals(0, failedAttempts(emails), "the outbox keeps no delivered mail");
    }

    @Test
    void neverLetsALineBreakReachTheSmtpConversation() throws Exception {
        String victim = api.register("victim").json().getString("email");
        for (String injected : List.of(victim + "\\r\\nBcc: evil@evil.example", victim + "\\nBcc: evil@evil.example",
                victim + "\\r\\n\\r\\nDATA", "evil@evil.example\\u0000" + victim)) {
            Reply reply = api.postJson("password-reset", "{\"email\": \"" + injected + "\"}", null);
            assertProblem(422, reply);
        }
        Thread.sleep(2000);
        for (MimeMessage message : Smtp.server().getReceivedMessages()) {
            for (Address address : message.getAllRecipients()) {
                assertFalse(address.toString().contains("evil"), "a mail went to " + address);
            }
        }
    }

    private Reply confirm(String token) {
        return api.postJson("password-reset/confirm",
                "{\"token\": \"" + token + "\", \"new_password\": \"a brand new passphrase 42\"}", null);
    }

    /** 400, one and the same body for every token that is not good. */
    private static void assertSameRefusal(Reply reply) {
        JsonObject problem = assertProblem(400, reply);
        assertEquals("The reset token is invalid, used or expired", problem.getString("detail"));
    }

    /** Mails of the outbox to these addresses that have failed at least once and are still there. */
    private static int failedAttempts(List<String> emails) throws Exception {
        try (Connection connection = TestEnvironment.connect();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM mail_outbox WHERE recipient = ANY (?) AND attempts > 0"
                                + " AND subject = '" + Smtp.RESET_SUBJECT + "'")) {
            count.setArray(1, connection.createArrayOf("text", emails.toArray()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
