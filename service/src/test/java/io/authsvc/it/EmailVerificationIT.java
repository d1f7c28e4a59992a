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

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Email verification through the real SMTP server ({@link Smtp}): a registration mails a token that marks the
 * address verified; used, superseded, expired and malformed tokens are refused alike; a new address is unverified
 * and mailed; a new mail on request, a few an hour; an admin may vouch for an address, nobody else.
 */
class EmailVerificationIT extends DeployedService {

    @Test
    void verifiesTheAddressOfANewAccountByTheTokenOfItsMail() throws Exception {
        JsonObject user = api.register("verify").json();
        String email = user.getString("email");
        assertFalse(user.getBoolean("email_verified"), "a new address is not verified: " + user);
        String access = api.token(user.getString("username"), Api.PASSWORD);
        assertFalse(api.get("me", access).json().getBoolean("email_verified"));

        MimeMessage mail = awaitMail(email, Smtp.VERIFY_SUBJECT);
        String text = text(mail);
        String token = token(text);
        assertTrue(text.contains("https://app.example.com/verify-email#token=" + token), text);
        assertTrue(part((MimeMultipart) mail.getContent(), "text/html")
                .contains("href=\"https://app.example.com/verify-email#token=" + token + "\""));

        Reply confirmed = confirm(token);
        assertEquals(204, confirmed.status(), confirmed.body());
        assertTrue(api.get("me", access).json().getBoolean("email_verified"), "the same token sees it at once");
        assertTrue(api.get(user.getString("id"), api.adminToken()).json().getBoolean("email_verified"));
        Reply again = confirm(token);
        assertSameRefusal(again);
        assertFalse(again.body().contains(token), "no token in an error body");
        for (Path log : List.of(TestEnvironment.serverLog(), Path.of(System.getenv("ACCESS_LOG_FILE")),
                Path.of(System.getenv("AUDIT_LOG_FILE")))) {
            if (Files.exists(log)) {
                assertFalse(Files.readString(log, StandardCharsets.ISO_8859_1).contains(token),
                        "the token is in " + log);
            }
        }
    }

    @Test
    void refusesUsedSupersededExpiredAndMalformedTokensAlike() throws Exception {
        JsonObject user = api.register("vtokens").json();
        String email = user.getString("email");
        String access = api.token(user.getString("username"), Api.PASSWORD);
        String first = token(text(awaitMail(email, Smtp.VERIFY_SUBJECT)));
        Reply resent = api.postJson("verify-email", "", access);
        assertEquals(202, resent.status(), resent.body());
        String second = token(text(awaitMails(email, Smtp.VERIFY_SUBJECT, 2).get(1)));
        assertSameRefusal(confirm(first));

        assertEquals(1, TestEnvironment.expireMailTokens(user.getString("id"), "email_verification"));
        assertSameRefusal(confirm(second));
        assertSameRefusal(confirm("not-a-token"));
        assertSameRefusal(confirm("A".repeat(43)));
        assertProblem(422, api.postJson("verify-email/confirm", "{}", null));
        assertFalse(api.get("me", access).json().getBoolean("email_verified"));
    }

    @Test
    void unverifiesAChangedAddressAndMailsTheNewOne() throws Exception {
        JsonObject user = api.register("vchange").json();
        String id = user.getString("id");
        String access = api.token(user.getString("username"), Api.PASSWORD);
        String oldToken = token(text(awaitMail(user.getString("email"), Smtp.VERIFY_SUBJECT)));
        String newEmail = Api.unique("vchanged") + "@example.com";

        Reply changed = api.putJson(id, "{\"email\": \"" + newEmail + "\", \"current_password\": \"" + Api.PASSWORD
                + "\"}", access);
        assertEquals(200, changed.status(), changed.body());
        assertFalse(changed.json().getBoolean("email_verified"));
        String newToken = token(text(awaitMail(newEmail, Smtp.VERIFY_SUBJECT)));
        assertSameRefusal(confirm(oldToken));
        assertEquals(204, confirm(newToken).status());
        assertTrue(api.get("me", access).json().getBoolean("email_verified"));

        // a verified address that changes is unverified again, whoever changes it
        String third = Api.unique("vchanged") + "@example.com";
        Reply byAdmin = api.putJson(id, "{\"email\": \"" + third + "\"}", api.adminToken());
        assertFalse(byAdmin.json().getBoolean("email_verified"), byAdmin.body());
        awaitMail(third, Smtp.VERIFY_SUBJECT);
        // a PUT that keeps the address keeps its state and sends nothing
        assertEquals(200, api.putJson(id, "{\"email\": \"" + third.toUpperCase() + "\"}", access).status());
        Thread.sleep(1500);
        assertEquals(1, mailsTo(third, Smtp.VERIFY_SUBJECT).size());
    }

