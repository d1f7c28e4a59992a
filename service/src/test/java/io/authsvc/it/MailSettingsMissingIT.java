package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The service started without the settings mail needs, by {@code bin/run} as an operator would (a setting given
 * empty is not defaulted): with no way to send mail (no {@code SMTP_HOST}, {@code MAIL_DIR} empty) one warning line
 * names {@code SMTP_HOST}, every mail endpoint answers 503 naming it, and a registration still succeeds, sending
 * nothing; with mail but no reset page ({@code PASSWORD_RESET_URL} empty, no {@code PUBLIC_URL}) the reset
 * endpoints alone answer so, and a verification mail is written to {@code MAIL_DIR} as an .eml file. Beside them, a
 * start with two bad settings (one of them mail's) stops with one message naming both, and never answers.
 */
// Payara only: bin/run starts Payara Micro. The settings are the WAR's, read alike on WildFly.
@Tag("payara")
class MailSettingsMissingIT {

    private static final Set<String> SMTP = Set.of("SMTP_HOST", "SMTP_PORT", "SMTP_SECURITY");

    static ServiceRun mailOff;
    static ServiceRun noResetPage;
    static ServiceRun badSettings;
    static Path mailDir;

    @BeforeAll
    static void start() throws Exception {
        Path itDir = Files.createDirectories(Path.of(System.getProperty("it.dir", "target/it")));
        // absolute: bin/run works from the checkout's root
        mailDir = Files.createTempDirectory(itDir, "mail-").toAbsolutePath();
        // both at once: each start takes half a minute
        mailOff = ServiceRun.launch("mail-off", TestEnvironment.freePort(), Map.of("MAIL_DIR", ""), SMTP, false);
        noResetPage = ServiceRun.launch("no-reset-page", TestEnvironment.freePort(),
                Map.of("MAIL_DIR", mailDir.toString(), "PASSWORD_RESET_URL", ""), SMTP, false);
        badSettings = ServiceRun.launch("bad-settings", TestEnvironment.freePort(),
                Map.of("BCRYPT_COST", "3", "SMTP_SECURITY", "ssl"), SMTP, false);
        mailOff.awaitUp();
        noResetPage.awaitUp();
    }

    @AfterAll
    static void stop() {
        for (ServiceRun run : new ServiceRun[] {mailOff, noResetPage, badSettings}) {
            if (run != null) {
                run.close();
            }
        }
    }

    @Test
    void answersEveryMailEndpointWith503NamingTheMissingSetting() throws Exception {
        Api api = new Api(mailOff.base.toURL());
        JsonObject user = api.register("mailoff").json();
        assertFalse(user.getBoolean("email_verified"), "a registration succeeds without mail: " + user);
        String access = api.token(user.getString("username"), Api.PASSWORD);
        String token = "A".repeat(43);
        for (Reply reply : List.of(
                api.postJson("password-reset", "{\"email\": \"" + user.getString("email") + "\"}", null),
                api.postJson("password-reset/confirm", "{\"token\": \"" + token + "\", \"new_password\": \""
                        + "a brand new passphrase\"}", null),
                api.postJson("verify-email", "", access),
                api.postJson("verify-email/confirm", "{\"token\": \"" + token + "\"}", null))) {
            JsonObject problem = assertProblem(503, reply);
            assertEquals("Mail is not configured on this server: SMTP_HOST is not set", problem.getString("detail"));
        }
        List<String> warnings = lines(mailOff.log, "mail is off: ");
        assertEquals(1, warnings.size(), "one warning line at start-up: " + warnings);
        assertTrue(warnings.getFirst().contains("SMTP_HOST is not set"), warnings.getFirst());
        assertEquals(List.of(), lines(mailOff.log, "mail written to"), "no mail went anywhere");
    }

    @Test
    void answersTheResetEndpointsAloneWith503WithoutAResetPage() throws Exception {
        Api api = new Api(noResetPage.base.toURL());
        JsonObject user = api.register("noresetpage").json();
        JsonObject problem = assertProblem(503,
                api.postJson("password-reset", "{\"email\": \"" + user.getString("email") + "\"}", null));
        assertEquals("Mail is not configured on this server: PUBLIC_URL (or PASSWORD_RESET_URL) is not set",
                problem.getString("detail"));
        assertProblem(503, api.postJson("password-reset/confirm", "{\"token\": \"" + "A".repeat(43)
                + "\", \"new_password\": \"a brand new passphrase\"}", null));

        Path eml = awaitEml(user.getString("email"));
        String mail = Files.readString(eml, StandardCharsets.UTF_8);
        assertTrue(mail.contains("Subject: " + Smtp.VERIFY_SUBJECT), mail);
        assertTrue(mail.contains("https://app.example.com/verify-email#token="), mail);
        assertFalse(awaitLines(noResetPage.log, "mail written to " + eml).isEmpty(), "the file's path is printed");
        List<String> warnings = lines(noResetPage.log, "is not set; the password-reset endpoints answer 503");
        assertEquals(1, warnings.size(), "one warning line at start-up: " + warnings);
        assertEquals(List.of(), lines(noResetPage.log, "email-verification endpoints answer 503"));
    }

    @Test
    void refusesToStartWithBadSettingsNamingEachInOneMessage() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        List<String> found = lines(badSettings.log, "settings are bad");
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            found = lines(badSettings.log, "settings are bad");
        }
        assertFalse(found.isEmpty(), "the start-up names the bad settings; see " + badSettings.log);
        String message = found.getFirst();
        assertTrue(message.contains("2 settings are bad, so the service does not start (see docs/settings.md): "
                + "BCRYPT_COST must be a whole number from 4 to 31, not '3'; "
                + "SMTP_SECURITY must be starttls or tls or none, not 'ssl'"), message);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(badSettings.base.resolve("ping")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0; // not listening at all
        }
        assertTrue(status != 204, "the service must not answer with bad settings, got " + status);
    }

    /** The .eml in MAIL_DIR addressed to {@code to} (fails after 30 s). */
    private static Path awaitEml(String to) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(mailDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                    if (Files.readString(file, StandardCharsets.UTF_8).contains("To: " + to)) {
                        return file;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no .eml to " + to + " in " + mailDir + " within 30 s");
    }

    /** The lines of {@code log} holding {@code text}, once there is one (a mail is written before its line). */
    private static List<String> awaitLines(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> found = lines(log, text);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = lines(log, text);
        }
        return found;
    }

    private static List<String> lines(Path log, String text) throws Exception {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }
}
