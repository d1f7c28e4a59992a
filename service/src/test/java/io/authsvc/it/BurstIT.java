package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Bcrypt;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ordinary bursts, served with the defaults an operator gets: {@code bin/run} with the service's own hashing
 * pool (one thread per core), queue budget (10 s), bcrypt cost (12) and registration limit (20 per address), not
 * the test environment's. Eight sign-ups at once, 32 logins at once, an admin provisioning 50 accounts in a row,
 * and Argon2id as the scheme of new hashes.
 */
// Payara only: bin/run starts Payara Micro. The queue itself is the WAR's, the same on WildFly.
@Tag("payara")
class BurstIT {

    /** The test environment's settings that would hide the defaults; this run takes the service's own. */
    static final Set<String> DEFAULTS = Set.of("HASH_POOL_SIZE", "HASH_QUEUE_MAX_WAIT_MS", "BCRYPT_COST",
            "REGISTER_MAX_PER_ADDRESS", "PASSWORD_HASH");
    static final int DEFAULT_COST = 12;
    static final int DEFAULT_REGISTRATIONS_PER_ADDRESS = 20;

    static ServiceRun run;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        run = ServiceRun.start("burst", Map.of(), DEFAULTS);
        api = new Api(run.base.toURL());
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void servesEightSignUpsAtOnce() throws Exception {
        Map<Integer, Integer> distinct = statuses(8, i -> register(address(), Api.unique("eight-" + i), null));
        assertEquals(Map.of(201, 8), distinct, "eight distinct names at once");

        String name = Api.unique("same");
        Map<Integer, Integer> same = statuses(8, i -> register(address(), name, null));
        assertEquals(Map.of(201, 1, 409, 7), same, "one name eight times at once");

        String mixed = Api.unique("case");
        List<String> variants = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            // "case-…": each of the first three letters upper or lower case, as the bits of mask say
            StringBuilder variant = new StringBuilder(mixed);
            for (int bit = 0; bit < 3; bit++) {
                if ((mask & 1 << bit) != 0) {
                    variant.setCharAt(bit, Character.toUpperCase(variant.charAt(bit)));
                }
            }
            variants.add(variant.toString());
        }
        Map<Integer, Integer> cases = statuses(8, i -> register(address(), variants.get(i), mixed + i));
        assertEquals(Map.of(201, 1, 409, 7), cases, "case variants of one name at once");
    }

    @Test
    void servesThirtyTwoLoginsAtOnceAtTheDefaultCost() throws Exception {
        // one hash of the default cost for all of them: 32 registrations would only slow the test
        String hash = Password.hash(Api.PASSWORD).with(BcryptFunction.getInstance(Bcrypt.B, DEFAULT_COST)).getResult();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String username = Api.unique("burst-" + i);
            TestEnvironment.insertUser(username, hash);
            users.add(username);
        }
        Map<Integer, Integer> logins = statuses(32, i -> {
            Reply reply = api.send(form(address(), "login",
                    "username=" + Api.encode(users.get(i)) + "&password=" + Api.encode(Api.PASSWORD)));
            return reply.status() == 200 ? reply : fail(reply);
        });
        assertEquals(Map.of(200, 32), logins, "32 logins at once, bcrypt cost " + DEFAULT_COST);
    }

    @Test
    void anAdminProvisionsFiftyAccountsFromOneAddressAndOthersAreStillLimited() throws Exception {
        String admin = api.adminToken();
        String address = address();
        for (int i = 0; i < 50; i++) {
            String username = Api.unique("prov-" + i);
            boolean active = i % 5 != 0;
            Reply reply = api.send(json(address, i % 2 == 0 ? "register" : "", admin, """
                    {"email": "%s@example.com", "username": "%s", "password": "%s",
                     "roles": ["user", "introspect"], "is_active": %s}
                    """.formatted(username, username, Api.PASSWORD, active)));
            assertEquals(201, reply.status(), "provisioning call " + (i + 1) + ": " + reply.body());
            JsonObject user = reply.json();
            assertEquals(Set.of("user", "introspect"), roles(user), reply.body());
            assertEquals(active, user.getBoolean("is_active"), reply.body());
        }
        Reply bad = api.send(json(address, "register", admin, """
                {"email": "x-%s@example.com", "username": "%s", "password": "%s", "roles": ["root"]}
                """.formatted(UUID.randomUUID(), Api.unique("prov-bad"), Api.PASSWORD)));
        Problems.assertInvalid("roles", bad);

        // an ordinary caller from one address: twenty, then 429, whatever token it holds or sends
        String ordinary = address();
        String userToken = api.token(register(address(), Api.unique("plain"), null).json().getString("username"),
                Api.PASSWORD);
        for (int i = 0; i < DEFAULT_REGISTRATIONS_PER_ADDRESS; i++) {
            String username = Api.unique("ord-" + i);
            Reply reply = api.send(json(ordinary, "register", i % 2 == 0 ? null : userToken, """
                    {"email": "%s@example.com", "username": "%s", "password": "%s",
                     "roles": ["user", "admin"], "is_active": false}
                    """.formatted(username, username, Api.PASSWORD)));
            assertEquals(201, reply.status(), "ordinary registration " + (i + 1) + ": " + reply.body());
            assertEquals(Set.of("user"), roles(reply.json()), "an ordinary caller's roles are ignored");
            assertTrue(reply.json().getBoolean("is_active"), "an ordinary caller's is_active is ignored");
        }
        for (String token : new String[] {null, userToken, "not-a-token"}) {
            Reply refused = register(ordinary, Api.unique("ord-late"), null, token);
            assertEquals(429, refused.status(), "registration 21 with token " + token + ": " + refused.body());
            assertTrue(refused.header("Retry-After") != null, "429 says when");
        }
        assertEquals(201, register(ordinary, Api.unique("ord-admin"), null, admin).status(),
                "an admin is not held back by the limit of the address it calls from");
    }

    @Test
    void argon2idMakesNewHashesAndReplacesBcryptOnLogin() throws Exception {
        String username = register(address(), Api.unique("to-argon"), null).json().getString("username");
        assertTrue(storedHash(username).startsWith("$2b$12$"), storedHash(username));
        // This second server also has PUBLIC_URL: Location and discovery start with it (OutsideAttacksIT has them without).
        String publicUrl = "https://auth.example.com/auth";
        try (ServiceRun argon = ServiceRun.start("burst-argon2id", Map.of("PASSWORD_HASH", "argon2id",
                "PUBLIC_URL", publicUrl), DEFAULTS)) {
            Api argonApi = new Api(argon.base.toURL());
            assertEquals(200, argonApi.login(username, Api.PASSWORD).status());
            String rehashed = storedHash(username);
            assertTrue(rehashed.startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), rehashed);
            assertEquals(200, argonApi.login(username, Api.PASSWORD).status(), "logs in with the Argon2id hash");
            assertEquals(401, argonApi.login(username, Api.PASSWORD + "!").status());

            String fresh = Api.unique("argon-new");
            Reply reply = argonApi.send(json(argonApi, address(), "register", null, """
                    {"email": "%s@example.com", "username": "%s", "password": "%s"}
                    """.formatted(fresh, fresh, Api.PASSWORD)));
            assertEquals(201, reply.status(), reply.body());
            assertEquals(publicUrl + "/" + reply.json().getString("id"), reply.header("Location"));
            assertEquals(publicUrl + "/login", argonApi.get(".well-known/openid-configuration", null).json()
                    .getString("token_endpoint"));
            assertTrue(storedHash(fresh).startsWith("$argon2id$"), storedHash(fresh));
            assertEquals(200, argonApi.login(fresh, Api.PASSWORD).status());
        }
        // and back under bcrypt: the Argon2id hash still verifies, and is replaced by bcrypt
        assertEquals(200, api.login(username, Api.PASSWORD).status());
        assertTrue(storedHash(username).startsWith("$2b$12$"), storedHash(username));
    }

    // ---- helpers

    /** Runs {@code call} {@code n} times at once (all released together); answers status → count. */
    private static Map<Integer, Integer> statuses(int n, IntFunction<Reply> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                replies.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            Map<Integer, Integer> counts = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get(120, TimeUnit.SECONDS);
                counts.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    failures.add(answer.status() + " " + answer.body());
                }
            }
            assertTrue(failures.isEmpty(), "no 5xx in a burst: " + failures);
            return counts;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Reply fail(Reply reply) {
        System.err.println("burst login: " + reply.status() + " " + reply.body());
        return reply;
    }

    private static Reply register(String address, String username, String emailName) {
        return register(address, username, emailName, null);
    }

    private static Reply register(String address, String username, String emailName, String token) {
        String email = (emailName == null ? username : emailName).toLowerCase() + "@example.com";
        return api.send(json(address, "register", token, """
                {"email": "%s", "username": "%s", "password": "%s"}
                """.formatted(email, username, Api.PASSWORD)));
    }

    private static HttpRequest.Builder json(String address, String path, String token, String body) {
        return json(api, address, path, token, body);
    }

    private static HttpRequest.Builder json(Api to, String address, String path, String token, String body) {
        return to.request(path, token).header("X-Forwarded-For", address)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder form(String address, String path, String body) {
        return api.request(path, null).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** An address of its own for each use (the loopback is a trusted proxy here, so X-Forwarded-For counts). */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static Set<String> roles(JsonObject user) {
        return user.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toSet());
    }

    private static String storedHash(String username) throws Exception {
        try (Connection connection = TestEnvironment.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT password_hash FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no account " + username);
                return row.getString(1);
            }
        }
    }
}
