package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.HardeningIT.freshAddress;
import static io.authsvc.it.HardeningIT.hs256;
import static io.authsvc.it.HardeningIT.setting;
import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The second round of attacks from outside (issue 12), each tried in several spellings: password guessing with a
 * stolen token, the account-existence oracle of {@code PUT}, bytes that are not UTF-8, trailing data after JSON, a
 * tampered cursor, mistyped claims, token text that is not canonical, two {@code Authorization} headers, {@code typ}
 * and {@code kid}, WADL, the {@code Host} header in {@code Location}, and ambiguous message framing.
 */
class OutsideAttacksIT extends DeployedService {

    static final boolean WILDFLY = "wildfly".equals(System.getProperty("it.server"));
    static final int MAX_FAILURES = setting("LOGIN_MAX_FAILURES", 5);
    static final int PROFILE_CHANGES = setting("PROFILE_CHANGES_PER_HOUR", 10);

    /** Through the loopback, a trusted proxy: X-Forwarded-For names the client (see HardeningIT). */
    Api local;

    @BeforeEach
    void client() throws Exception {
        local = loopback();
    }

    // ---- 1: a stolen token gives no more password guesses than the login form

    @Test
    void aWrongCurrentPasswordCountsAsAFailedLoginOfTheAccount() {
        JsonObject user = api.register("guess").json();
        String id = user.getString("id");
        String token = api.token(user.getString("username"), Api.PASSWORD);
        String address = freshAddress();
        for (int i = 0; i < MAX_FAILURES; i++) {
            Reply wrong = putFrom(address, id, "{\"password\": \"a brand new passphrase\", \"current_password\": \"guess "
                    + i + "\"}", token);
            assertProblem(403, wrong);
        }
        // The right one too is refused now, unchecked, and so is the login form for that account.
        assertThrottled(putFrom(address, id, "{\"password\": \"a brand new passphrase\", \"current_password\": \""
                + Api.PASSWORD + "\"}", token));
        assertThrottled(api.login(user.getString("username"), Api.PASSWORD));
        assertThrottled(api.login(user.getString("email"), Api.PASSWORD));
        assertEquals(200, api.get("me", token).status(), "the token itself still works");
    }

