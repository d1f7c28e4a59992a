package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the service, as an operator runs them: {@code bin/run} (Payara Micro) twice, on two ports, on one
 * PostgreSQL (a schema of their own, empty at the start), behind Debian's HAProxy with the configuration of docs/operations.md
 * ({@code server-config/haproxy.cfg}: round robin, no stickiness). Instance B's listening connection (the account
 * cache's) runs through a TCP proxy that the test can cut. Every setting is the service's default except those the
 * test environment needs (the signing key, the low bcrypt cost, the per-address limits that all tests share).
 * <p>
 * Shows: both started at the same moment migrate the schema once and make one bootstrap admin; a token of A works on
 * B; a logout-all, a password change, a deactivation and a role removal made on A (and changes made in SQL) are in
 * force on B within a second, though B serves the account from its cache (the worst of 20 tries is printed); with
 * its listening connection cut, B reads the database and honours A's revocations at once; the login throttle counts
 * failures on both together; a rolling restart through the balancer fails no request.
 */
// Payara only: bin/run's Payara Micro; the account cache and its listener are the same on WildFly (the other ITs).
@Tag("payara")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int TRIES = 20;
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final String SCHEMA = "cluster_" + UUID.randomUUID().toString().substring(0, 8);
    /** The test environment's settings that would not be the service's defaults here. */
    private static final Set<String> DEFAULTS = Set.of("LOGIN_MAX_FAILURES", "HASH_POOL_SIZE",
            "HASH_QUEUE_MAX_WAIT_MS", "ACCESS_LOG_FILE", "AUDIT_LOG_FILE");

    private static TcpProxy listenLine;
    private static int portA;
    private static int portB;
    private static ServiceRun runA;
    private static ServiceRun runB;
    private static LoadBalancer balancer;
    private static Api a;
    private static Api b;
    private static Api viaBalancer;
    private static String adminOnA;

    @BeforeAll
    static void startTheCluster() throws Exception {
        try (Connection connection = TestEnvironment.connect(); Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA " + SCHEMA);
        }
        Matcher address = Pattern.compile("//([^:/]+):(\\d+)/").matcher(TestEnvironment.database().jdbcUrl());
        assertTrue(address.find(), TestEnvironment.database().jdbcUrl());
        listenLine = new TcpProxy(address.group(1), Integer.parseInt(address.group(2)));
        portA = TestEnvironment.freePort();
        portB = TestEnvironment.freePort();
        // both at the same moment, on the empty schema
        runA = launch("A", portA, false);
        runB = launch("B", portB, false);
        runA.awaitUp();
        runB.awaitUp();
        a = api(portA);
        b = api(portB);
        balancer = LoadBalancer.start(portA, portB);
        viaBalancer = api(balancer.port);
        adminOnA = a.adminToken();
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {balancer, runA, runB, listenLine}) {
            if (part != null) {
                part.close();
            }
        }
        try (Connection connection = TestEnvironment.connect(); Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static ServiceRun launch(String name, int port, boolean restart) throws IOException {
        String url = TestEnvironment.serverDatabaseUrl() + "&currentSchema=" + SCHEMA + ",public";
        Map<String, String> settings = new TreeMap<>(Map.of("DATABASE_URL", url));
        if (name.equals("B")) {
            settings.put("DATABASE_LISTEN_URL", url.replaceFirst("//[^/]+/", "//127.0.0.1:" + listenLine.port() + "/"));
        }
        return ServiceRun.launch("cluster-" + name, port, settings, DEFAULTS, restart);
    }

    private static Api api(int port) {
        try {
            return new Api(URI.create("http://127.0.0.1:" + port + "/").toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void migratesTheSchemaOnceAndMakesOneBootstrapAdmin() throws SQLException {
        try (Connection connection = cluster(); Statement query = connection.createStatement()) {
            try (ResultSet twice = query.executeQuery("SELECT version, count(*) FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1")) {
                assertTrue(!twice.next(), "a migration was recorded twice");
            }
            try (ResultSet failed = query.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success")) {
                failed.next();
                assertEquals(0, failed.getInt(1), "failed migrations");
            }
            try (ResultSet latest = query.executeQuery("SELECT max(installed_rank) FROM flyway_schema_history"
                    + " WHERE version = '6'")) {
                latest.next();
                assertTrue(latest.getInt(1) > 0, "V6 (the account changes' triggers) is applied");
            }
            try (ResultSet admins = query.executeQuery(
                    "SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin'")) {
                admins.next();
                assertEquals(1, admins.getInt(1), "admins after two instances started together");
            }
        }
    }

    @Test
    @Order(2)
    void aTokenOfOneInstanceWorksOnTheOtherAndThroughTheBalancer() {
        String username = a.register("cluster").json().getString("username");
        String token = a.token(username, Api.PASSWORD);
        assertEquals(username, b.get("me", token).json().getString("username"));
        for (int i = 0; i < 4; i++) {
            assertEquals(200, viaBalancer.get("me", token).status());
        }
        String other = viaBalancer.token(username, Api.PASSWORD);
        assertEquals(200, a.get("me", other).status());
        assertEquals(200, b.get("me", other).status());
    }

    enum Change { LOGOUT_ALL, PASSWORD_CHANGE, DEACTIVATION, ROLE_REMOVAL }

    @Test
    @Order(3)
    void changesMadeOnOneInstanceHoldOnTheOtherWithinASecond() {
        double hits = metric(b, "auth_account_cache_hits_total");
        Map<Change, Long> worst = new EnumMap<>(Change.class);
        for (Change change : Change.values()) {
            for (int i = 0; i < TRIES; i++) {
                worst.merge(change, delayOnB(change), Math::max);
            }
        }
        long overall = Collections.max(worst.values());
        System.out.printf("ClusterIT: worst delay from a change on instance A to its effect on instance B, of %d"
                + " tries each: %s; worst %d ms%n", TRIES, worst, overall);
        assertTrue(overall < WITHIN.toMillis(), "a change on A took " + overall + " ms to hold on B: " + worst);
        assertTrue(metric(b, "auth_account_cache_hits_total") - hits >= Change.values().length * TRIES,
                "B served the accounts from its cache before each change");
    }

    /** Milliseconds from A's answer to a change until B's answers show it. */
    private long delayOnB(Change change) {
        JsonObject user = a.register("change").json();
        String id = user.getString("id");
        if (change == Change.ROLE_REMOVAL) {
            assertEquals(200, a.putJson(id, "{\"roles\": [\"user\", \"admin\"]}", adminOnA).status());
        }
        String token = a.token(user.getString("username"), Api.PASSWORD);
        // B reads the account, then serves it from its cache
        assertEquals(200, b.get("me", token).status());
        assertEquals(200, b.get("me", token).status());
        Reply done = switch (change) {
            case LOGOUT_ALL -> a.postJson("logout-all", "", token);
            case PASSWORD_CHANGE -> a.putJson(id, "{\"password\": \"" + Api.PASSWORD + " again\"}", adminOnA);
            case DEACTIVATION -> a.putJson(id, "{\"is_active\": false}", adminOnA);
            case ROLE_REMOVAL -> a.putJson(id, "{\"roles\": [\"user\"]}", adminOnA);
        };
        long start = System.nanoTime();
        assertTrue(done.status() / 100 == 2, change + " on A: " + done.status() + " " + done.body());
        Predicate<Reply> inForce = change == Change.ROLE_REMOVAL
                ? reply -> reply.status() == 200 && !roles(reply).contains("admin")
                : reply -> reply.status() == 401;
        long millis = until(start, () -> inForce.test(b.get("me", token)), change + " on B");
        if (change == Change.ROLE_REMOVAL) {
            assertEquals(403, b.get("stats", token).status(), "the removed role no longer admits on B");
        }
        return millis;
    }

    @Test
    @Order(4)
    void changesMadeInSqlHoldOnBothWithinASecond() throws SQLException {
        JsonObject user = a.register("sql").json();
        UUID id = UUID.fromString(user.getString("id"));
        String token = a.token(user.getString("username"), Api.PASSWORD);
        for (Api instance : List.of(a, b, a, b)) {
            assertEquals(200, instance.get("me", token).status());
        }
        sql("UPDATE users SET full_name = 'Renamed in SQL' WHERE id = ?", id);
        long start = System.nanoTime();
        long renamed = Math.max(until(start, () -> renamed(a.get("me", token)), "the rename on A"),
                until(start, () -> renamed(b.get("me", token)), "the rename on B"));
        sql("DELETE FROM user_roles WHERE user_id = ?", id);
        start = System.nanoTime();
        long unroled = Math.max(until(start, () -> a.get("me", token).status() == 403, "the role removal on A"),
                until(start, () -> b.get("me", token).status() == 403, "the role removal on B"));
        sql("INSERT INTO user_roles (user_id, role) VALUES (?, 'user')", id);
        until(System.nanoTime(), () -> b.get("me", token).status() == 200, "the role back on B");
        sql("UPDATE users SET is_active = false WHERE id = ?", id);
        start = System.nanoTime();
        long deactivated = Math.max(until(start, () -> a.get("me", token).status() == 401, "the deactivation on A"),
                until(start, () -> b.get("me", token).status() == 401, "the deactivation on B"));
        System.out.printf("ClusterIT: changes made in SQL held on both instances after %d ms (rename), %d ms (role"
                + " removed), %d ms (deactivation)%n", renamed, unroled, deactivated);
    }

    private static boolean renamed(Reply me) {
        return me.status() == 200 && "Renamed in SQL".equals(me.json().getString("full_name", null));
    }

    @Test
    @Order(5)
    void withItsListeningConnectionCutAnInstanceReadsTheDatabaseAndHonoursRevocationsAtOnce() throws Exception {
        String first = a.register("cut").json().getString("username");
        String firstToken = a.token(first, Api.PASSWORD);
        JsonObject second = a.register("cut").json();
        String secondToken = a.token(second.getString("username"), Api.PASSWORD);
        for (String token : List.of(firstToken, firstToken, secondToken, secondToken)) {
            assertEquals(200, b.get("me", token).status());
        }
        listenLine.cut();
        until(System.nanoTime(), () -> metric(b, "auth_account_cache_listening") == 0, "B's listener to notice the cut");
        double hits = metric(b, "auth_account_cache_hits_total");

        assertEquals(200, b.get("me", firstToken).status(), "B answers from the database");
        assertEquals(204, a.postJson("logout-all", "", firstToken).status());
        assertEquals(401, b.get("me", firstToken).status(), "B honours A's logout-all at once");
        assertEquals(200, a.putJson(second.getString("id"), "{\"is_active\": false}", adminOnA).status());
        assertEquals(401, b.get("me", secondToken).status(), "B honours A's deactivation at once");
        assertEquals(hits, metric(b, "auth_account_cache_hits_total"), "nothing was served from B's cache meanwhile");

        listenLine.open();
        until(System.nanoTime(), () -> metric(b, "auth_account_cache_listening") == 1, Duration.ofSeconds(20),
                "B's listener to connect again");
        String third = a.register("cut").json().getString("username");
        String thirdToken = a.token(third, Api.PASSWORD);
        assertEquals(200, b.get("me", thirdToken).status());
        assertEquals(200, b.get("me", thirdToken).status());
        assertTrue(metric(b, "auth_account_cache_hits_total") > hits, "B uses its cache again");
        assertEquals(204, a.postJson("logout-all", "", thirdToken).status());
        long start = System.nanoTime();
        long millis = until(start, () -> b.get("me", thirdToken).status() == 401, "a logout-all on B after the cut");
        System.out.printf("ClusterIT: B's listener back after the cut; a logout-all on A held on B after %d ms%n",
                millis);
    }

    @Test
    @Order(6)
    void theLoginThrottleCountsTheFailuresOfBothInstances() {
        String username = a.register("throttle").json().getString("username");
        for (int i = 0; i < 5; i++) {
            Reply failed = (i % 2 == 0 ? a : b).login(username, "not the password " + i);
            assertEquals(401, failed.status(), "failure " + (i + 1) + ": " + failed.body());
        }
        Reply onA = a.login(username, Api.PASSWORD);
        assertEquals(429, onA.status(), "the 6th attempt, on A: " + onA.body());
        Reply onB = b.login(username, Api.PASSWORD);
        assertEquals(429, onB.status(), "the 6th attempt, on B: " + onB.body());
        assertTrue(onB.headers().firstValue("retry-after").isPresent(), "429 says when to come back");
    }

    @Test
    @Order(7)
    void aRollingRestartBehindTheBalancerFailsNoRequest() throws Exception {
        String username = a.register("rolling").json().getString("username");
        String token = a.token(username, Api.PASSWORD);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean logins = i == 0;
            clients.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    HttpRequest request = logins
                            ? viaBalancer.request("login", null).header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("username=" + Api.encode(username)
                                            + "&password=" + Api.encode(Api.PASSWORD))).build()
                            : viaBalancer.request("me", token).GET().build();
                    String name = request.method() + " " + request.uri().getPath();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        outcomes.computeIfAbsent(name + " " + status, k -> new AtomicInteger()).incrementAndGet();
                        if (status != 200) {
                            failures.add(name + ": " + status);
                        }
                    } catch (IOException e) {
                        outcomes.computeIfAbsent(name + " failed", k -> new AtomicInteger()).incrementAndGet();
                        failures.add(name + ": " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                    pause(logins ? 50 : 10);
                }
            }));
        }
        try {
            Thread.sleep(2000);
            runA = restart(runA, "A", portA);
            runB = restart(runB, "B", portB);
            Thread.sleep(2000);
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }
        }
        int total = outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("ClusterIT: rolling restart of both instances behind HAProxy: %d requests, %s%n", total,
                new TreeMap<>(outcomes));
        assertTrue(failures.isEmpty(), failures.size() + " of " + total + " requests failed: "
                + failures.subList(0, Math.min(10, failures.size())) + "; see " + balancer.log);
        assertTrue(total >= 300, "only " + total + " requests during the restarts");
        assertEquals(200, a.get("me", token).status());
        assertEquals(200, b.get("me", token).status());
    }

    /** SIGTERM, the status it ends with, then the same instance again, until the balancer sends it calls again. */
    private static ServiceRun restart(ServiceRun run, String name, int port) throws Exception {
        assertEquals(143, run.stop(), "instance " + name + " ends as SIGTERM makes it; see " + run.log);
        ServiceRun again = launch(name, port, true);
        again.awaitUp();
        // two good health checks a second apart put it back (haproxy.cfg: inter 1s rise 2)
        Thread.sleep(3000);
        return again;
    }

    private static Connection cluster() throws SQLException {
        Connection connection = TestEnvironment.connect();
        try (Statement path = connection.createStatement()) {
            path.execute("SET search_path TO " + SCHEMA + ", public");
        }
        return connection;
    }

    private static void sql(String statement, UUID id) throws SQLException {
        try (Connection connection = cluster(); PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, id);
            assertEquals(1, update.executeUpdate(), statement);
        }
    }

    private static long until(long start, BooleanCheck check, String what) {
        return until(start, check, Duration.ofSeconds(5), what);
    }

    /** Milliseconds from {@code start} (a nanoTime) until the check holds, tried every 2 ms; fails after {@code limit}. */
    private static long until(long start, BooleanCheck check, Duration limit, String what) {
        while (!check.holds()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                fail("waited " + limit.toMillis() + " ms for " + what);
            }
            pause(2);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @FunctionalInterface
    private interface BooleanCheck {
        boolean holds();
    }

    private static List<String> roles(Reply me) {
        return me.json().getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** One series of the instance's /metrics (Prometheus text), summed over its labels; 0 when it is not there. */
    private static double metric(Api instance, String name) {
        Reply reply = instance.get("/metrics", null);
        assertEquals(200, reply.status(), reply.body());
        Matcher line = Pattern.compile("^" + name + "(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE).matcher(reply.body());
        double sum = 0;
        while (line.find()) {
            sum += Double.parseDouble(line.group(1));
        }
        return sum;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
