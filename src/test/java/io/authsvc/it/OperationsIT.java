package io.authsvc.it;

import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What operators and API users expect: the OpenAPI document, the docs page, health, metrics, CORS. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    /** Every endpoint of the contract, with the statuses its table names. */
    private static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("post /register", List.of("201", "400", "409", "422", "429")),
            Map.entry("post /", List.of("201", "400", "409", "422", "429")),
            Map.entry("post /login", List.of("200", "401", "403", "429", "503")),
            Map.entry("get /me", List.of("200", "401")),
            Map.entry("get /stats", List.of("200", "401", "403")),
            Map.entry("get /", List.of("200", "401", "403", "422")),
            Map.entry("get /{user_id}", List.of("200", "401", "403", "404")),
            Map.entry("put /{user_id}", List.of("200", "401", "403", "404", "409", "422")),
            Map.entry("delete /{user_id}", List.of("204", "401", "403", "404", "409")),
            Map.entry("get /.well-known/jwks.json", List.of("200", "404")),
            Map.entry("post /logout-all", List.of("204", "401")),
            Map.entry("post /{user_id}/logout-all", List.of("204", "401", "403", "404")));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.authWar();
    }

    @ArquillianResource
    URL url;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(url);
    }

    @Test
    void describesEveryEndpointOfTheContractWithItsStatuses() {
        Reply reply = api.send(api.request("/openapi", null).header("Accept", "application/json"));
        assertEquals(200, reply.status(), reply.body());
        JsonObject document = reply.json();
        JsonObject paths = document.getJsonObject("paths");
        CONTRACT.forEach((operation, statuses) -> {
            String[] parts = operation.split(" ");
            JsonObject path = paths.getJsonObject(parts[1]);
            assertTrue(path != null && path.containsKey(parts[0]), operation + " is missing");
            JsonObject responses = path.getJsonObject(parts[0]).getJsonObject("responses");
            for (String status : statuses) {
                assertTrue(responses.containsKey(status), operation + " lacks " + status);
            }
        });
        JsonObject password = document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("oauth2").getJsonObject("flows").getJsonObject("password");
        assertEquals("/auth/login", password.getString("tokenUrl"));
        JsonObject user = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("UserOut");
        assertTrue(user.getJsonObject("properties").containsKey("full_name"), "snake_case names");
        assertTrue(user.getJsonObject("properties").containsKey("is_active"));
    }

    @Test
    void servesTheDocsPageAndNeverTakesDocsForAUserId() {
        Reply page = api.get("docs", "expired.or.broken");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("swagger-ui-bundle.js"), page.body());
        Reply bundle = api.get("docs/swagger-ui-bundle.js", null);
        assertEquals(200, bundle.status());
        assertTrue(bundle.body().length() > 100_000, "the webjar's bundle");
        assertEquals(404, api.get("docs/..%2Fpom.xml", null).status());
    }

    @Test
    void reportsReadiness() {
        Reply ready = api.get("/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertEquals(200, api.get("/health/live", null).status());
    }

    @Test
    void countsLoginsRegistrationsAndRejectedTokens() {
        String username = api.register("metrics").json().getString("username");
        double ok = metric("auth_logins_total", "outcome=\"ok\"");
        double failed = metric("auth_logins_total", "outcome=\"failed\"");
        double registrations = metric("auth_registrations_total", null);
        double rejected = metric("auth_token_rejections_total", "reason=\"invalid\"");
        api.token(username, Api.PASSWORD);
        api.login(username, "not the password");
        api.register("metrics");
        assertUnauthorized(api.get("me", "not.a.token"));
        assertEquals(ok + 1, metric("auth_logins_total", "outcome=\"ok\""));
        assertEquals(failed + 1, metric("auth_logins_total", "outcome=\"failed\""));
        assertEquals(registrations + 1, metric("auth_registrations_total", null));
        assertEquals(rejected + 1, metric("auth_token_rejections_total", "reason=\"invalid\""));
    }

    @Test
    void answersPreflightsOfAllowedOriginsWithoutAuthentication() {
        Reply preflight = api.send(api.request("me", null).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
        assertEquals(204, preflight.status(), preflight.body());
        assertEquals("https://app.example.com", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));

        Reply refused = api.send(api.request("me", null).header("Origin", "https://app.example.com"));
        assertUnauthorized(refused);
        assertEquals("https://app.example.com", refused.header("Access-Control-Allow-Origin"),
                "the browser may read the 401");

        Reply stranger = api.send(api.request("me", null).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "GET"));
        assertNull(stranger.header("Access-Control-Allow-Origin"));
        assertNull(api.send(api.request("me", null).header("Origin", "https://evil.example.net"))
                .header("Access-Control-Allow-Origin"));
    }

    /** The value of one series in the server's Prometheus text, 0 when it is not there yet. */
    private double metric(String name, String label) {
        Reply reply = api.get("/metrics", null);
        assertEquals(200, reply.status());
        Pattern line = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(reply.body());
        while (matcher.find()) {
            if (label == null || matcher.group(1).contains(label)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
