package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Smtp.awaitMail;
import static io.authsvc.it.Smtp.awaitMails;
import static io.authsvc.it.Smtp.text;
import static io.authsvc.it.Smtp.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What ends a password-reset link (issue 29, class 5): a password change by any way, an address change and a
 * deactivation; another request does not, and spending one link ends them all. The owner's budget of requests is
 * not another client's to spend, and a request answers in the same time whether or not an account has the address.
 */
class ResetLinksIT extends DeployedService {

    static final String NEW_PASSWORD = "a brand new passphrase 42";

    @Test
    void endsALinkWhenTheOwnerChangesThePassword() throws Exception {
        assertLinkEndedBy((user, access) -> assertEquals(200, api.putJson(user.getString("id"),
                "{\"password\": \"another passphrase 77\", \"current_password\": \"" + Api.PASSWORD + "\"}",
                access).status()));
    }

    @Test
    void endsALinkWhenAnAdminSetsThePassword() throws Exception {
        String admin = api.adminToken();
        assertLinkEndedBy((user, access) -> assertEquals(200, api.putJson(user.getString("id"),
                "{\"password\": \"another passphrase 77\"}", admin).status()));
    }

    @Test
    void endsALinkWhenTheAddressChanges() throws Exception {
        String admin = api.adminToken();
        assertLinkEndedBy((user, access) -> {
            String moved = Api.unique("moved") + "@example.com";
            assertEquals(200, api.putJson(user.getString("id"), "{\"email\": \"" + moved + "\"}", admin).status());
            // and back: the link was for the address, not for whichever account has it now
            assertEquals(200, api.putJson(user.getString("id"), "{\"email\": \"" + user.getString("email") + "\"}",
                    admin).status());
        });
    }

    @Test
    void endsALinkWhenTheAccountIsDeactivated() throws Exception {
        String admin = api.adminToken();
        assertLinkEndedBy((user, access) -> {
            assertEquals(200, api.putJson(user.getString("id"), "{\"is_active\": false}", admin).status());
            assertEquals(200, api.putJson(user.getString("id"), "{\"is_active\": true}", admin).status());
        });
    }

    @Test
    void keepsTheLinksOfSeveralRequestsLiveAndEndsAllWhenOneIsSpent() throws Exception {
        JsonObject user = api.register("links").json();
        String email = user.getString("email");
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + email + "\"}", null).status());
            tokens.add(token(text(awaitMails(email, Smtp.RESET_SUBJECT, i).get(i - 1))));
        }
        Reply first = confirm(tokens.get(0));
        assertEquals(204, first.status(), "a newer request does not cancel the older link: " + first);
        assertEnded(confirm(tokens.get(1)));
        assertEnded(confirm(tokens.get(2)));
        assertEquals(200, api.login(user.getString("username"), NEW_PASSWORD).status());
    }

    @Test
    void leavesTheOwnerItsRequestsWhenAnotherClientUsesUpItsOwn() throws Exception {
        Api local = loopback();
        String email = api.register("budget").json().getString("email");
        String attacker = address();
        for (int i = 0; i < 3; i++) {
            assertEquals(202, request(local, attacker, email).status());
        }
        assertProblem(429, request(local, attacker, email));
        awaitMails(email, Smtp.RESET_SUBJECT, 3);
        Reply owner = request(local, address(), email);
        assertEquals(202, owner.status(), "another client spent the owner's budget: " + owner);
        String token = token(text(awaitMails(email, Smtp.RESET_SUBJECT, 4).get(3)));
        assertEquals(204, confirm(token).status());
    }

    /**
     * 40 addresses an account has and 40 none has, each asked for three times, all interleaved at random (after a
     * warm-up, with the outbox empty): the medians of each address's fastest answer (as an attacker would take it)
     * differ by less than {@link #TIMING_BOUND_MS}, in one of at most three such measurements. Before the fix the account's work (its token, its mail rendered
     * and written to the outbox) was done before the answer.
     */
    @Test
    void answersInTheSameTimeWhetherOrNotAnAccountHasTheAddress() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + Api.unique("warm") + "@example.com\"}",
                    null).status());
        }
        // A leak shows in every measurement (7 to 11 ms before the fix); this loaded machine's noise seldom twice
        // in a row (up to 1.6 ms was seen once in a CI run): up to three measurements, the first within the bound
        // passes. Each with addresses of its own, since each asks three times for each (PASSWORD_RESET_MAX_PER_HOUR).
        List<String> seen = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            List<String> addresses = new ArrayList<>();
            List<Boolean> known = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                addresses.add(api.register("timing").json().getString("email"));
                known.add(true);
                addresses.add(Api.unique("nobody") + "@example.com");
                known.add(false);
            }
            awaitEmptyOutbox();
            double[] medians = medianFastestAnswers(addresses, known);
            System.out.printf("ResetLinksIT: median fastest answer %.2f ms for an address an account has, %.2f ms for"
                    + " one none has%n", medians[0], medians[1]);
            seen.add(String.format(Locale.ROOT, "%.2f vs %.2f ms", medians[0], medians[1]));
            if (Math.abs(medians[0] - medians[1]) < TIMING_BOUND_MS) {
                return;
            }
        }
        fail("the answer's time tells whether an account has the address: " + seen);
    }

    /** The median of each address's fastest answer of three, for addresses an account has and for the others. */
    private double[] medianFastestAnswers(List<String> addresses, List<Boolean> known) {
        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < addresses.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order);
        long[] fastest = new long[addresses.size()];
        Arrays.fill(fastest, Long.MAX_VALUE);
        for (int i : order) {
            long start = System.nanoTime();
            Reply reply = api.postJson("password-reset", "{\"email\": \"" + addresses.get(i) + "\"}", null);
            long took = System.nanoTime() - start;
            assertEquals(202, reply.status(), reply.body());
            fastest[i] = Math.min(fastest[i], took);
        }
        List<Long> forKnown = new ArrayList<>();
        List<Long> forUnknown = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            (known.get(i) ? forKnown : forUnknown).add(fastest[i]);
        }
        return new double[] {median(forKnown) / 1e6, median(forUnknown) / 1e6};
    }

    static final double TIMING_BOUND_MS = 1.5;

    private static void awaitEmptyOutbox() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection connection = TestEnvironment.connect();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM mail_outbox")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /** A live link, then {@code event}, then the link refused; a new link afterwards works. */
    private void assertLinkEndedBy(Event event) throws Exception {
        JsonObject user = api.register("ended").json();
        String email = user.getString("email");
        String access = api.token(user.getString("username"), Api.PASSWORD);
        assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + email + "\"}", null).status());
        String token = token(text(awaitMail(email, Smtp.RESET_SUBJECT)));
        event.happen(user, access);
        assertEnded(confirm(token));
        assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + email + "\"}", null).status());
        String next = token(text(awaitMails(email, Smtp.RESET_SUBJECT, 2).get(1)));
        assertEquals(204, confirm(next).status(), "a link asked after the event works");
    }

    interface Event {
        void happen(JsonObject user, String access) throws Exception;
    }

    private Reply confirm(String token) {
        return api.postJson("password-reset/confirm",
                "{\"token\": \"" + token + "\", \"new_password\": \"" + NEW_PASSWORD + "\"}", null);
    }

    private static void assertEnded(Reply reply) {
        JsonObject problem = assertProblem(400, reply);
        assertEquals("The reset token is invalid, used or expired", problem.getString("detail"));
    }

    private static Reply request(Api to, String client, String email) {
        return to.send(to.request("password-reset", null).header("X-Forwarded-For", client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\"}")));
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
