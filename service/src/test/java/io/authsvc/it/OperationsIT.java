package io.authsvc.it;

import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What operators and API users expect: the OpenAPI document, the docs page, health, metrics, CORS, the access log and
 * request ids in the log lines (graceful shutdown: {@link GracefulShutdownIT}).
 */
class OperationsIT extends DeployedService {

    /** Every endpoint of the contract, with the statuses its table names. */
    private static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("post /register", List.of("201", "400", "409", "422", "429")),
            Map.entry("post /", List.of("201", "400", "409", "422", "429")),
            Map.entry("post /login", List.of("200", "400", "401", "403", "429", "503")),
            Map.entry("post /logout", List.of("200", "400")),
            Map.entry("get /me/sessions", List.of("200", "401")),
            Map.entry("delete /me/sessions/{session_id}", List.of("204", "401", "404")),
            Map.entry("post /introspect", List.of("200", "401", "403")),
            Map.entry("get /.well-known/openid-configuration", List.of("200")),
            Map.entry("get /.well-known/oauth-authorization-server", List.of("200")),
            Map.entry("get /me", List.of("200", "401")),
            Map.entry("get /stats", List.of("200", "401", "403")),
            Map.entry("get /", List.of("200", "401", "403", "422")),
            Map.entry("get /{user_id}", List.of("200", "401", "403", "404")),
            Map.entry("put /{user_id}", List.of("200", "401", "403", "404", "409", "422", "429")),
            Map.entry("delete /{user_id}", List.of("204", "401", "403", "404", "409")),
            Map.entry("get /.well-known/jwks.json", List.of("200", "404")),
            Map.entry("post /logout-all", List.of("204", "401")),
            Map.entry("post /{user_id}/logout-all", List.of("204", "401", "403", "404")),
            Map.entry("post /password-reset", List.of("202", "400", "415", "422", "429", "503")),
            Map.entry("post /password-reset/confirm", List.of("204", "400", "415", "422", "503")),
            Map.entry("post /email-change/revert", List.of("204", "400", "409", "415", "422", "503")),
            Map.entry("post /verify-email", List.of("202", "401", "429", "503")),
            Map.entry("post /verify-email/confirm", List.of("204", "400", "415", "422", "503")));


    /** What the WAR's resources serve that is not the contract's: the liveness ping and the docs page's files. */
    private static final Set<String> NOT_IN_CONTRACT = Set.of("get /ping", "get /docs", "get /docs/openapi.yaml",
            "get /docs/{file}");

    /** The contract's list above is every operation the WAR's JAX-RS resources serve, read off their annotations. */
    @Test
    void listsEveryOperationOfTheResources() {
        Set<String> served = new TreeSet<>(resourceOperations());
        assertTrue(served.containsAll(NOT_IN_CONTRACT), "served: " + served);
        served.removeAll(NOT_IN_CONTRACT);
        assertEquals(new TreeSet<>(CONTRACT.keySet()), served);
    }

    /** "post /register", "get /{user_id}", ...: each resource method's HTTP method and path, templates without regexes. */
    static Set<String> resourceOperations() {
        Set<String> operations = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.authsvc")) {
            if (!type.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        String path = ("/" + base + "/" + (sub == null ? "" : sub.value()))
                                .replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
                        operations.add(http.value().toLowerCase(Locale.ROOT) + " "
                                + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
                    }
                }
            }
        }
        return operations;
    }

    @Test
    void describesEveryEndpointOfTheContractWithItsStatuses() {
        Reply reply = api.send(api.request("/openapi", null).header("Accept", "application/json"));
        assertEquals(200, reply.status(), reply.body());
        JsonObject document = reply.json();
        JsonObject paths = document.getJsonObject("paths");
        CONTRACT.forEach((operation, statuses) -> {
            String[] parts = operation.split(" ");
            // WildFly's /openapi puts the context root into the paths (see docs/operations.md, "Deploying on WildFly")
            JsonObject path = paths.getJsonObject((TestEnvironment.isWildFly() ? "/auth" : "") + parts[1]);
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
        // 404, or 400 where an escaped dot segment is refused before anything is looked up (WildFly's filter).
        Reply traversal = api.get("docs/..%2Fpom.xml", null);
        assertTrue(traversal.status() == 404 || traversal.status() == 400, traversal.status() + " " + traversal.body());
        assertFalse(traversal.body().contains("<project"), traversal.body());
    }

    @Test
    void reportsReadiness() {
        Reply ready = api.health("health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertEquals(200, api.health("health/live").status());
    }

    // Payara only: MicroProfile Metrics' /metrics, which WildFly 39 does not have (see docs/operations.md).
    @Tag("payara")
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

    // Payara only: MicroProfile Metrics' /metrics and Payara's pool figures.
    @Tag("payara")
    @Test
    void measuresHashingTheHashingQueueAndTheConnectionPool() {
        String username = api.register("hash-metrics").json().getString("username");
        double hashes = metric("auth_password_hash_seconds_count", null);
        api.token(username, Api.PASSWORD);
        assertEquals(hashes + 1, metric("auth_password_hash_seconds_count", null), "one bcrypt check per login");
        assertEquals(hashes + 1, metric("auth_password_hash_seconds_bucket", "le=\"+Inf\""));
        assertTrue(metric("auth_password_hash_seconds_bucket", "le=\"5.0\"") >= 1, "a histogram with buckets");
        assertTrue(metric("auth_password_hash_seconds_sum", null) > 0);

        assertEquals(0, present("auth_hash_queue"), "nobody waits for a hashing thread now");
        assertEquals(0, present("auth_hash_threads_busy"));
        double inUse = present("auth_db_connections_in_use");
        double idle = present("auth_db_connections_idle");
        assertTrue(inUse >= 0 && idle >= 0 && inUse + idle >= 1, "the pool has a connection: " + inUse + " / " + idle);
    }

    // Payara only: MicroProfile Metrics' /metrics.
    @Tag("payara")
    @Test
    void servesTheCallersAccountFromTheCacheAndForgetsItOnAChange() throws InterruptedException {
        String username = api.register("cache-metrics").json().getString("username");
        String token = api.token(username, Api.PASSWORD);
        assertEquals(1, present("auth_account_cache_listening"), "the listener vouches for the cache");
        assertEquals(200, api.get("me", token).status());
        // the login's own notification may still be on its way, and would drop what that call kept
        Thread.sleep(200);
        assertEquals(200, api.get("me", token).status());
        double hits = metric("auth_account_cache_hits_total", null);
        double misses = metric("auth_account_cache_misses_total", null);
        double invalidations = metric("auth_account_cache_invalidations_total", null);
        assertEquals(200, api.get("me", token).status());
        assertEquals(200, api.get("me", token).status());
        assertEquals(hits + 2, metric("auth_account_cache_hits_total", null), "two calls served from the cache");
        assertEquals(misses, metric("auth_account_cache_misses_total", null));

        String id = api.get("me", token).json().getString("id");
        assertEquals(200, api.putJson(id, "{\"full_name\": \"Cached Then Changed\"}", token).status());
        assertTrue(metric("auth_account_cache_invalidations_total", null) > invalidations, "the change dropped it");
        assertEquals("Cached Then Changed", api.get("me", token).json().getString("full_name"),
                "the next call reads the changed account");
        assertTrue(metric("auth_account_cache_misses_total", null) > misses);
        assertTrue(present("auth_account_cache_entries") >= 1);
    }

    @Test
    void writesEachRequestToTheAccessLogWithItsId() throws Exception {
        JsonObject user = api.register("access").json();
        String token = api.token(user.getString("username"), Api.PASSWORD);
        String id = "access-" + UUID.randomUUID();
        assertEquals(200, api.send(api.request("me", token).header("X-Request-Id", id)).status());
        JsonObject line = json(LogFiles.awaitLines(accessLog(), "\"" + id + "\"").get(0));
        assertEquals(id, line.getString("request_id"));
        assertEquals("GET", line.getString("method"));
        assertEquals("/auth/me", line.getString("path"));
        assertEquals(200, line.getInt("status"));
        assertEquals(user.getString("id"), line.getString("user"));
        assertTrue(line.getJsonNumber("duration_ms").doubleValue() >= 0);
        assertTrue(Instant.parse(line.getString("time")).isAfter(Instant.now().minusSeconds(60)));

        // refused, and with a query, which the log leaves out (it may hold a search for someone's email)
        String refused = "access-" + UUID.randomUUID();
        assertUnauthorized(api.send(api.request("?q=secret-search", null).header("X-Request-Id", refused)));
        JsonObject refusedLine = json(LogFiles.awaitLines(accessLog(), "\"" + refused + "\"").get(0));
        assertEquals(401, refusedLine.getInt("status"));
        assertEquals("-", refusedLine.getString("user"));
        assertFalse(refusedLine.toString().contains("secret-search"), refusedLine.toString());
    }

    // Payara only: the WAR wraps the server's log handlers only where it owns the process (io.authsvc.host.Hosts).
    @Tag("payara")
    @Test
    void namesTheRequestIdInTheLogLinesOfTheRequest() throws Exception {
        String id = "logged-" + UUID.randomUUID();
        String username = Api.unique("logged");
        Reply created = api.send(api.request("register", null).header("X-Request-Id", id)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"email": "%s@example.com", "username": "%s", "password": "%s"}
                        """.formatted(username, username, Api.PASSWORD))));
        assertEquals(201, created.status(), created.body());
        assertEquals(id, created.header("X-Request-Id"));
        // the audit line, as the server log shows it: its message starts with the id
        List<String> lines = LogFiles.awaitLines(TestEnvironment.serverLog(), "[request_id=" + id + "]",
                "\"event\":\"register\"");
        assertEquals(1, lines.size(), String.join("\n", lines));
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

    /** The value of a series that must be there. */
    private double present(String name) {
        Reply reply = api.get("/metrics", null);
        Matcher matcher = Pattern.compile("^" + name + "\\{[^}]*\\} (\\S+)$", Pattern.MULTILINE).matcher(reply.body());
        assertTrue(matcher.find(), name + " is not in /metrics");
        return Double.parseDouble(matcher.group(1));
    }

    private static Path accessLog() {
        return Path.of(System.getenv("ACCESS_LOG_FILE"));
    }

    private static JsonObject json(String line) {
        return Json.createReader(new StringReader(line)).readObject();
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
