package io.authsvc.it;

import static io.authsvc.it.Smtp.awaitMail;
import static io.authsvc.it.Smtp.mailsTo;
import static io.authsvc.it.Smtp.text;
import static io.authsvc.it.Smtp.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account row under concurrent use cases (issue 29, classes 2 and 3): each race is run for many rounds with its
 * requests released together, and each round's end state must be one that the requests, one after the other in some
 * order, could have left; no request may answer 500, and no change answered 200 may be lost.
 */
class AccountRacesIT extends DeployedService {

    static final int ROUNDS = 24;

    ExecutorService pool;

    @BeforeEach
    void pool() {
        pool = Executors.newFixedThreadPool(6);
    }

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    @Test
    void neverMarksAChangedAddressVerifiedByTheOldAddressesToken() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonObject user = api.register("verify-race").json();
            String id = user.getString("id");
            String oldEmail = user.getString("email");
            String access = api.token(user.getString("username"), Api.PASSWORD);
            String verification = token(text(awaitMail(oldEmail, Smtp.VERIFY_SUBJECT)));
            String newEmail = Api.unique("moved") + "@example.com";

            List<Reply> replies = together(
                    () -> api.postJson("verify-email/confirm", "{\"token\": \"" + verification + "\"}", null),
                    () -> api.putJson(id, "{\"email\": \"" + newEmail + "\", \"current_password\": \""
                            + Api.PASSWORD + "\"}", access));
            assertNo500(replies);
            assertEquals(200, replies.get(1).status(), replies.get(1).body());
            Row row = row(id);
            assertEquals(newEmail, row.email(), "round " + round);
            assertFalse(row.emailVerified(), "round " + round + ": the new address is verified by the old one's token "
                    + replies);
        }
    }

    @Test
    void neverSetsAPasswordByALinkOfAnAddressChangedMeanwhile() throws Exception {
        String admin = api.adminToken();
        for (int round = 0; round < ROUNDS; round++) {
            JsonObject user = api.register("reset-race").json();
            String id = user.getString("id");
            String oldEmail = user.getString("email");
            assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + oldEmail + "\"}", null).status());
            String reset = token(text(awaitMail(oldEmail, Smtp.RESET_SUBJECT)));
            String newEmail = Api.unique("moved") + "@example.com";

            List<Reply> replies = together(
                    () -> api.postJson("password-reset/confirm", "{\"token\": \"" + reset
                            + "\", \"new_password\": \"a brand new passphrase 42\"}", null),
                    () -> api.putJson(id, "{\"email\": \"" + newEmail + "\"}", admin));
            assertNo500(replies);
            assertEquals(200, replies.get(1).status(), replies.get(1).body());
            if (replies.get(0).status() == 204) {
                // The reset came first: its notice went to the address its link was mailed to, not to the new one.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (mailsTo(oldEmail, "Your password was changed").isEmpty()
                        && mailsTo(newEmail, "Your password was changed").isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(mailsTo(newEmail, "Your password was changed").isEmpty(),
                        "round " + round + ": a link to the old address set the password after the address changed");
                assertEquals(1, mailsTo(oldEmail, "Your password was changed").size(), "round " + round);
            } else {
                assertEquals(400, replies.get(0).status(), replies.get(0).body());
            }
        }
    }

    @Test
    void countsEveryRevocationOfConcurrentLogoutAlls() throws Exception {
        String admin = api.adminToken();
        for (int round = 0; round < ROUNDS / 2; round++) {
            String id = api.register("revoke-race").json().getString("id");
            int before = row(id).tokenVersion();
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> api.postJson(id + "/logout-all", "{}", admin));
            }
            List<Reply> replies = together(calls);
            assertNo500(replies);
            for (Reply reply : replies) {
                assertEquals(204, reply.status(), reply.body());
            }
            assertEquals(before + 4, row(id).tokenVersion(), "round " + round + ": a revocation was lost");
        }
    }

    @Test
    void deactivatesAnAccountWhileItsRefreshTokenRotates() throws Exception {
        String admin = api.adminToken();
        for (int round = 0; round < ROUNDS; round++) {
            JsonObject user = api.register("rotate-race").json();
            String id = user.getString("id");
            List<String> refresh = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                refresh.add(api.login(user.getString("username"), Api.PASSWORD).json().getString("refresh_token"));
            }
            List<Callable<Reply>> calls = new ArrayList<>();
            calls.add(() -> api.putJson(id, "{\"is_active\": false}", admin));
            for (String token : refresh) {
                calls.add(() -> api.postForm("login", "grant_type=refresh_token&refresh_token=" + token, null));
            }
            List<Reply> replies = together(calls);
            assertNo500(replies);
            assertEquals(200, replies.get(0).status(), replies.get(0).body());
            assertFalse(row(id).active(), "round " + round + ": the deactivation was lost");
            for (String token : refresh) {
                assertEquals(400, api.postForm("login", "grant_type=refresh_token&refresh_token=" + token, null)
                        .status(), "round " + round + ": a session outlived the deactivation");
            }
        }
    }

    /**
     * A deadlock forced from outside: this test's own transaction holds the account's mail token, an admin's change
     * of address waits for it (its trigger ends the token) while holding the account's row, and then this
     * transaction asks for that row. PostgreSQL aborts the change (it waited first); the change runs again as a
     * new transaction once this one commits, and answers 200, not 500.
     */
    @Test
    void runsAChangeAgainThatADeadlockAborted() throws Exception {
        String admin = api.adminToken();
        JsonObject user = api.register("deadlock").json();
        String id = user.getString("id");
        awaitMail(user.getString("email"), Smtp.VERIFY_SUBJECT);
        String newEmail = Api.unique("moved") + "@example.com";
        try (Connection connection = TestEnvironment.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement token = connection.prepareStatement(
                    "SELECT 1 FROM account_tokens WHERE user_id = ?::uuid FOR UPDATE")) {
                token.setString(1, id);
                token.executeQuery().close();
            }
            Future<Reply> change = pool.submit(() -> api.putJson(id, "{\"email\": \"" + newEmail + "\"}", admin));
            awaitLockWait();
            try (PreparedStatement row = connection.prepareStatement(
                    "SELECT 1 FROM users WHERE id = ?::uuid FOR NO KEY UPDATE")) {
                row.setString(1, id);
                row.executeQuery().close();
            }
            connection.commit();
            Reply reply = change.get(30, TimeUnit.SECONDS);
            assertEquals(200, reply.status(), reply.body());
        }
        assertEquals(newEmail, row(id).email());
    }

    /**
     * Until the change waits for a lock: in its UPDATE of users (whose trigger ends the token) or in a statement on
     * account_tokens. Polled often, so that this test's own wait begins within PostgreSQL's deadlock_timeout (1 s)
     * of the change's: the change, waiting first, is the one PostgreSQL aborts.
     */
    private static void awaitLockWait() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection watcher = TestEnvironment.connect();
                PreparedStatement waiting = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND (query ILIKE '%update users%'"
                        + " OR query ILIKE '%account_tokens%') AND pid <> pg_backend_pid()")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the change never waited for the token");
    }

    /** The requests, released together by a barrier; their replies in the same order. */
    @SafeVarargs
    final List<Reply> together(Callable<Reply>... calls) throws Exception {
        return together(List.of(calls));
    }

    List<Reply> together(List<Callable<Reply>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<Future<Reply>> futures = new ArrayList<>();
        for (Callable<Reply> call : calls) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            replies.add(future.get(60, TimeUnit.SECONDS));
        }
        return replies;
    }

    static void assertNo500(List<Reply> replies) {
        for (Reply reply : replies) {
            assertTrue(reply.status() < 500, "a race answered " + reply);
        }
    }

    record Row(String email, boolean emailVerified, boolean active, int tokenVersion) {
    }

    static Row row(String id) throws Exception {
        try (Connection connection = TestEnvironment.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT email, email_verified, is_active, token_version FROM users WHERE id = ?::uuid")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no account " + id);
                return new Row(row.getString(1), row.getBoolean(2), row.getBoolean(3), row.getInt(4));
            }
        }
    }
}
