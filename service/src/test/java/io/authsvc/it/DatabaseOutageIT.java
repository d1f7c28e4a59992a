package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database goes away (the proxy in front of it is cut): 503 within 5 s, never 401 or 500; then it comes back. */
class DatabaseOutageIT extends DeployedService {

    @AfterEach
    void mend() throws Exception {
        TestEnvironment.proxy().open();
    }

    @Test
    void answers503WhileTheDatabaseIsGoneAndRecovers() throws Exception {
        String username = api.register("outage").json().getString("username");
        String token = api.token(username, Api.PASSWORD);
        String admin = api.adminToken();

        TestEnvironment.proxy().cut();
        assertUnavailable(() -> api.get("me", token));
        // the token check's warning, written before any filter of the WAR runs, names the request
        String id = "outage-" + UUID.randomUUID();
        assertUnavailable(() -> api.send(api.request("me", token).header("X-Request-Id", id)));
        if (!TestEnvironment.isWildFly()) {
            // request ids in the server's lines: only where the WAR owns the process (Payara Micro), see Hosts
            LogFiles.awaitLines(TestEnvironment.serverLog(), "[request_id=" + id + "]", "identity store failed");
        }
        assertUnavailable(() -> api.login(username, Api.PASSWORD));
        assertUnavailable(() -> api.get("stats", admin));
        assertUnavailable(() -> api.postJson("register", """
                {"email": "gone@example.com", "username": "gone-user", "password": "%s"}""".formatted(Api.PASSWORD), null));

        Reply notReady = api.health("health/ready");
        assertEquals(503, notReady.status(), notReady.body());
        assertTrue(notReady.body().contains("DOWN"), notReady.body());

        TestEnvironment.proxy().open();
        assertEquals(200, eventually(() -> api.health("health/ready")).status());
        Reply back = eventually(() -> api.get("me", token));
        assertEquals(200, back.status(), back.body());
        assertEquals(200, api.login(username, Api.PASSWORD).status());
    }

    private static void assertUnavailable(Supplier<Reply> call) {
        long start = System.nanoTime();
        Reply reply = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertProblem(503, reply);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    }

    /** The pool may hand out one broken connection after the database returns; a client retries. */
    private static Reply eventually(Supplier<Reply> call) throws InterruptedException {
        Reply reply = call.get();
        for (int i = 0; i < 20 && reply.status() != 200; i++) {
            Thread.sleep(250);
            reply = call.get();
        }
        return reply;
    }
}
