package io.authsvc.it;

import static io.authsvc.it.Problems.assertInvalid;
import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.build.Jwt;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Registration, login and the caller's own account: the seed's verification and the contract's edges. */
class AccountsIT extends DeployedService {

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");


    @Test
    void registersLogsInAndShowsTheCaller() {
        String username = Api.unique("ann");
        Reply created = api.postJson("register", """
                {"email": " %s@Example.COM ", "username": "%s", "password": "%s", "full_name": "Ann Lee",
                 "query_count": 7, "unknown": true}
                """.formatted(username, username, Api.PASSWORD), null);
        assertEquals(201, created.status(), created.body());
        JsonObject user = created.json();
        String id = user.getString("id");
        assertEquals(UUID.fromString(id).toString(), id);
        assertTrue(created.header("Location").endsWith("/auth/" + id), created.header("Location"));
        assertEquals(username + "@example.com", user.getString("email"));
        assertEquals("Ann Lee", user.getString("full_name"));
        assertEquals(List.of("user"), user.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(user.getBoolean("is_active"));
        assertTrue(user.isNull("last_login"), "last_login is written as null");
        assertTrue(TIMESTAMP.matcher(user.getString("created_at")).matches(), user.getString("created_at"));
        assertEquals(user.getString("created_at"), user.getString("updated_at"));
        assertTrue(!created.body().contains("password") && !created.body().contains("$2"), created.body());
        assertTrue(!created.body().contains("query_count"), created.body());

        Reply login = api.login(username, Api.PASSWORD);
        assertEquals(200, login.status(), login.body());
        assertEquals("no-store", login.header("Cache-Control"));
        assertEquals("no-cache", login.header("Pragma"));
        JsonObject token = login.json();
        assertEquals("bearer", token.getString("token_type"));
        assertEquals(1800, token.getInt("expires_in"));

        Reply me = api.get("me", token.getString("access_token"));
        assertEquals(200, me.status(), me.body());
        assertEquals(id, me.json().getString("id"));
        assertEquals(user.getString("created_at"), me.json().getString("created_at"));
        assertTrue(TIMESTAMP.matcher(me.json().getString("last_login")).matches(), me.body());
    }

    @Test
    void registersThroughTheOldPathToo() {
        String username = Api.unique("old");
        Reply created = api.postJson("", """
                {"email": "%s@example.com", "username": "%s", "password": "%s"}
                """.formatted(username, username, Api.PASSWORD), null);
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").endsWith("/auth/" + created.json().getString("id")));
        assertTrue(created.json().isNull("full_name"));
    }

    @Test
    void refusesTakenEmailAndUsernameWithoutRegardToCase() {
        String username = api.register("taken").json().getString("username");
        JsonObject original = api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s"}
                """.formatted(username + "x", username, Api.PASSWORD), null).json();
        assertEquals(409, original.getInt("status"));
        Reply sameNameOtherCase = api.postJson("register", """
                {"email": "other-%s@example.com", "username": "%s", "password": "%s"}
                """.formatted(username, username.toUpperCase(), Api.PASSWORD), null);
        assertTrue(assertProblem(409, sameNameOtherCase).getString("detail").contains("username"));
    }

    @Test
    void refusesTakenEmail() {
        String username = api.register("mail").json().getString("username");
        Reply reply = api.postJson("register", """
                {"email": "%s@EXAMPLE.com", "username": "%s", "password": "%s"}
                """.formatted(username.toUpperCase(), Api.unique("new"), Api.PASSWORD), null);
        assertTrue(assertProblem(409, reply).getString("detail").contains("email"));
    }

    @Test
    void explainsEveryBrokenRuleOfARegistration() {
        assertInvalid("email", api.postJson("register", """
                {"email": "not-an-address", "username": "valid-name", "password": "%s"}""".formatted(Api.PASSWORD), null));
        assertInvalid("username", api.postJson("register", """
                {"email": "a@example.com", "username": "no spaces!", "password": "%s"}""".formatted(Api.PASSWORD), null));
        assertInvalid("username", api.postJson("register", """
                {"email": "a@example.com", "username": "ab", "password": "%s"}""".formatted(Api.PASSWORD), null));
        assertInvalid("password", api.postJson("register", """
                {"email": "a@example.com", "username": "valid-name", "password": "short"}""", null));
        assertInvalid("full_name", api.postJson("register", """
                {"email": "a@example.com", "username": "valid-name", "password": "%s", "full_name": "%s"}"""
                .formatted(Api.PASSWORD, "x".repeat(201)), null));
        assertInvalid("email", api.postJson("register", """
                {"email": "%s@example.com", "username": "valid-name", "password": "%s"}"""
                .formatted("a".repeat(250), Api.PASSWORD), null));
        assertInvalid("password", api.postJson("register", """
                {"username": "valid-name", "email": "a@example.com"}""", null));
        assertInvalid("email", api.postJson("register", """
                {"email": 5, "username": "valid-name", "password": "%s"}""".formatted(Api.PASSWORD), null));
        assertInvalid("body", api.postJson("register", "[1, 2]", null));
        assertProblem(400, api.postJson("register", "{\"email\": ", null));
    }

    @Test
    void refusesAPasswordOverBcryptsLimitRatherThanCuttingIt() {
        String username = Api.unique("long");
        // 25 three-byte characters: 25 code points, 75 bytes.
        String tooLong = "€".repeat(25);
        assertEquals(75, tooLong.getBytes(StandardCharsets.UTF_8).length);
        assertInvalid("password", api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s"}
                """.formatted(username, username, tooLong), null));
        // 24 of them are 72 bytes: accepted, and any Unicode works.
        String longest = "€".repeat(24);
        Reply created = api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s"}
                """.formatted(username, username, longest), null);
        assertEquals(201, created.status(), created.body());
        assertEquals(200, api.login(username, longest).status());
        assertUnauthorized(api.login(username, longest + "€"));
    }

    @Test
    void refusesAPasswordEqualToTheUsernameOrEmail() {
        String username = Api.unique("same-as-name");
        assertInvalid("password", api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s"}
                """.formatted(username, username, username), null));
    }

    @Test
    void logsInWithTheOAuth2PasswordFormAndWithJson() {
        String username = api.register("oauth").json().getString("username");
        Reply form = api.postForm("login", "grant_type=password&username=" + username + "&password="
                + Api.encode(Api.PASSWORD) + "&scope=read+write&client_id=swagger&client_secret=", null);
        assertEquals(200, form.status(), form.body());
        Reply byEmail = api.login(username.toUpperCase() + "@EXAMPLE.COM", Api.PASSWORD);
        assertEquals(200, byEmail.status(), byEmail.body());
        Reply json = api.postJson("login", """
                {"username": "%s", "password": "%s"}""".formatted(username, Api.PASSWORD), null);
        assertEquals(200, json.status(), json.body());
        assertEquals(200, api.get("me", json.json().getString("access_token")).status());
    }

    @Test
    void answersTheSame401ForAnUnknownUserAndAWrongPassword() {
        String username = api.register("wrong").json().getString("username");
        Reply wrongPassword = api.login(username, "not the password at all");
        Reply unknownUser = api.login(Api.unique("nobody"), "not the password at all");
        assertUnauthorized(wrongPassword);
        assertUnauthorized(unknownUser);
        assertEquals(wrongPassword.body(), unknownUser.body());
        assertInvalid("password", api.postForm("login", "username=" + username, null));
        assertProblem(415, api.send(api.request("login", null).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x"))));
    }

    @Test
    void ignoresABadOrExpiredTokenOnOpenEndpoints() {
        String username = api.register("open").json().getString("username");
        String expired = Jwt.issuer("auth-service").subject(UUID.randomUUID().toString()).upn(username)
                .groups("user").issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .signWithSecret(System.getenv("SECRET_KEY"));
        Reply login = api.postForm("login", "username=" + username + "&password=" + Api.encode(Api.PASSWORD), expired);
        assertEquals(200, login.status(), login.body());
        Reply broken = api.postForm("login", "username=" + username + "&password=" + Api.encode(Api.PASSWORD), "x.y.z");
        assertEquals(200, broken.status(), broken.body());
        String other = Api.unique("open");
        Reply register = api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s"}
                """.formatted(other, other, Api.PASSWORD), expired);
        assertEquals(201, register.status(), register.body());
    }

    @Test
    void refusesTokensThatAreNotGood() {
        String id = api.register("tokens").json().getString("id");
        String secret = System.getenv("SECRET_KEY");
        Instant now = Instant.now();
        assertUnauthorized(api.get("me", null));
        assertUnauthorized(api.get("me", "not-a-jwt"));
        assertUnauthorized(api.get("me", Jwt.issuer("auth-service").subject(id).groups("user").issuedAt(now)
                .expiresAt(now.plusSeconds(600)).claim("ver", 0).signWithSecret("another-key-that-is-long-enough-0123456789")));
        assertUnauthorized(api.get("me", Jwt.issuer("someone-else").subject(id).groups("user").issuedAt(now)
                .expiresAt(now.plusSeconds(600)).claim("ver", 0).signWithSecret(secret)));
        assertUnauthorized(api.get("me", Jwt.issuer("auth-service").subject(id).groups("user")
                .issuedAt(now.minusSeconds(3600)).expiresAt(now.minusSeconds(120)).claim("ver", 0).signWithSecret(secret)));
        // alg: none, with the claims of a good token
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"auth-service\",\"sub\":\""
                + id + "\",\"groups\":[\"user\"],\"ver\":0,\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + (now.getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8)) + ".";
        assertUnauthorized(api.get("me", unsigned));
        assertUnauthorized(api.get("me", "a".repeat(9000)));
        // the same claims, properly signed, pass: the refusals above are about what is wrong with each
        assertEquals(200, api.get("me", Jwt.issuer("auth-service").subject(id).groups("user").issuedAt(now)
                .expiresAt(now.plusSeconds(600)).claim("ver", 0).signWithSecret(secret)).status());
    }

    @Test
    void acceptsAPasslibHashWrittenStraightIntoTheTable() throws Exception {
        Properties fixture = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/passlib-hashes.properties")) {
            fixture.load(in);
        }
        String hash = fixture.getProperty("cost12.hash");
        assertTrue(hash.startsWith("$2b$12$"), hash);
        String username = Api.unique("legacy");
        TestEnvironment.insertUser(username, hash);
        assertUnauthorized(api.login(username, "wrong " + fixture.getProperty("cost12.password")));
        Reply login = api.login(username, fixture.getProperty("cost12.password"));
        assertEquals(200, login.status(), login.body());
        assertEquals(username, api.get("me", login.json().getString("access_token")).json().getString("username"));
    }

    @Test
    void givesExactlyOneOfEightParallelRegistrationsOfOneUsername() throws Exception {
        String username = Api.unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String email = username + "-" + i + "@example.com";
            replies.add(pool.submit(() -> {
                start.await();
                return api.postJson("register", """
                        {"email": "%s", "username": "%s", "password": "%s"}
                        """.formatted(email, i0(username, email), Api.PASSWORD), null);
            }));
        }
        start.countDown();
        int created = 0;
        int conflicts = 0;
        for (Future<Reply> future : replies) {
            Reply reply = future.get();
            if (reply.status() == 201) {
                created++;
            } else {
                assertProblem(409, reply);
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(7, conflicts);
    }

    /** Every racer asks for the same username, in a different letter case for some. */
    private static String i0(String username, String email) {
        return email.hashCode() % 2 == 0 ? username : username.toUpperCase();
    }

    @Test
    void refusesADeactivatedAccountOnlyAfterTheRightPassword() {
        JsonObject user = api.register("inactive").json();
        String admin = api.adminToken();
        assertEquals(200, api.putJson(user.getString("id"), "{\"is_active\": false}", admin).status());
        assertUnauthorized(api.login(user.getString("username"), "wrong password entirely"));
        assertProblem(403, api.login(user.getString("username"), Api.PASSWORD));
    }

    @Test
    void answersProblemsForWhatTheServerDecidesByItself() {
        assertProblem(404, api.get("no/such/path", null));
        Reply wrongMethod = api.send(api.request("register", null).method("PATCH",
                java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertProblem(405, wrongMethod);
        assertProblem(415, api.send(api.request("register", null).header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<a/>"))));
    }
}