    @Test
    void sendsANewMailOnRequestAFewAnHour() throws Exception {
        assertUnauthorized(api.postJson("verify-email", "", null));
        JsonObject user = api.register("vresend").json();
        String access = api.token(user.getString("username"), Api.PASSWORD);
        for (int i = 0; i < 3; i++) {
            Reply sent = api.postJson("verify-email", "", access);
            assertEquals(202, sent.status(), sent.body());
        }
        Reply fourth = api.postJson("verify-email", "", access);
        assertProblem(429, fourth);
        assertTrue(fourth.headers().firstValue("retry-after").isPresent());
        // the registration's mail and three asked for, each superseding the one before
        List<MimeMessage> mails = awaitMails(user.getString("email"), Smtp.VERIFY_SUBJECT, 4);
        assertEquals(List.of(204), confirmEach(api, mails), "the newest token alone is good");
        Reply needless = api.postJson("verify-email", "", access);
        assertEquals(202, needless.status());
        assertTrue(needless.json().getString("detail").contains("verified already"), needless.body());
    }

    @Test
    void letsAnAdminAloneVouchForAnAddress() throws Exception {
        String admin = api.adminToken();
        assertTrue(api.get("me", admin).json().getBoolean("email_verified"), "the bootstrap admin's own address");
        String username = Api.unique("vouched");
        Reply provisioned = api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s", "email_verified": true}
                """.formatted(username, username, Api.PASSWORD), admin);
        assertEquals(201, provisioned.status(), provisioned.body());
        assertTrue(provisioned.json().getBoolean("email_verified"));

        String self = Api.unique("selfvouch");
        Reply anyone = api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s", "email_verified": true}
                """.formatted(self, self, Api.PASSWORD), null);
        assertEquals(201, anyone.status(), anyone.body());
        assertFalse(anyone.json().getBoolean("email_verified"), "anyone's email_verified is not even read");
        String id = anyone.json().getString("id");
        String access = api.token(self, Api.PASSWORD);
        assertProblem(403, api.putJson(id, "{\"email_verified\": true}", access));
        assertEquals(200, api.putJson(id, "{\"email_verified\": false}", access).status(), "no change asked");
        Reply vouched = api.putJson(id, "{\"email_verified\": true}", admin);
        assertEquals(200, vouched.status(), vouched.body());
        assertTrue(api.get("me", access).json().getBoolean("email_verified"));
        Thread.sleep(1500);
        assertEquals(0, mailsTo(username + "@example.com", null).size(), "no mail to a vouched-for address");
    }

    /** The statuses other than 400 that confirming the token of each mail got (any order of delivery). */
    static List<Integer> confirmEach(Api api, List<MimeMessage> mails) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (MimeMessage mail : mails) {
            Reply reply = api.postJson("verify-email/confirm", "{\"token\": \"" + token(text(mail)) + "\"}", null);
            if (reply.status() != 400) {
                statuses.add(reply.status());
            }
        }
        return statuses;
    }

    private Reply confirm(String token) {
        return api.postJson("verify-email/confirm", "{\"token\": \"" + token + "\"}", null);
    }

    private static void assertSameRefusal(Reply reply) {
        JsonObject problem = assertProblem(400, reply);
        assertEquals("The verification token is invalid, used or expired", problem.getString("detail"));
    }
}
