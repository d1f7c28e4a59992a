package io.authsvc.it;

import static io.authsvc.it.Smtp.awaitMail;
import static io.authsvc.it.Smtp.part;
import static io.authsvc.it.Smtp.text;
import static io.authsvc.it.Smtp.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 29, class 9: what the auth origin must not show. The server's metrics are not served to anyone by default
 * (Payara: only with METRICS_ENABLED; WildFly keeps them on its management port),
 * the docs page serves none of the Swagger UI webjar's own pages, and a mail shows a placeholder typed into an
 * address as the characters typed, never expanded.
 */
class ExposureIT extends DeployedService {

    // WildFly keeps its metrics on its management port; the API port has none (and the tests' Payara has them on).
    @Test
    void servesNoMetricsOnTheApiPortOfWildFly() {
        assumeTrue(TestEnvironment.isWildFly(), "the tests' Payara runs with METRICS_ENABLED=true");
        String username = api.register("exposure").json().getString("username");
        api.login(username, "not the password");
        for (String path : List.of("/metrics", "/metrics/", "/metrics/application", "/metrics/base", "/metrics?x=1")) {
            assertNoFigures(path, api.get(path, null).body());
        }
    }

    // Payara: the test server runs with METRICS_ENABLED=true, as an operator who scrapes them would.
    @Tag("payara")
    @Test
    void servesMetricsWhenEnabled() {
        String username = api.register("exposure-on").json().getString("username");
        api.token(username, Api.PASSWORD);
        Reply metrics = api.get("/metrics", null);
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metrics.body().contains("auth_logins_total"), "the service's figures are there");
    }

    // Payara: the default of server-config/pre-boot-commands.asadmin, with bin/run as an operator starts it.
    @Tag("payara")
    @Test
    void keepsMetricsOffTheApiPortUnlessEnabled() throws Exception {
        try (ServiceRun run = ServiceRun.start("metrics-off", Map.of(), Set.of("METRICS_ENABLED"))) {
            Api plain = new Api(run.base.toURL());
            String username = plain.register("exposure-off").json().getString("username");
            plain.token(username, Api.PASSWORD);
            plain.login(username, "not the password");
            for (String path : List.of("/metrics", "/metrics/application", "/metrics/base", "/metrics/vendor")) {
                assertNoFigures(path, plain.get(path, null).body());
            }
            // Payara picks its virtual server by the Host header: none may serve the figures.
            for (String host : List.of("management", "localhost", "__asadmin", "server")) {
                assertNoFigures(host, rawGet(url.getHost(), run.port, "/metrics", host));
            }
        }
    }

    private static void assertNoFigures(String what, String answer) {
        assertFalse(answer.contains("auth_") || answer.contains("mp_scope") || answer.contains("# TYPE"),
                what + ": " + answer);
    }

    @Test
    void servesOnlyTheFilesOfTheServicesOwnDocsPage() throws Exception {
        for (String path : List.of("docs", "docs/docs.js", "docs/swagger-ui.css", "docs/swagger-ui-bundle.js",
                "docs/swagger-ui-standalone-preset.js", "docs/openapi.yaml")) {
            assertEquals(200, api.get(path, null).status(), path);
        }
        String version = webjarVersion();
        for (String path : List.of("docs/index.html", "docs/swagger-initializer.js", "docs/oauth2-redirect.html",
                "docs/oauth2-redirect.js", "docs/swagger-ui.js", "docs/swagger-ui-es-bundle.js",
                "docs/swagger-ui-bundle.js.map", "docs/swagger-ui.css.map", "docs/favicon-32x32.png",
                "docs/index.css", "docs/LICENSE", "docs/package.json", "webjars/swagger-ui/" + version + "/index.html",
                "webjars/swagger-ui/" + version + "/swagger-initializer.js", "webjars/swagger-ui/index.html",
                "docs/..%2Fwebjars%2Fswagger-ui%2F" + version + "%2Findex.html")) {
            Reply reply = api.get(path, null);
            assertTrue(reply.status() == 404 || reply.status() == 400, path + ": " + reply.status());
            // (WildFly's own 400 page for an escaped dot segment is HTML; the webjar's pages are what must not come)
            assertFalse(reply.body().contains("petstore") || reply.body().contains("Swagger UI</title>")
                    || reply.body().contains("SwaggerUIBundle"), path + ": " + reply.body());
        }
    }

    @Test
    void mailsShowPlaceholdersInAddressesAndNamesAsTyped() throws Exception {
        // Every placeholder the templates know, in the values a user chooses (a username cannot hold braces).
        String first = "{{link}}{{email}}{{username}}{{hours}}." + random() + "@example.com";
        String username = Api.unique("braces");
        Reply registered = api.postJson("register", """
                {"email": "%s", "username": "%s", "password": "%s", "full_name": "{{link}} {{email}} {{actor}}"}
                """.formatted(first, username, Api.PASSWORD), null);
        assertEquals(201, registered.status(), registered.body());
        JsonObject user = registered.json();
        MimeMessage verification = awaitMail(first, Smtp.VERIFY_SUBJECT);
        assertShownAsTyped(verification, first);
        assertEquals(204, api.postJson("verify-email/confirm", "{\"token\": \"" + token(text(verification)) + "\"}",
                null).status());

        String second = "{{actor}}{{days}}{{link}}{{username}}{{minutes}}." + random() + "@example.com";
        String access = api.token(username, Api.PASSWORD);
        assertEquals(200, api.putJson(user.getString("id"), """
                {"email": "%s", "current_password": "%s"}""".formatted(second, Api.PASSWORD), access).status());
        assertShownAsTyped(awaitMail(first, ChangeNoticesIT.ADDRESS_SUBJECT), second);
        assertShownAsTyped(awaitMail(second, Smtp.VERIFY_SUBJECT), second);
    }

    private static void assertShownAsTyped(MimeMessage mail, String value) throws Exception {
        String text = text(mail);
        String html = part((MimeMultipart) mail.getContent(), "text/html");
        assertTrue(text.contains(value), "the text shows " + value + " as typed: " + text);
        assertTrue(html.contains(value), "the HTML shows " + value + " as typed: " + html);
        assertEquals(1, text.split("#token=", -1).length - 1, "one link, the mail's own: " + text);
    }

    /** One GET over a socket of its own, with the Host header given (HttpClient will not send one of ours). */
    private static String rawGet(String address, int port, String path, String host) throws Exception {
        try (Socket socket = new Socket(address, port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String random() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String webjarVersion() throws Exception {
        try (InputStream in = ExposureIT.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
