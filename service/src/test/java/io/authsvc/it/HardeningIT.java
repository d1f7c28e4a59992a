package io.authsvc.it;

import static io.authsvc.it.Problems.assertInvalid;
import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.build.Jwt;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hardening of issue 4: throttling and the client address, common passwords, rehashing, signing out
 * everywhere, the token checks of RFC 8725 and the audit trail.
 * <p>
 * The loopback is a trusted proxy in the test configuration ({@code TRUSTED_PROXIES} in the pom), so calls
 * through {@link #local} count under the address they name in {@code X-Forwarded-For}: each test makes up
 * addresses of its own and does not disturb the other tests, which call the machine's address.
 */
class HardeningIT extends DeployedService {

    static final int MAX_FAILURES = setting("LOGIN_MAX_FAILURES", 5);
    static final int MAX_FAILURES_PER_ADDRESS = setting("LOGIN_MAX_FAILURES_PER_ADDRESS", 100);
    static final int MAX_REGISTRATIONS_PER_ADDRESS = setting("REGISTER_MAX_PER_ADDRESS", 20);
    static final int WINDOW_SECONDS = setting("LOGIN_WINDOW_SECONDS", 900);
    static final int QUEUE_BUDGET_MILLIS = setting("HASH_QUEUE_MAX_WAIT_MS", 10_000);
    /** A bcrypt hash of cost 17: several seconds of the one hashing thread (HASH_POOL_SIZE=1 here). */
    static final String HOG_HASH = "$2b$17$" + "abcdefghijklmnopqrstuv" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ01234";

    /** Through the loopback: a trusted proxy ({@link #api} goes through the machine's address, an untrusted peer). */
    Api local;

    @BeforeEach
    void client() throws Exception {
        local = loopback();
        assertNotEquals("127.0.0.1", url.getHost(), "the tests need the machine's address to be other than the loopback");
    }

    // ---- throttling

    @Test
    void throttlesAnAccountAfterTooManyFailuresNamedByUsernameOrEmail() {
        String address = freshAddress();
        JsonObject user = api.register("thr").json();
        String username = user.getString("username");
        String[] names = {username, user.getString("email"), username.toUpperCase(Locale.ROOT)};
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertUnauthorized(loginFrom(address, names[i % names.length], "wrong password number " + i));
        }
        // now even the right password is refused, without being checked, by username and by email
        Reply throttled = loginFrom(address, username, Api.PASSWORD);
        assertThrottled(throttled);
        assertThrottled(loginFrom(freshAddress(), user.getString("email"), Api.PASSWORD));
        // another account from the same address logs in
        String other = api.register("thr-other").json().getString("username");
        assertEquals(200, loginFrom(address, other, Api.PASSWORD).status());
    }

    @Test
    void throttlesAnUnknownIdentifierJustTheSame() {
        String address = freshAddress();
        String nobody = Api.unique("nobody");
        for (int i = 0; i < MAX_FAILURES; i++) {
            // trimmed and lower-cased, these name one identifier
            assertUnauthorized(loginFrom(address, (i % 2 == 0 ? nobody : " " + nobody.toUpperCase(Locale.ROOT) + " "),
                    "some password " + i));
        }
        Reply unknown = loginFrom(address, nobody, "some password");
        assertThrottled(unknown);

        String known = api.register("thr-known").json().getString("username");
        for (int i = 0; i < MAX_FAILURES; i++) {
            loginFrom(address, known, "some password " + i);
        }
        Reply existing = loginFrom(address, known, "some password");
        assertThrottled(existing);
        // a 429 says nothing about whether the account exists
        assertEquals(unknown.body().replaceAll("\\d+", "N"), existing.body().replaceAll("\\d+", "N"));
    }

    @Test
    void refusesAThrottledAttemptWithoutCheckingItsPassword() throws Exception {
        // A hash of cost 20 takes a minute to check here: an answer within seconds shows no check was made.
        String slow = "$2b$20$" + "abcdefghijklmnopqrstuv" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
        String username = Api.unique("slow");
        UUID id = TestEnvironment.insertUser(username, slow);
        insertEvents("id:" + id, MAX_FAILURES, "now() - interval '1 minute'");
        long start = System.nanoTime();
        Reply reply = loginFrom(freshAddress(), username, "any password at all");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThrottled(reply);
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }

    @Test
    void refusesAtOnceACallPastTheQueueBudgetAndServesTheCallsQueuedBeforeIt() throws Exception {
        String hog = hog();
        String username = api.register("queued").json().getString("username");
        Thread hogging = Thread.ofVirtual().start(() -> loginFrom(freshAddress(), hog, "wrong"));
        Thread.sleep(300);
        // queued while the hog is young: the wait it can expect is within the budget, so it waits its turn
        var queued = CompletableFuture.supplyAsync(
                () -> loginFrom(freshAddress(), username, Api.PASSWORD));
        Thread.sleep(QUEUE_BUDGET_MILLIS);
        assertTrue(hogging.isAlive(), "the hog hash still runs (cost 17 is too fast on this machine)");
        long start = System.nanoTime();
        Reply refused = loginFrom(freshAddress(), username, Api.PASSWORD);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertProblem(503, refused);
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
        assertTrue(millis < QUEUE_BUDGET_MILLIS / 2, "refused at once, not after waiting: " + millis + " ms");
        assertEquals(200, queued.get(60, TimeUnit.SECONDS).status(), "the call queued before it was served");
        hogging.join();
    }

    @Test
    void aLoginWhoseClientHangsUpWhileQueuedIsNeverChecked() throws Exception {
        // Wrong passwords, so that a checked one leaves a failure in the throttle's count and an unchecked one
        // (its client gone, its hash never computed) leaves none.
        String hog = hog();
        String patient = api.register("patient").json().getString("username");
        String gone = api.register("gone").json().getString("username");
        String patientId = idOf(patient);
        String goneId = idOf(gone);
        Thread hogging = Thread.ofVirtual().start(() -> loginFrom(freshAddress(), hog, "wrong"));
        Thread.sleep(300);
        var waiting = CompletableFuture.supplyAsync(() -> loginFrom(freshAddress(), patient, "wrong password 1"));
        List<Socket> hungUp = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Socket socket = new Socket("127.0.0.1", url.getPort());
            String body = form(gone, "wrong password " + i);
            socket.getOutputStream().write(("POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Forwarded-For: " + freshAddress() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            hungUp.add(socket);
        }
        Thread.sleep(500);
        assertTrue(hogging.isAlive(), "the hog hash still runs (cost 17 is too fast on this machine)");
        for (Socket socket : hungUp) {
            socket.close();
        }
        assertUnauthorized(waiting.get(60, TimeUnit.SECONDS));
        hogging.join();
        assertEquals(1, count("id:" + patientId), "the login that waited was checked and counted");
        assertEquals(0, count("id:" + goneId), "the logins whose clients hung up were never checked");
        assertEquals(401, loginFrom(freshAddress(), gone, "wrong password 9").status(), "the queue is free");
        assertEquals(1, count("id:" + goneId));
    }

    /** A user whose login keeps the one hashing thread busy for several seconds. */
    private static String hog() throws Exception {
        String hog = Api.unique("hog");
        TestEnvironment.insertUser(hog, HOG_HASH);
        return hog;
    }

    @Test
    void countsNoLoginOrRegistrationRefusedForWantOfAHashingThread() throws Exception {
        // While the hog's hash has run longer than the queue budget, a new call would wait longer than the
        // budget and gets 503 at once. Those were no guesses and cost no hash.
        String hog = hog();
        String address = freshAddress();
        String username = api.register("busy").json().getString("username");
        int refusedLogins = 0;
        int refusedRegistrations = 0;
        int registered = 0;
        for (int round = 0; round < 5 && (refusedLogins < MAX_FAILURES || refusedRegistrations == 0); round++) {
            Thread hogging = Thread.ofVirtual().start(() -> loginFrom(freshAddress(), hog, "wrong"));
            Thread.sleep(QUEUE_BUDGET_MILLIS + 300L);
            while (hogging.isAlive() && (refusedLogins < MAX_FAILURES || refusedRegistrations == 0)) {
                Reply reply = refusedLogins < MAX_FAILURES ? loginFrom(address, username, Api.PASSWORD)
                        : registerFrom(address, Api.unique("busy-reg"));
                if (reply.status() == 201) {
                    registered++; // the hashing thread was free: a registration that did cost a hash
                } else if (reply.status() == 503) {
                    assertProblem(503, reply);
                    assertTrue(Long.parseLong(reply.header("Retry-After")) >= 1, reply.header("Retry-After"));
                    if (refusedLogins < MAX_FAILURES) {
                        refusedLogins++;
                    } else {
                        refusedRegistrations++;
                    }
                }
            }
            hogging.join();
        }
        assertEquals(MAX_FAILURES, refusedLogins, "logins refused with 503 while the hashing thread was busy");
        assertEquals(1, refusedRegistrations, "registrations refused with 503 while the hashing thread was busy");
        assertEquals(0, count("id:" + idOf(username)), "a 503 is not counted against the account");
        assertEquals(0, count("ip:" + address), "a 503 is not counted against the address");
        assertEquals(registered, count("register-ip:" + address),
                "only the registrations that were made count against the address, not the refused ones");
        assertEquals(200, loginFrom(address, username, Api.PASSWORD).status());
    }

    @Test
    void clearsTheCountOfAnAccountAfterAGoodLogin() {
        String address = freshAddress();
        String username = api.register("thr-clear").json().getString("username");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < MAX_FAILURES - 1; i++) {
                assertUnauthorized(loginFrom(address, username, "wrong " + i));
            }
            assertEquals(200, loginFrom(address, username, Api.PASSWORD).status(), "round " + round);
        }
        assertEquals(0, count("id:" + idOf(username)), "a good login forgets the account's failures");
    }

    @Test
    void throttlesOneAddressAcrossAccountsCountingFailuresOnly() throws Exception {
        String address = freshAddress();
        String username = api.register("thr-addr").json().getString("username");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, loginFrom(address, username, Api.PASSWORD).status());
        }
        assertEquals(0, count("ip:" + address), "good logins are not counted against the address");
        // the address has all but two of its failures (as if from many accounts), then fails twice for real
        insertEvents("ip:" + address, MAX_FAILURES_PER_ADDRESS - 2, "now() - interval '1 minute'");
        assertUnauthorized(loginFrom(address, Api.unique("nobody"), "guess one"));
        assertUnauthorized(loginFrom(address, Api.unique("nobody"), "guess two"));
        assertThrottled(loginFrom(address, username, Api.PASSWORD));
        assertThrottled(loginFrom(address, Api.unique("nobody"), "guess three"));
        // the account itself is not throttled: from elsewhere it logs in
        assertEquals(200, loginFrom(freshAddress(), username, Api.PASSWORD).status());
    }

    @Test
    void believesXForwardedForOnlyFromATrustedPeer() throws Exception {
        String forged = freshAddress();
        insertEvents("ip:" + forged, MAX_FAILURES_PER_ADDRESS, "now() - interval '1 minute'");
        String username = api.register("xff").json().getString("username");
        // from the machine's address (not trusted) the header is ignored: the call counts under the peer
        Reply untrusted = api.send(api.request("login", null).header("X-Forwarded-For", forged)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(username, Api.PASSWORD))));
        assertEquals(200, untrusted.status(), untrusted.body());
        // through the trusted loopback, the named client is the one that used up its failures
        assertThrottled(loginFrom(forged, username, Api.PASSWORD));
        // a client that writes its own X-Forwarded-For before the proxy's entry is not believed either
        String real = freshAddress();
        assertUnauthorized(loginFrom(forged + ", " + real, username, "wrong password"));
        assertEquals(1, count("ip:" + real));
    }

    @Test
    void expiresOldCountsByItself() throws Exception {
        String address = freshAddress();
        String nobody = Api.unique("expired");
        String key = "name:" + sha256(nobody.toLowerCase(Locale.ROOT));
        insertEvents(key, MAX_FAILURES, "now() - interval '30 days'");
        insertEvents("ip:" + address, MAX_FAILURES_PER_ADDRESS, "now() - make_interval(secs => " + (WINDOW_SECONDS + 5) + ")");
        assertUnauthorized(loginFrom(address, nobody, "a password"));
        assertEquals(1, count(key), "the 30-day-old rows are gone, the new failure counts");
        assertUnauthorized(loginFrom(address, nobody, "another password"));
    }

    @Test
    void throttlesRegistrationsPerAddress() throws Exception {
        String address = freshAddress();
        insertEvents("register-ip:" + address, MAX_REGISTRATIONS_PER_ADDRESS - 1, "now() - interval '1 minute'");
        assertEquals(201, registerFrom(address, Api.unique("reg")).status());
        assertThrottled(registerFrom(address, Api.unique("reg")));
        assertEquals(201, registerFrom(freshAddress(), Api.unique("reg")).status());
    }

    // ---- passwords

    @Test
    void refusesCommonPasswordsOnRegistrationAndChange() {
        String username = Api.unique("common");
        assertInvalid("password", api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "Password1234"}
                """.formatted(username, username), null));
        JsonObject user = api.register("common").json();
        String token = api.token(user.getString("username"), Api.PASSWORD);
        assertInvalid("password", api.putJson(user.getString("id"), """
                {"password": "qwerty123456", "current_password": "%s"}""".formatted(Api.PASSWORD), token));
        assertInvalid("password", api.putJson(user.getString("id"), "{\"password\": \"1q2w3e4r5t6y\"}", api.adminToken()));
    }

    @Test
    void rehashesAHashOfAnotherCostAtTheNextGoodLogin() throws Exception {
        Properties fixture = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/passlib-hashes.properties")) {
            fixture.load(in);
        }
        String passlib = fixture.getProperty("cost10.hash");
        String password = fixture.getProperty("cost10.password");
        assertTrue(passlib.startsWith("$2b$10$"), passlib);
        String username = Api.unique("rehash");
        UUID id = TestEnvironment.insertUser(username, passlib);

        assertUnauthorized(api.login(username, "wrong " + password));
        assertEquals(passlib, storedHash(id), "a failed login changes nothing");
        assertEquals(200, api.login(username, password).status());
        String rehashed = storedHash(id);
        assertNotEquals(passlib, rehashed);
        assertTrue(rehashed.startsWith("$2b$%02d$".formatted(setting("BCRYPT_COST", 12))), rehashed);
        assertEquals(200, api.login(username, password).status());
        assertEquals(rehashed, storedHash(id), "a hash of the configured cost stays");
        assertUnauthorized(api.login(username, "wrong " + password));
    }

    // ---- signing out everywhere

    @Test
    void signsTheCallerOutEverywhere() {
        String username = api.register("bye").json().getString("username");
        String first = api.token(username, Api.PASSWORD);
        String second = api.token(username, Api.PASSWORD);
        assertUnauthorized(api.postJson("logout-all", "", null));
        assertEquals(204, api.send(api.request("logout-all", first).POST(HttpRequest.BodyPublishers.noBody())).status());
        assertUnauthorized(api.get("me", first));
        assertUnauthorized(api.get("me", second));
        assertUnauthorized(api.send(api.request("logout-all", second).POST(HttpRequest.BodyPublishers.noBody())));
        assertEquals(200, api.get("me", api.token(username, Api.PASSWORD)).status());
    }

    @Test
    void letsAnAdminSignAnyUserOutEverywhere() {
        JsonObject user = api.register("bye-admin").json();
        String id = user.getString("id");
        String token = api.token(user.getString("username"), Api.PASSWORD);
        String other = api.token(api.register("bye-other").json().getString("username"), Api.PASSWORD);
        String admin = api.adminToken();

        assertUnauthorized(post(id + "/logout-all", null));
        assertProblem(403, post(id + "/logout-all", other));
        assertProblem(403, post(id + "/logout-all", token));
        assertProblem(404, post(UUID.randomUUID() + "/logout-all", admin));
        assertProblem(404, post("not-a-uuid/logout-all", admin));
        assertEquals(200, api.get("me", token).status());
        assertEquals(204, post(id + "/logout-all", admin).status());
        assertUnauthorized(api.get("me", token));
        assertEquals(200, api.get("me", other).status(), "other users keep their tokens");
        assertEquals(200, api.get("me", admin).status(), "and so does the admin");
    }

    // ---- tokens (RFC 8725)

    @Test
    void refusesTokensWithoutTheRequiredClaimsOrWithAnotherAlgorithm() throws Exception {
        String id = api.register("claims").json().getString("id");
        long now = Instant.now().getEpochSecond();
        String sub = "\"sub\":\"" + id + "\",\"groups\":[\"user\"],\"ver\":0";
        String iss = "\"iss\":\"auth-service\"";
        String iat = "\"iat\":" + now;
        String exp = "\"exp\":" + (now + 600);
        assertEquals(200, api.get("me", hs256(header("HS256"), "{" + String.join(",", iss, sub, iat, exp) + "}")).status());
        assertUnauthorized(api.get("me", hs256(header("HS256"), "{" + String.join(",", sub, iat, exp) + "}")));
        assertUnauthorized(api.get("me", hs256(header("HS256"), "{" + String.join(",", iss, sub, exp) + "}")));
        assertUnauthorized(api.get("me", hs256(header("HS256"), "{" + String.join(",", iss, sub, iat) + "}")));
        assertUnauthorized(api.get("me", hs256(header("HS256"), "{" + String.join(",", iss, sub, "\"iat\":" + (now + 600),
                "\"exp\":" + (now + 1200)) + "}")));
        // an RS256 header over an HMAC made with the service's key (the algorithm confusion of RFC 8725 2.1)
        assertUnauthorized(api.get("me", hs256(header("RS256"), "{" + String.join(",", iss, sub, iat, exp) + "}")));
        // an RS256 token signed with some RSA key, and HS512 with the service's key
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertUnauthorized(api.get("me", Jwt.issuer("auth-service").subject(id).groups("user").claim("ver", 0)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).sign(rsa.generateKeyPair().getPrivate())));
        assertUnauthorized(api.get("me", hmac(header("HS512"), "{" + String.join(",", iss, sub, iat, exp) + "}", "HmacSHA512")));
    }

    // ---- the audit trail

    @Test
    void writesOneAuditLineForEachSecurityEvent() throws Exception {
        String address = freshAddress();
        String admin = api.adminToken();
        String adminId = api.get("me", admin).json().getString("id");
        JsonObject user = registerFrom(address, Api.unique("audit")).json();
        String id = user.getString("id");
        String username = user.getString("username");
        String token = api.token(username, Api.PASSWORD);
        assertEquals(204, post("logout-all", token).status());
        for (int i = 0; i < MAX_FAILURES; i++) {
            loginFrom(address, username, "not the password " + i);
        }
        assertThrottled(loginFrom(address, username, Api.PASSWORD));
        String next = "a new and long passphrase";
        assertEquals(200, api.putJson(id, "{\"password\": \"" + next + "\"}", admin).status());
        assertEquals(200, api.putJson(id, "{\"roles\": [\"user\", \"admin\"]}", admin).status());
        assertEquals(200, api.putJson(id, "{\"is_active\": false}", admin).status());
        assertEquals(204, api.delete(id, admin).status());

        List<JsonObject> lines = auditLines(id);
        for (String event : List.of("register", "login_ok", "login_failed", "login_throttled", "password_changed",
                "role_changed", "logout_all", "deactivated", "deleted")) {
            JsonObject line = lines.stream().filter(l -> l.getString("event").equals(event)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + event + " line for " + id + " in " + lines));
            assertFalse(line.getString("request_id").isBlank(), line.toString());
            assertFalse(line.getString("address").isBlank(), line.toString());
            Instant.parse(line.getString("time"));
        }
        assertEquals(address, find(lines, "register").getString("address"));
        assertEquals(address, find(lines, "login_failed").getString("address"));
        assertEquals(MAX_FAILURES, lines.stream().filter(l -> l.getString("event").equals("login_failed")).count());
        assertEquals(adminId, find(lines, "password_changed").getString("actor"));
        assertEquals(adminId, find(lines, "role_changed").getString("actor"));
        assertEquals(adminId, find(lines, "deleted").getString("actor"));
        assertFalse(find(lines, "logout_all").containsKey("actor"), "the user signed itself out");

        String text = Files.readString(auditFile());
        for (String secret : List.of(Api.PASSWORD, next, "not the password", token, "$2b$")) {
            assertFalse(text.contains(secret), "the audit log holds " + secret);
        }
    }

    @Test
    void keepsARequestIdTheClientSentAndMakesOneOtherwise() {
        Reply given = api.send(api.request("me", null).header("X-Request-Id", "trace-4711"));
        assertEquals("trace-4711", given.header("X-Request-Id"));
        Reply made = api.send(api.request("me", null).header("X-Request-Id", "no spaces or \"quotes\" please"));
        assertTrue(made.header("X-Request-Id").matches("[0-9a-f-]{36}"), made.header("X-Request-Id"));
    }

    // ---- helpers

    private Reply loginFrom(String address, String username, String password) {
        return local.send(local.request("login", null).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(username, password))));
    }

    private Reply registerFrom(String address, String username) {
        return local.send(local.request("register", null).header("X-Forwarded-For", address)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "%s@example.com", "username": "%s", "password": "%s"}
                        """.formatted(username, username, Api.PASSWORD))));
    }

    private Reply post(String path, String token) {
        return api.send(api.request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static String form(String username, String password) {
        return "username=" + Api.encode(username) + "&password=" + Api.encode(password);
    }

    private static void assertThrottled(Reply reply) {
        assertProblem(429, reply);
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, "Retry-After " + retryAfter);
    }

    /** An address of the benchmarking range 198.18.0.0/15, which no real client has. */
    static String freshAddress() {
        int n = ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    private static String header(String alg) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
    }

    static String hs256(String header, String payload) throws Exception {
        return hmac(header, payload, "HmacSHA256");
    }

    /** A token over exactly these header and claims, its MAC made with the service's key. */
    private static String hmac(String header, String payload, String algorithm) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(System.getenv("SECRET_KEY").getBytes(StandardCharsets.UTF_8), algorithm));
        return input + "." + base64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path auditFile() {
        return Path.of(System.getenv("AUDIT_LOG_FILE"));
    }

    private static List<JsonObject> auditLines(String userId) throws Exception {
        return Files.readAllLines(auditFile()).stream()
                .filter(line -> line.contains(userId))
                .map(line -> Json.createReader(new StringReader(line)).readObject())
                .filter(line -> line.getString("user").equals(userId))
                .toList();
    }

    private static JsonObject find(List<JsonObject> lines, String event) {
        return lines.stream().filter(l -> l.getString("event").equals(event)).findFirst().orElseThrow();
    }

    private String idOf(String username) {
        return api.get("?q=" + username, api.adminToken()).array().getJsonObject(0).getString("id");
    }

    /** Counted events under {@code key} within the window. */
    private static long count(String key) {
        try (Connection connection = TestEnvironment.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT count(*) FROM throttle_events WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} counted events under {@code key} at the time {@code at} (an SQL expression). */
    private static void insertEvents(String key, int n, String at) throws SQLException {
        try (Connection connection = TestEnvironment.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO throttle_events (key, at, attempt) SELECT ?, " + at + ", gen_random_uuid()"
                        + " FROM generate_series(1, ?)")) {
            insert.setString(1, key);
            insert.setInt(2, n);
            insert.executeUpdate();
        }
    }

    private static String storedHash(UUID id) throws SQLException {
        try (Connection connection = TestEnvironment.connect();
                PreparedStatement select = connection.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }
}
