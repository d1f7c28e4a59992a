package io.authsvc.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.mail.MailSettings.Page;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mails' pure parts: templates, the MIME message and its refusal of line breaks, the settings' checks. */
class MailTest {

    @Test
    void fillsTemplatesAndEscapesValuesForHtmlOnly() {
        assertEquals("Hi <b>&", MailTemplates.fill("Hi {{name}}", Map.of("name", "<b>&"), false));
        assertEquals("Hi &lt;b&gt;&amp;&quot;&#39;", MailTemplates.fill("Hi {{name}}", Map.of("name", "<b>&\"'"), true));
    }

    @Test
    void substitutesEachPlaceholderOnceNeverInsideAValue() {
        // An ordered map, each value holding the placeholders of the others: whatever is replaced first, a value's
        // text must come out as it went in (a second pass over it would put a link into someone's address).
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", "{{link}}{{username}}{{email}}@example.com");
        values.put("username", "{{link}}");
        values.put("link", "https://app.example.com/#token=x{{email}}");
        String template = "{{username}} at {{email}}: {{link}} {{unknown}}";
        assertEquals("{{link}} at {{link}}{{username}}{{email}}@example.com: https://app.example.com/#token=x{{email}}"
                + " {{unknown}}", MailTemplates.fill(template, values, false));
        assertEquals("{{link}} at {{link}}{{username}}{{email}}@example.com: https://app.example.com/#token=x{{email}}"
                + " {{unknown}}", MailTemplates.fill(template, values, true));
        assertEquals("$1 \\ $", MailTemplates.fill("{{a}} {{b}} {{c}}", Map.of("a", "$1", "b", "\\", "c", "$"), false));
    }

    @Test
    void rendersTheBundledResetMail() {
        MailTemplates templates = new MailTemplates();
        templates.directory = Optional.empty();
        Mail mail = templates.render("password-reset", "ann@example.com",
                Map.of("username", "ann", "link", "https://app.example.com/r#token=x", "minutes", "30"));
        assertEquals("Reset your password", mail.subject());
        assertTrue(mail.text().startsWith("Hello ann,"), mail.text());
        assertTrue(mail.text().contains("https://app.example.com/r#token=x") && mail.text().contains("30 minutes"));
        assertTrue(mail.html().contains("href=\"https://app.example.com/r#token=x\""), mail.html());
    }

    @Test
    void rendersTheBundledVerificationMail() {
        MailTemplates templates = new MailTemplates();
        templates.directory = Optional.empty();
        Mail mail = templates.render("email-verification", "ann@example.com", Map.of("username", "ann",
                "email", "ann@example.com", "link", "https://app.example.com/v#token=x", "hours", "48"));
        assertEquals("Confirm your email address", mail.subject());
        assertTrue(mail.text().contains("ann@example.com is your address") && mail.text().contains("48 hours"),
                mail.text());
        assertTrue(mail.html().contains("href=\"https://app.example.com/v#token=x\""), mail.html());
        assertTrue(!mail.text().contains("{{") && !mail.html().contains("{{"), "every value filled in");
    }

    @Test
    void writesATextAndAnHtmlPartToOnePlainAddress() throws Exception {
        MimeMessage message = MailSender.message(Session.getInstance(new Properties()), UUID.randomUUID(),
                new Mail("ann@example.com", "Subject", "text", "<p>html</p>"), new InternetAddress("auth@example.com"));
        assertEquals("ann@example.com", message.getAllRecipients()[0].toString());
        assertEquals(2, ((MimeMultipart) message.getContent()).getCount());
    }

    @Test
    void refusesARecipientWithALineBreakOrAControlCharacter() {
        for (String recipient : new String[] {"ann@example.com\r\nBcc: evil@evil.example", "ann@example.com\nx",
                "ann@example.com\u0000", "ann@example.com, evil@evil.example", "Ann <ann@example.com>\r\n"}) {
            assertThrows(MessagingException.class, () -> MailSender.message(Session.getInstance(new Properties()),
                    UUID.randomUUID(), new Mail(recipient, "S", "t", "h"), new InternetAddress("auth@example.com")),
                    recipient);
        }
    }