    @Test
    void aRightCurrentPasswordClearsTheCountAndFailedLoginsCountForTheChange() {
        JsonObject user = api.register("guess").json();
        String id = user.getString("id");
        String username = user.getString("username");
        String token = api.token(username, Api.PASSWORD);
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertProblem(401, api.login(username, "not it " + i));
        }
        assertEquals(200, api.putJson(id, "{\"password\": \"a brand new passphrase\", \"current_password\": \""
                + Api.PASSWORD + "\"}", token).status());
        String fresh = api.token(username, "a brand new passphrase");
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertProblem(401, api.login(username, "still not it " + i));
        }
        assertProblem(403, api.putJson(id, "{\"password\": \"another new passphrase\", \"current_password\": \"no\"}",
                fresh));
        assertThrottled(api.login(username, "a brand new passphrase"));
    }

    // ---- 4: PUT tells whose email or username exists no faster than register does

    @Test
    void changesOfEmailOrUsernameHaveABudgetPerAccountThatAdminsDoNotUse() {
        JsonObject taken = api.register("taken").json();
        JsonObject user = api.register("prober").json();
        String id = user.getString("id");
        String token = api.token(user.getString("username"), Api.PASSWORD);
        for (int i = 0; i < PROFILE_CHANGES; i++) {
            // An own address change needs the password (ReauthenticationIT): the right one, to reach the 409.
            String body = i % 2 == 0 ? "{\"email\": \"" + taken.getString("email") + "\", \"current_password\": \""
                    + Api.PASSWORD + "\"}" : "{\"username\": \"" + taken.getString("username") + "\"}";
            assertProblem(409, api.putJson(id, body, token));
        }
        Reply refused = api.putJson(id, "{\"email\": \"" + Api.unique("free") + "@example.com\", \"current_password\": \""
                + Api.PASSWORD + "\"}", token);
        assertProblem(429, refused);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertProblem(429, api.putJson(id, "{\"username\": \"" + taken.getString("username") + "\"}", token));
        // Other members are not counted, and sending the values it has is no change.
        assertEquals(200, api.putJson(id, "{\"full_name\": \"Still Allowed\"}", token).status());
        assertEquals(200, api.putJson(id, "{\"email\": \"" + user.getString("email") + "\", \"username\": \""
                + user.getString("username") + "\"}", token).status());
        // An admin changing the account is not held by its budget, nor counted in its own.
        String admin = api.adminToken();
        String renamed = Api.unique("renamed");
        assertEquals(renamed, api.putJson(id, "{\"username\": \"" + renamed + "\"}", admin).json().getString("username"));
        for (int i = 0; i < PROFILE_CHANGES + 1; i++) {
            assertProblem(409, api.putJson(id, "{\"email\": \"" + taken.getString("email") + "\"}", admin));
        }
    }

    // ---- 5: bytes that are not UTF-8 are refused, never folded into U+FFFD

    @Test
    void refusesBodiesThatAreNotUtf8() throws IOException {
        String admin = api.adminToken();
        List<byte[]> malformed = List.of(bytes(0xFF, 0xFE), bytes(0xFE, 0xFF), bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF),
                bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0x80), bytes(0xE2, 0x82), bytes(0xF8, 0x88, 0x80,
                        0x80, 0x80), bytes(0xF4, 0x90, 0x80, 0x80));
        for (byte[] bad : malformed) {
            String name = Api.unique("utf");
            byte[] json = concat(("{\"email\": \"" + name + "@example.com\", \"username\": \"" + name
                    + "\", \"password\": \"a long passphrase ").getBytes(StandardCharsets.UTF_8), bad, "\"}".getBytes(
                    StandardCharsets.UTF_8));
            assertProblem(400, post("register", "application/json", json));
            assertProblem(400, post("login", "application/json", concat("{\"username\": \"root\", \"password\": \""
                    .getBytes(StandardCharsets.UTF_8), bad, "\"}".getBytes(StandardCharsets.UTF_8))));
            assertProblem(400, post("login", "application/x-www-form-urlencoded", concat(
                    "username=root&password=".getBytes(StandardCharsets.UTF_8), bad)));
            assertProblem(400, api.postForm("login", "username=root&password=x" + percent(bad), null));
            assertEquals(0, api.get("?q=" + name, admin).array().size(), "nothing was stored for " + name);
        }
        // Declared in another charset: refused, not read as if it were UTF-8.
        String name = Api.unique("latin");
        byte[] latin1 = ("{\"email\": \"" + name + "@example.com\", \"username\": \"" + name
                + "\", \"password\": \"caf\u00e9 au lait et cr\u00e8me\"}").getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(415, post("register", "application/json; charset=ISO-8859-1", latin1));
        assertProblem(415, post("login", "application/x-www-form-urlencoded; charset=windows-1252",
                "username=root&password=caf%E9".getBytes(StandardCharsets.US_ASCII)));
        // Good UTF-8, raw or escaped, still works, declared or not.
        JsonObject created = assertCreated(post("register", "application/json; charset=utf-8", ("{\"email\": \"" + name
                + "@example.com\", \"username\": \"" + name + "\", \"password\": \"caf\u00e9 au lait et cr\u00e8me\"}")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, api.postForm("login", "username=" + name + "&password=caf%C3%A9+au+lait+et+cr%C3%A8me", null)
                .status());
        assertEquals(200, post("login", "application/x-www-form-urlencoded", ("username=" + name
                + "&password=caf\u00e9 au lait et cr\u00e8me").getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(name, created.getString("username"));
    }

    @Test
    void refusesStringsWithHalfASurrogatePair() {
        String admin = api.adminToken();
        String id = api.get("me", admin).json().getString("id");
        for (String text : List.of("\\ud800", "\\udfff", "x\\udc00y", "\\ud800\\ud800", "\\udbff\\u0041")) {
            String name = Api.unique("sur");
            assertProblem(400, api.postJson("register", "{\"email\": \"" + name + "@example.com\", \"username\": \""
                    + name + "\", \"password\": \"a long passphrase " + text + "\"}", null));
            assertProblem(400, api.postJson("login", "{\"username\": \"root\", \"password\": \"" + text + "\"}", null));
            assertProblem(400, api.putJson(id, "{\"full_name\": \"" + text + "\"}", admin));
            assertProblem(400, api.putJson(id, "{\"" + text + "\": 1}", admin));
        }
        // A pair written as escapes is one character, and fine.
        String name = Api.unique("pair");
        assertCreated(api.postJson("register", "{\"email\": \"" + name + "@example.com\", \"username\": \"" + name
                + "\", \"password\": \"a long passphrase \\ud83d\\ude00\"}", null));
        assertEquals(200, api.login(name, "a long passphrase \ud83d\ude00").status());
    }

    // ---- 7: one JSON value, and nothing after it

    @Test
    void refusesAnythingAfterTheJsonValue() {
        String admin = api.adminToken();
        for (String tail : List.of(" garbage", "{\"roles\": [\"admin\"]}", "\n[1]", " 1", " null", ",", "}", "\u0000")) {
            String name = Api.unique("tail");
            String body = "{\"email\": \"" + name + "@example.com\", \"username\": \"" + name + "\", \"password\": \""
                    + Api.PASSWORD + "\"}" + tail;
            assertProblem(400, api.postJson("register", body, null));
            assertEquals(0, api.get("?q=" + name, admin).array().size(), "registered with " + tail);
        }
        String name = Api.unique("tail");
        assertCreated(api.postJson("register", "{\"email\": \"" + name + "@example.com\", \"username\": \"" + name
                + "\", \"password\": \"" + Api.PASSWORD + "\"} \r\n\t ", null));
        assertProblem(400, api.postJson("login", "{\"username\": \"" + name + "\", \"password\": \"" + Api.PASSWORD
                + "\"}{}", null));
    }

    // ---- 6: a cursor names a time PostgreSQL holds, or it is no cursor

    @Test
    void refusesCursorsOutOfRangeOrSpelledOtherwise() {
        String admin = api.adminToken();
        String id = UUID.randomUUID().toString();
        for (String cursor : List.of("9999999999999.0/" + id, "253402300800.0/" + id, "-99999999999.0/" + id, "9223372036854775807.0/" + id,
                "1.5000000000/" + id, "1.-1/" + id, "1796298537.01/" + id, "01796298537.0/" + id,
                "1796298537.0/" + id.toUpperCase(), "1796298537.0/1-2-3-4-5", "1796298537.0/" + id + "x")) {
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
            Reply reply = api.get("?after=" + encoded, admin);
            assertEquals(422, reply.status(), cursor);
            assertProblem(422, reply);
        }
        String page = api.get("?limit=1", admin).header("X-Next-Cursor");
        assertEquals(200, api.get("?limit=1&after=" + page, admin).status());
    }

    // ---- 8: mistyped claims are a bad token, not a database outage

    @Test
    void refusesTokensWhoseClaimsHaveTheWrongTypes() throws Exception {
        assumeFalse(TestEnvironment.isRs256(), "the forged tokens are HS256 ones, made with SECRET_KEY");
        String id = api.register("types").json().getString("id");
        long now = Instant.now().getEpochSecond();
        String times = "\"iss\":\"auth-service\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"ver\":0";
        assertEquals(200, api.get("me", hs256(JWT, "{" + times + ",\"sub\":\"" + id + "\",\"groups\":[\"user\"]}"))
                .status());
        for (String sub : List.of("null", "\"\"", "\" \"", "123", "[]", "{}", "true", "[\"" + id + "\"]", "\"not-a-uuid\"")) {
            Reply reply = api.get("me", hs256(JWT, "{" + times + ",\"sub\":" + sub + ",\"groups\":[\"user\"]}"));
            assertUnauthorized(reply);
        }
        for (String claims : List.of("\"groups\":\"admin\"", "\"groups\":[1]", "\"groups\":{}", "\"upn\":7",
                "\"jti\":{}", "\"sid\":5")) {
            assertUnauthorized(api.get("me", hs256(JWT, "{" + times + ",\"sub\":\"" + id + "\"," + claims + "}")));
        }
        assertUnauthorized(api.get("me", hs256(JWT, "{\"iss\":\"auth-service\",\"iat\":\"" + now + "\",\"exp\":"
                + (now + 600) + ",\"sub\":\"" + id + "\"}")));
    }

    // ---- 9: one token, one spelling

    @Test
    void refusesEveryOtherSpellingOfAValidToken() {
        JsonObject user = api.register("spell").json();
        String token = api.token(user.getString("username"), Api.PASSWORD);
        assertEquals(200, api.get("me", token).status());
        String[] parts = token.split("\\.");
        List<String> spellings = List.of(token + "=", token + "==", parts[0] + "=." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + "=." + parts[2], token.replace('-', '+').replace('_', '/'),
                sameBits(token), parts[0] + "." + parts[1] + "." + sameBits(parts[2]) + "=",
                sameBits(parts[0]) + "." + parts[1] + "." + parts[2], token + ".", "." + token, token + "." + parts[2],
                parts[0] + ".." + parts[2], token.substring(0, token.length() - 1) + "*", token + " x");
        for (String spelling : spellings) {
            if (!spelling.equals(token)) {
                assertUnauthorized(api.get("me", spelling));
            }
        }
        // A token with '-' or '_' in it, spelt with '+' and '/': logins until one has them.
        String dashed = token;
        for (int i = 0; i < 20 && dashed.indexOf('-') < 0 && dashed.indexOf('_') < 0; i++) {
            dashed = api.token(user.getString("username"), Api.PASSWORD);
        }
        assertTrue(dashed.indexOf('-') >= 0 || dashed.indexOf('_') >= 0, "no token with - or _ in 20 logins");
        assertEquals(200, api.get("me", dashed).status());
        assertUnauthorized(api.get("me", dashed.replace('-', '+').replace('_', '/')));
    }

    // ---- 11, 12: typ and kid

    @Test
    void acceptsOnlyAccessTokenTypesAndNoKeyIdUnderHs256() throws Exception {
        assumeFalse(TestEnvironment.isRs256(), "the forged tokens are HS256 ones, made with SECRET_KEY");
        String id = api.register("typ").json().getString("id");
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"auth-service\",\"sub\":\"" + id + "\",\"groups\":[\"user\"],\"ver\":0,\"iat\":" + now
                + ",\"exp\":" + (now + 600) + "}";
        for (String header : List.of("{\"alg\":\"HS256\"}", JWT, "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}",
                "{\"alg\":\"HS256\",\"typ\":\"jwt\"}", "{\"alg\":\"HS256\",\"typ\":\"application/at+jwt\"}")) {
            assertEquals(200, api.get("me", hs256(header, claims)).status(), header);
        }
        for (String typ : List.of("\"JWE\"", "\"secevent+jwt\"", "\"logout+jwt\"", "\"id_token+jwt\"", "\"JOSE\"", "\"\"",
                "1", "null", "[\"JWT\"]")) {
            assertUnauthorized(api.get("me", hs256("{\"alg\":\"HS256\",\"typ\":" + typ + "}", claims)));
        }
        for (String kid : List.of("\"\"", "\"hmac\"", "\"../../dev/null\"", "0", "null")) {
            assertUnauthorized(api.get("me", hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":" + kid + "}", claims)));
        }
    }

    // ---- 10: two Authorization headers

    @Test
    void refusesARequestWithTwoAuthorizationHeaders() throws IOException {
        String admin = api.adminToken();
        String user = api.token(api.register("twice").json().getString("username"), Api.PASSWORD);
        for (String path : List.of("me", "stats", "ping")) {
            for (List<String> headers : List.of(List.of("Bearer " + admin, "Bearer " + user),
                    List.of("Bearer " + user, "Bearer " + admin), List.of("Bearer " + admin, "Bearer " + admin),
                    List.of("Bearer " + user, "Basic cm9vdDp4"))) {
                StringBuilder head = new StringBuilder("GET /auth/" + path + " HTTP/1.1\r\nHost: " + url.getHost()
                        + "\r\n");
                headers.forEach(value -> head.append("Authorization: ").append(value).append("\r\n"));
                Raw reply = exchange(head.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                assertEquals(400, reply.status(), path + " with " + headers.size() + " headers: " + reply.text());
                assertTrue(reply.text().contains("application/problem+json"), reply.text());
            }
        }
        // One header still works, and a comma-joined pair in one header is a malformed token.
        assertEquals(200, api.get("me", user).status());
        assertUnauthorized(api.send(api.request("me", null).header("Authorization", "Bearer " + user + ", Bearer " + admin)));
    }

    // ---- 13: no WADL

    @Test
    void answersOptionsWithAllowAndServesNoWadl() {
        for (String path : List.of("me", "login", "", "register", "ping")) {
            Reply options = api.send(api.request(path, null).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertTrue(options.status() == 200 || options.status() == 204, path + ": " + options.status());
            assertFalse(options.header("Allow").isBlank(), path);
            assertFalse(String.valueOf(options.contentType()).contains("wadl"), options.contentType());
            assertFalse(options.body().toLowerCase().contains("wadl") || options.body().contains("Jersey"), options.body());
        }
        for (String path : List.of("application.wadl", "application.wadl?detail=true", "me/application.wadl")) {
            Reply wadl = api.get(path, null);
            assertNotEquals(200, wadl.status(), path);
            assertFalse(wadl.body().contains("wadl.dev.java.net"), wadl.body());
        }
    }

    // ---- 14: Location never comes from Host

    @Test
    void neverPutsTheRequestsHostInLocation() throws IOException {
        for (String host : List.of("evil.example", "evil.example:443", "[::1]:666", "127.0.0.1@evil.example")) {
            String name = Api.unique("host");
            byte[] body = ("{\"email\": \"" + name + "@example.com\", \"username\": \"" + name + "\", \"password\": \""
                    + Api.PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8);
            Raw reply = exchange(concat(("POST /auth/register HTTP/1.1\r\nHost: " + host
                    + "\r\nX-Forwarded-Host: evil.example\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body));
            if (reply.status() == 400) {
                continue; // a Host the server refuses outright is no reflection either
            }
            assertEquals(201, reply.status(), reply.text());
            String location = reply.header("Location");
            assertTrue(location.matches("/auth/[0-9a-f-]{36}"), location);
        }
        Reply created = api.register("where");
        assertEquals("/auth/" + created.json().getString("id"), created.header("Location"));
        // Discovery needs absolute URLs: without PUBLIC_URL, the issuer when it is a URL, else the address the
        // connection came to.
        String base = TestEnvironment.issuer().startsWith("http") ? TestEnvironment.issuer() + "/"
                : "http://" + url.getHost() + ":" + url.getPort() + "/auth/";
        for (String path : List.of("openid-configuration", "oauth-authorization-server")) {
            Raw discovery = exchange(("GET /auth/.well-known/" + path + " HTTP/1.1\r\nHost: evil.example\r\n"
                    + "X-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, discovery.status(), discovery.text());
            assertFalse(discovery.text().contains("evil.example"), discovery.text());
            assertTrue(discovery.text().contains("\"token_endpoint\":\"" + base + "login\""), discovery.text());
        }
    }

    // ---- 3: dot segments written with escapes

    @Test
    void refusesDotSegmentsWrittenWithEscapes() throws IOException {
        // Decoded and resolved, these stay inside /auth, but a proxy matching the raw text reads them otherwise.
        for (String path : List.of("/auth/x/%2e%2e/ping", "/auth/%2e/ping", "/auth/x/.%2E/ping", "/auth/x/%2E./ping",
                "/auth/x/..%2fping", "/auth/me/%2e%2e/ping")) {
            Raw reply = exchange(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, reply.status(), path + " -> " + reply.text());
        }
        // These leave the context for the server's root (another application, the server's own endpoints): refused
        // before the server decodes them, by server-config/wildfly.cli's filter on WildFly and by the listener's
        // guard on Payara Micro (io.authsvc.payara.ListenerGuard); so are such paths that never name /auth.
        for (String target : List.of("/auth/%2e%2e/metrics", "/auth/..%2fmetrics", "/auth/%2E%2E/health",
                "/auth/.%2e/health", "/auth/%2e%2e%2fhealth", "/auth/..%5chealth", "/auth/%2e%2e/", "/x/%2e%2e/metrics",
                "/%2e%2e/auth/ping", "/auth/%2e%2e/metrics?x=1", "http://x/auth/%2e%2e/health")) {
            Raw reply = exchange(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, reply.status(), target + " -> " + reply.text());
            if (!WILDFLY) { // Undertow's expression filter answers with a status and no body
                assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.text());
                assertTrue(reply.text().contains("\"status\":400"), reply.text());
            }
        }
        assertEquals(204, api.get("ping", null).status());
        assertEquals(200, api.get(".well-known/openid-configuration", null).status());
    }

    // ---- 2: framing two parsers could read differently

    @Test
    void refusesAmbiguousFramingAndClosesTheConnection() throws IOException {
        String form = "Content-Type: application/x-www-form-urlencoded\r\n";
        String next = "GET /auth/ping HTTP/1.1\r\nHost: x\r\n\r\n";
        List<String> heads = new java.util.ArrayList<>(List.of(
                "POST /auth/login HTTP/1.1\r\nHost: x\r\n" + form + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n",
                "POST /auth/login HTTP/1.1\r\nHost: x\r\n" + form + "Transfer-Encoding: identity, chunked\r\n",
                "POST /auth/login HTTP/1.1\r\nHost: x\r\n" + form + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
                "POST /auth/login HTTP/1.1\r\nHost: x\r\n" + form + "Transfer-Encoding: gzip, chunked\r\n",
                "POST /auth/login HTTP/1.1\r\nHost: x\r\n" + form + "Transfer-Encoding: chunked, chunked\r\n",
                "POST /auth/login HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n" + form + "Transfer-Encoding: chunked\r\n",
                "POST /auth/login HTTP/1.1\r\nHost: x\r\n" + form + "Content-Length: 0\r\nContent-Length: 4\r\n"));
        // Grizzly (Payara) drops a Content-Length that comes before Transfer-Encoding while it parses the head: the
        // listener's guard reads the raw head again. Also outside /auth, where no filter of this WAR runs.
        heads.add("POST /auth/login HTTP/1.1\r\nHost: x\r\n" + form + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n");
        heads.add("POST /auth/login HTTP/1.1\r\nHost: x\r\n" + form + "content-length:4\r\ntransfer-encoding: Chunked\r\n");
        heads.add("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n");
        for (String head : heads) {
            Raw reply = exchange((head + "\r\n0\r\n\r\n" + next).getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, reply.status(), head + " -> " + reply.text());
            assertTrue(reply.closed(), "the connection stays open after " + head);
            assertEquals(1, reply.text().split("HTTP/1\\.[01] ", -1).length - 1, "a second request was answered: "
                    + reply.text());
        }
        // The same head, arriving in three pieces: Content-Length in the first, Transfer-Encoding in the last.
        Raw split = exchange(List.of(("POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Len").getBytes(StandardCharsets.US_ASCII),
                ("gth: 4\r\n" + form).getBytes(StandardCharsets.US_ASCII),
                ("Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + next).getBytes(StandardCharsets.US_ASCII)));
        assertEquals(400, split.status(), split.text());
        assertTrue(split.closed(), "the connection stays open after a head in pieces");
        assertEquals(1, split.text().split("HTTP/1\\.[01] ", -1).length - 1, split.text());
        // Plain chunked and plain Content-Length bodies are fine, and keep the connection.
        Raw chunked = exchange(("POST /auth/login HTTP/1.1\r\nHost: x\r\n" + form + "Transfer-Encoding: chunked\r\n\r\n"
                + "1d\r\nusername=nobody&password=none\r\n0\r\n\r\n" + next).getBytes(StandardCharsets.US_ASCII));
        assertEquals(401, chunked.status(), chunked.text());
        assertEquals(2, chunked.text().split("HTTP/1\\.1 ", -1).length - 1, chunked.text());
    }

    // ---- helpers

    private static final String JWT = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private record Raw(int status, String text, boolean closed) {
        String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return "";
        }
    }

    /** Sends exactly these bytes and reads until the server closes, or 5 s pass with the connection open. */
    private Raw exchange(byte[] request) throws IOException {
        return exchange(List.of(request));
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Sends these parts one after another, each in its own TCP segment (the server reads a head in pieces). */
    private Raw exchange(List<byte[]> parts) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(5_000);
            socket.setTcpNoDelay(true);
            for (byte[] part : parts) {
                if (part != parts.get(0)) {
                    pause(100);
                }
                socket.getOutputStream().write(part);
                socket.getOutputStream().flush();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            boolean closed;
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    read.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            }
            String text = read.toString(StandardCharsets.ISO_8859_1);
            int status = text.startsWith("HTTP/1.") && text.length() > 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Raw(status, text, closed);
        }
    }

    private Reply post(String path, String contentType, byte[] body) {
        return api.send(api.request(path, null).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Reply putFrom(String address, String id, String json, String token) {
        return local.send(local.request(id, token).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonObject assertCreated(Reply reply) {
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static void assertThrottled(Reply reply) {
        assertProblem(429, reply);
        assertTrue(Long.parseLong(reply.header("Retry-After")) >= 1, reply.header("Retry-After"));
    }

    /** The same text with its last character changed in the bits base64url leaves unused (when it has any). */
    private static String sameBits(String part) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int rest = part.length() % 4;
        if (rest == 0) {
            return part + "A"; // no unused bits: a character more is another spelling of no value
        }
        int last = alphabet.indexOf(part.charAt(part.length() - 1));
        return part.substring(0, part.length() - 1) + alphabet.charAt(last ^ 1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String percent(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append('%').append(String.format("%02X", b & 0xff));
        }
        return text.toString();
    }
}
