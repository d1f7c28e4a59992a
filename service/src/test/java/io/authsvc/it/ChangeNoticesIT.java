package io.authsvc.it;

import static io.authsvc.it.Smtp.awaitMail;
import static io.authsvc.it.Smtp.awaitMails;
import static io.authsvc.it.Smtp.mailsTo;
import static io.authsvc.it.Smtp.part;
import static io.authsvc.it.Smtp.text;
import static io.authsvc.it.Smtp.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

/**
 * The notices of a change by {@code PUT /auth/{id}}, through the real SMTP server ({@link Smtp}): a new password,
 * by the owner or an admin, and a new address are told to the address the account had before the change; a new
 * address is named only to an old address that was verified.
 */
class ChangeNoticesIT extends DeployedService {

    static final String PASSWORD_SUBJECT = "Your password was changed";
    static final String ADDRESS_SUBJECT = "The email address of your account was changed";

    @Test
    void tellsTheOwnerOfANewPasswordByWhomeverItWasSet() throws Exception {
        JsonObject user = api.register("pwnotice").json();
        String id = user.getString("id");
        String email = user.getString("email");
        String access = api.token(user.getString("username"), Api.PASSWORD);

        String own = "my own new passphrase 7";
        Reply changed = api.putJson(id, """
                {"password": "%s", "current_password": "%s"}""".formatted(own, Api.PASSWORD), access);
        assertEquals(200, changed.status(), changed.body());
        MimeMessage first = awaitMail(email, PASSWORD_SUBJECT);
        assertTrue(text(first).contains("changed by you"), text(first));
        assertTrue(part((MimeMultipart) first.getContent(), "text/html").contains("changed by you"));

        Reply byAdmin = api.putJson(id, "{\"password\": \"set by the admin 8\"}", api.adminToken());
        assertEquals(200, byAdmin.status(), byAdmin.body());
        String second = text(awaitMails(email, PASSWORD_SUBJECT, 2).get(1));
        assertTrue(second.contains("changed by an administrator"), second);
        assertTrue(second.contains(user.getString("username")), "the notice greets its account");

        // a change that sets no password tells nothing
        assertEquals(200, api.putJson(id, "{\"full_name\": \"Pat Notice\"}", api.adminToken()).status());
        Thread.sleep(1500);
        assertEquals(2, mailsTo(email, PASSWORD_SUBJECT).size());
    }

    @Test
    void tellsTheOldAddressOfANewAddressAndANewPasswordSetTogether() throws Exception {
        JsonObject user = api.register("addrnotice").json();
        String id = user.getString("id");
        String email = user.getString("email");
        String access = api.token(user.getString("username"), Api.PASSWORD);
        String verifyToken = token(text(awaitMail(email, Smtp.VERIFY_SUBJECT)));
        assertEquals(204, api.postJson("verify-email/confirm", "{\"token\": \"" + verifyToken + "\"}", null).status());

        String second = Api.unique("addrnotice") + "@example.com";
        Reply changed = api.putJson(id, """
                {"email": "%s", "password": "a passphrase for a taker 9", "current_password": "%s"}"""
                .formatted(second, Api.PASSWORD), access);
        assertEquals(200, changed.status(), changed.body());
        String notice = text(awaitMail(email, ADDRESS_SUBJECT));
        assertTrue(notice.contains("changed by you from this address to " + second), notice);
        awaitMail(email, PASSWORD_SUBJECT);
        awaitMail(second, Smtp.VERIFY_SUBJECT);
        Thread.sleep(1500);
        assertEquals(0, mailsTo(second, PASSWORD_SUBJECT).size(), "the notices go to the address before");
        assertEquals(0, mailsTo(second, ADDRESS_SUBJECT).size());

        // the new address is not verified: a change away from it names the next one to nobody
        String third = Api.unique("addrnotice") + "@example.com";
        assertEquals(200, api.putJson(id, "{\"email\": \"" + third + "\"}", api.adminToken()).status());
        awaitMail(third, Smtp.VERIFY_SUBJECT);
        Thread.sleep(1500);
        assertEquals(0, mailsTo(second, ADDRESS_SUBJECT).size(), "no notice to an unverified address");
        assertEquals(1, mailsTo(email, ADDRESS_SUBJECT).size());
    }
}
