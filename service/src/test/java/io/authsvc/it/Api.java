package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** A black-box client of the deployed service, as the old service's clients call it. */
public final class Api {

    public static final String ADMIN = "root";
    public static final String ADMIN_PASSWORD = "bootstrap-admin-password";
    public static final String PASSWORD = "correct horse battery staple";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final URI health;

    public Api(URL deployment) {
        // Arquillian's URL names the machine's address (the server listens there too), and, with other WARs
        // deployed beside it, not always the auth WAR's context: take its host and port only.
        this.base = URI.create(deployment.getProtocol() + "://" + deployment.getHost() + ":" + deployment.getPort()
                + "/auth/");
        this.health = TestEnvironment.healthBase(deployment);
    }

    /** MicroProfile Health, e.g. {@code health("health/ready")}: where the server serves it (see TestEnvironment). */
    public Reply health(String path) {
        return send(HttpRequest.newBuilder(health.resolve(path)).timeout(Duration.ofSeconds(30)).GET());
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Reply postJson(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply putJson(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply postForm(String path, String form, String token) {
        return send(request(path, token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a fresh account named {@code prefix-<random>}; answers its UserOut. */
    public Reply register(String prefix) {
        String username = unique(prefix);
        Reply reply = postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s"}
                """.formatted(username, username, PASSWORD), null);
        assertEquals(201, reply.status(), reply.body());
        return reply;
    }

    public Reply login(String username, String password) {
        return postForm("login", "username=" + encode(username) + "&password=" + encode(password), null);
    }

    public String token(String username, String password) {
        Reply reply = login(username, password);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("access_token");
    }

    public String adminToken() {
        return token(ADMIN, ADMIN_PASSWORD);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