    @Test
    void namesTheMissingSetting() {
        MailSettings settings = settings(Optional.empty(), Optional.empty(), Optional.of("auth@example.com"));
        assertEquals(Optional.of("SMTP_HOST"), settings.transportMissing());
        assertEquals(Optional.of("SMTP_HOST"), settings.missing(Page.VERIFY_EMAIL));
        settings = settings(Optional.of("smtp.example.com"), Optional.empty(), Optional.empty());
        assertEquals(Optional.of("MAIL_FROM"), settings.missing(Page.RESET_PASSWORD));
        MailSettings linkless = settings(Optional.of("smtp.example.com"), Optional.empty(),
                Optional.of("auth@example.com"));
        assertEquals(Optional.empty(), linkless.transportMissing());
        assertEquals(Optional.of("PUBLIC_URL (or PASSWORD_RESET_URL)"), linkless.missing(Page.RESET_PASSWORD));
        assertEquals(Optional.of("PUBLIC_URL (or EMAIL_VERIFY_URL)"), linkless.missing(Page.VERIFY_EMAIL));
        linkless.publicUrl = Optional.of("https://auth.example.com/auth");
        assertEquals(Optional.empty(), linkless.missing(Page.RESET_PASSWORD));
        assertEquals(Optional.of("https://auth.example.com/auth/reset-password"), linkless.link(Page.RESET_PASSWORD));
        assertEquals(Optional.of("https://auth.example.com/auth/verify-email"), linkless.link(Page.VERIFY_EMAIL));
        assertEquals(587, linkless.smtpPort());
        // development: files instead of a server; each page by its own setting
        MailSettings files = settings(Optional.empty(), Optional.of("/tmp/mail"), Optional.of("auth@example.com"));
        files.resetUrl = Optional.of("http://localhost:8080/reset");
        assertEquals(Optional.empty(), files.missing(Page.RESET_PASSWORD));
        assertEquals(Optional.of("PUBLIC_URL (or EMAIL_VERIFY_URL)"), files.missing(Page.VERIFY_EMAIL));
        files.verifyUrl = Optional.of(" http://localhost:8080/verify ");
        assertEquals(Optional.of("http://localhost:8080/verify"), files.link(Page.VERIFY_EMAIL));
    }

    @Test
    void makesOneSmtpSessionOfTheSettings() {
        MailSettings on = settings(Optional.of("smtp.example.com"), Optional.empty(), Optional.of("auth@example.com"));
        assertEquals("smtp.example.com", on.session().getProperty("mail.smtp.host"));
        assertEquals("587", on.session().getProperty("mail.smtp.port"));
        assertEquals("true", on.session().getProperty("mail.smtp.starttls.required"));
        assertEquals(on.session(), on.session());
        MailSettings files = settings(Optional.empty(), Optional.of("/tmp/mail"), Optional.of("auth@example.com"));
        assertEquals(null, files.session().getProperty("mail.smtp.host"), "no SMTP server when mails go to files");
    }

    @Test
    void refusesAnUnknownSecurity() {
        MailSettings settings = settings(Optional.empty(), Optional.empty(), Optional.empty());
        settings.security = "ssl3";
        assertThrows(IllegalStateException.class, settings::init);
    }

    private static MailSettings settings(Optional<String> host, Optional<String> dir, Optional<String> from) {
        MailSettings settings = new MailSettings();
        settings.host = host;
        settings.port = Optional.empty();
        settings.username = Optional.empty();
        settings.password = Optional.empty();
        settings.security = "starttls";
        settings.from = from;
        settings.directory = dir;
        settings.resetUrl = Optional.empty();
        settings.verifyUrl = Optional.empty();
        settings.publicUrl = Optional.empty();
        settings.init();
        return settings;
    }
}
