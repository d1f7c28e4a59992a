package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sessions (issue 15): refresh tokens and their rotation, reuse detection, every way a session ends, idle and
 * absolute expiry (rows aged in the database), the session list, discovery and introspection.
 */
class SessionsIT extends DeployedService {


    /** A fresh account logged in once: its name, id and the token answer. */
    record Login(String username, String id, JsonObject tokens) {
        String access() {
            return tokens.getString("access_token");
        }

        String refresh() {
            return tokens.getString("refresh_token");
        }

        String session() {
            return claims(access()).getString("sid");
        }
    }

    Login login(String prefix) {
        JsonObject user = api.register(prefix).json();
        return new Login(user.getString("username"), user.getString("id"), loginAgain(user.getString("username")));
    }

    JsonObject loginAgain(String username) {
        Reply reply = api.login(username, Api.PASSWORD);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    Reply refresh(String refreshToken) {
        return api.postForm("login", "grant_type=refresh_token&refresh_token=" + Api.encode(refreshToken), null);
    }

    static void assertInvalidGrant(Reply reply) {
        JsonObject body = assertProblem(400, reply);
        assertEquals("invalid_grant", body.getString("error"), reply.body());
    }

    // ---- login and rotation

    @Test
    void loginAnswersARefreshTokenBesideWhatOldClientsRead() throws Exception {
        Login login = login("sess-login");
        JsonObject tokens = login.tokens();
        assertEquals("bearer", tokens.getString("token_type"));
        assertEquals(1800, tokens.getInt("expires_in"));
        assertTrue(login.refresh().matches("[A-Za-z0-9_-]{43}"), login.refresh()); // 256 bits, base64url
        assertEquals(200, api.get("me", login.access()).status());
        UUID sid = UUID.fromString(login.session());
        // Only the SHA-256 of the token is kept, never the token itself.
        assertEquals(1, count("SELECT count(*) FROM refresh_tokens WHERE token_hash = ? AND session_id = ?",
                sha256(login.refresh()), sid));
        assertEquals(32, count("SELECT length(token_hash) FROM refresh_tokens WHERE session_id = ?", sid));
    }

    @Test
    void refreshRotatesTheTokenAndKeepsTheSession() {
        Login login = login("sess-rotate");
        Reply reply = refresh(login.refresh());
        assertEquals(200, reply.status(), reply.body());
        assertEquals("no-store", reply.header("Cache-Control"));
        JsonObject next = reply.json();
        assertNotEquals(login.refresh(), next.getString("refresh_token"));
        assertNotEquals(login.access(), next.getString("access_token"));
        assertEquals("bearer", next.getString("token_type"));
        assertEquals(login.session(), claims(next.getString("access_token")).getString("sid"));
        assertEquals(login.id(), claims(next.getString("access_token")).getString("sub"));
        assertEquals(200, api.get("me", next.getString("access_token")).status());
        // The same grant as JSON.
        Reply json = api.postJson("login", "{\"grant_type\": \"refresh_token\", \"refresh_token\": \""
                + next.getString("refresh_token") + "\"}", null);
        assertEquals(200, json.status(), json.body());
        assertEquals(200, api.get("me", json.json().getString("access_token")).status());
        // The token of the first login still works: a rotation does not end the session.
        assertEquals(200, api.get("me", login.access()).status());
    }

    @Test
    void reusedRefreshTokenEndsTheWholeSession() throws Exception {
        Login login = login("sess-reuse");
        JsonObject next = refresh(login.refresh()).json();
        JsonObject third = refresh(next.getString("refresh_token")).json();

        assertInvalidGrant(refresh(login.refresh())); // spent: reuse
        // Every token descended from that login is refused now, the newest included.
        assertInvalidGrant(refresh(third.getString("refresh_token")));
        assertUnauthorized(api.get("me", third.getString("access_token")));
        assertUnauthorized(api.get("me", login.access()));
        LogFiles.awaitLines(Path.of(System.getenv("AUDIT_LOG_FILE")), "\"refresh_reused\"", login.id());
        // A new login starts a new session that works.
        assertEquals(200, api.get("me", loginAgain(login.username()).getString("access_token")).status());
    }

    @Test
    void ofEightConcurrentRefreshesWithOneTokenExactlyOneWins() throws Exception {
        Login login = login("sess-race");
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return refresh(login.refresh());
                }));
            }
            start.countDown();
            List<Reply> done = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                done.add(reply.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, done.stream().filter(reply -> reply.status() == 200).count(), done.toString());
            done.stream().filter(reply -> reply.status() != 200).forEach(SessionsIT::assertInvalidGrant);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesEveryBadRefreshWithInvalidGrant() {
        assertInvalidGrant(refresh("x".repeat(43)));
        assertInvalidGrant(refresh("not a token"));
        assertInvalidGrant(refresh(login("sess-bad").refresh() + "A"));
        assertInvalidGrant(api.postJson("login", "{\"grant_type\": \"refresh_token\", \"refresh_token\": \"abc\"}", null));
        JsonObject missing = assertProblem(400, api.postForm("login", "grant_type=refresh_token", null));
        assertEquals("invalid_request", missing.getString("error"));
        assertEquals("invalid_request", assertProblem(400, api.postJson("login",
                "{\"grant_type\": \"refresh_token\", \"refresh_token\": 7}", null)).getString("error"));
        // An access token is no refresh token.
        assertInvalidGrant(refresh(login("sess-bad2").access()));
    }

    // ---- how sessions end

    @Test
    void logoutEndsTheSessionOfItsRefreshToken() {
        Login login = login("sess-logout");
        JsonObject other = loginAgain(login.username());
        Reply reply = api.postForm("logout", "refresh_token=" + login.refresh(), null);
        assertEquals(200, reply.status(), reply.body());
        assertInvalidGrant(refresh(login.refresh()));
        assertUnauthorized(api.get("me", login.access()));
        // The user's other session goes on.
        assertEquals(200, api.get("me", other.getString("access_token")).status());
        // RFC 7009's own name for the parameter, and JSON.
        assertEquals(200, api.postForm("logout", "token=" + other.getString("refresh_token"), null).status());
        assertUnauthorized(api.get("me", other.getString("access_token")));
        JsonObject third = loginAgain(login.username());
        assertEquals(200, api.postJson("logout", "{\"refresh_token\": \"" + third.getString("refresh_token") + "\"}",
                null).status());
        assertInvalidGrant(refresh(third.getString("refresh_token")));
    }

    @Test
    void logoutAnswers200ForAnyTokenAndEndsASessionByItsAccessToken() {
        assertEquals(200, api.postForm("logout", "refresh_token=" + "y".repeat(43), null).status());
        assertEquals(200, api.postForm("logout", "refresh_token=nonsense", null).status());
        assertEquals(200, api.postForm("logout", "token=a.b.c", null).status());
        assertEquals("invalid_request", assertProblem(400, api.postForm("logout", "", null)).getString("error"));
        Login login = login("sess-logout-at");
        assertEquals(200, api.postForm("logout", "token=" + login.access() + "&token_type_hint=access_token", null)
                .status());
        assertUnauthorized(api.get("me", login.access()));
        assertInvalidGrant(refresh(login.refresh()));
    }

    @Test
    void listsTheCallersSessionsAndEndsOne() {
        Login login = login("sess-list");
        JsonObject second = api.send(api.request("login", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "SessionsIT/1.0 (second)")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + login.username() + "&password="
                        + Api.encode(Api.PASSWORD)))).json();
        String secondSid = claims(second.getString("access_token")).getString("sid");

        Reply list = api.get("me/sessions", login.access());
        assertEquals(200, list.status(), list.body());
        List<JsonObject> sessions = list.array().getValuesAs(JsonObject.class);
        assertEquals(2, sessions.size(), list.body());
        assertEquals(secondSid, sessions.get(0).getString("id")); // newest first
        assertEquals("SessionsIT/1.0 (second)", sessions.get(0).getString("user_agent"));
        assertFalse(sessions.get(0).getBoolean("current"));
        assertEquals(login.session(), sessions.get(1).getString("id"));
        assertTrue(sessions.get(1).getBoolean("current"));
        for (JsonObject session : sessions) {
            for (String member : List.of("created_at", "last_used_at", "expires_at")) {
                assertTrue(session.getString(member).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                        session.toString());
            }
            assertFalse(session.getString("client_address").isBlank());
        }

        // Another user cannot end it, nor learn that it exists.
        Login stranger = login("sess-stranger");
        assertProblem(404, api.delete("me/sessions/" + secondSid, stranger.access()));
        assertProblem(404, api.delete("me/sessions/" + UUID.randomUUID(), login.access()));
        assertProblem(404, api.delete("me/sessions/not-a-uuid", login.access()));
        assertEquals(200, api.get("me", second.getString("access_token")).status());

        assertEquals(204, api.delete("me/sessions/" + secondSid, login.access()).status());
        assertUnauthorized(api.get("me", second.getString("access_token")));
        assertInvalidGrant(refresh(second.getString("refresh_token")));
        assertEquals(200, api.get("me", login.access()).status());
        assertEquals(1, api.get("me/sessions", login.access()).array().size());
        assertUnauthorized(api.get("me/sessions", null));
    }

    @Test
    void logoutAllEndsEverySession() {
        Login login = login("sess-all");
        JsonObject other = loginAgain(login.username());
        assertEquals(204, api.postJson("logout-all", "", login.access()).status());
        assertInvalidGrant(refresh(login.refresh()));
        assertInvalidGrant(refresh(other.getString("refresh_token")));
        assertUnauthorized(api.get("me", other.getString("access_token")));
    }

    @Test
    void anAdminsLogoutAllEndsEverySessionOfTheUser() {
        Login login = login("sess-admin-all");
        assertEquals(204, api.postJson(login.id() + "/logout-all", "", api.adminToken()).status());
        assertInvalidGrant(refresh(login.refresh()));
    }

    @Test
    void aPasswordChangeEndsEverySession() {
        Login login = login("sess-password");
        JsonObject other = loginAgain(login.username());
        Reply change = api.putJson(login.id(), """
                {"password": "another long passphrase", "current_password": "%s"}""".formatted(Api.PASSWORD),
                login.access());
        assertEquals(200, change.status(), change.body());
        assertInvalidGrant(refresh(login.refresh()));
        assertInvalidGrant(refresh(other.getString("refresh_token")));
    }

    @Test
    void aDeactivatedOrDeletedUsersRefreshTokensAreRefused() {
        Login deactivated = login("sess-off");
        assertEquals(200, api.putJson(deactivated.id(), "{\"is_active\": false}", api.adminToken()).status());
        assertInvalidGrant(refresh(deactivated.refresh()));
        // Active again, the old session stays ended.
        assertEquals(200, api.putJson(deactivated.id(), "{\"is_active\": true}", api.adminToken()).status());
        assertInvalidGrant(refresh(deactivated.refresh()));

        Login deleted = login("sess-gone");
        assertEquals(204, api.delete(deleted.id(), api.adminToken()).status());
        assertInvalidGrant(refresh(deleted.refresh()));
    }

    @Test
    void aSessionIdlePastItsLimitOrPastItsAbsoluteEndIsOver() throws Exception {
        // REFRESH_TOKEN_IDLE_DAYS is 7 and REFRESH_TOKEN_EXPIRE_DAYS 30: the rows are aged instead of the clock.
        Login active = login("sess-idle-ok");
        execute("UPDATE sessions SET last_used_at = now() - interval '6 days 23 hours' WHERE id = ?",
                UUID.fromString(active.session()));
        Reply stillGood = refresh(active.refresh());
        assertEquals(200, stillGood.status(), stillGood.body());

        Login idle = login("sess-idle");
        execute("UPDATE sessions SET last_used_at = now() - interval '7 days 1 minute' WHERE id = ?",
                UUID.fromString(idle.session()));
        assertInvalidGrant(refresh(idle.refresh()));
        assertEquals(0, count("SELECT count(*) FROM sessions WHERE id = ?", UUID.fromString(idle.session())));

        Login old = login("sess-old");
        // Used a minute ago, but begun 30 days ago.
        execute("UPDATE sessions SET created_at = now() - interval '30 days', expires_at = now() - interval '1 second'"
                + " WHERE id = ?", UUID.fromString(old.session()));
        assertInvalidGrant(refresh(old.refresh()));
        assertUnauthorized(api.get("me", old.access()));

        // The absolute end is 30 days after the login, whatever the refreshes.
        Login fresh = login("sess-expiry");
        assertEquals(1, count("SELECT count(*) FROM sessions WHERE id = ? AND expires_at BETWEEN"
                + " created_at + interval '30 days' - interval '1 minute' AND created_at + interval '30 days' + interval '1 minute'",
                UUID.fromString(fresh.session())));
    }

    // ---- discovery

    @Test
    void discoveryDocumentsNameTheEndpoints() {
        for (String path : List.of(".well-known/openid-configuration", ".well-known/oauth-authorization-server")) {
            Reply reply = api.get(path, "not-a-token");
            assertEquals(200, reply.status(), reply.body());
            assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
            JsonObject metadata = reply.json();
            assertEquals(TestEnvironment.issuer(), metadata.getString("issuer")); // JWT_ISSUER
            String base = TestEnvironment.issuer().startsWith("http") ? TestEnvironment.issuer() + "/"
                    : api.uri("").toString();
            assertEquals(base + "login", metadata.getString("token_endpoint"));
            assertEquals(base + ".well-known/jwks.json", metadata.getString("jwks_uri"));
            assertEquals(base + "logout", metadata.getString("revocation_endpoint"));
            assertEquals(base + "introspect", metadata.getString("introspection_endpoint"));
            assertEquals(List.of("password", "refresh_token"),
                    metadata.getJsonArray("grant_types_supported").getValuesAs(jakarta.json.JsonString::getString));
            assertEquals(List.of("none"), metadata.getJsonArray("token_endpoint_auth_methods_supported")
                    .getValuesAs(jakarta.json.JsonString::getString));
            assertTrue(metadata.containsKey("response_types_supported"));
            assertTrue(metadata.containsKey("subject_types_supported"));
        }
    }

    // ---- introspection

    @Test
    void introspectionTellsLiveTokensFromEndedOnes() {
        Login login = login("sess-intro");
        String admin = api.adminToken();
        JsonObject live = introspect(login.access(), admin).json();
        assertTrue(live.getBoolean("active"), live.toString());
        assertEquals(login.id(), live.getString("sub"));
        assertEquals(login.username(), live.getString("username"));
        assertEquals(login.session(), live.getString("sid"));
        assertEquals(List.of("user"), live.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(TestEnvironment.issuer(), live.getString("iss"));
        JsonObject claims = claims(login.access());
        assertEquals(claims.getJsonNumber("exp").longValue(), live.getJsonNumber("exp").longValue());
        assertEquals(claims.getJsonNumber("iat").longValue(), live.getJsonNumber("iat").longValue());

        assertEquals(Json.createObjectBuilder().add("active", false).build(), introspect("garbage", admin).json());
        assertEquals(Json.createObjectBuilder().add("active", false).build(), introspect(login.refresh(), admin).json());
        assertEquals(200, api.postForm("logout", "refresh_token=" + login.refresh(), null).status());
        assertEquals(Json.createObjectBuilder().add("active", false).build(), introspect(login.access(), admin).json());
    }

    @Test
    void introspectionIsForAdminsAndTheIntrospectRole() {
        Login caller = login("sess-rs");
        Login subject = login("sess-subject");
        assertUnauthorized(introspect(subject.access(), null));
        assertProblem(403, introspect(subject.access(), caller.access()));
        // An admin grants the role; the caller's token works with it at once (roles are read at each call).
        Reply grant = api.putJson(caller.id(), "{\"roles\": [\"user\", \"introspect\"]}", api.adminToken());
        assertEquals(200, grant.status(), grant.body());
        Reply reply = introspect(subject.access(), caller.access());
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("active"));
        Problems.assertInvalid("roles", api.putJson(caller.id(), "{\"roles\": [\"user\", \"root\"]}", api.adminToken()));
        assertEquals("invalid_request", assertProblem(400, introspect("", api.adminToken())).getString("error"));
    }

    Reply introspect(String token, String caller) {
        return api.postForm("introspect", "token=" + Api.encode(token), caller);
    }

    // ---- helpers

    static JsonObject claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }

    static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    }

    static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestEnvironment.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestEnvironment.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
