package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Bcrypt;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM during a burst, through the README's own start command: {@code bin/run} on a port of its own, against
 * the test database, gets SIGTERM (and passes it on to Payara) while logins are in flight and another client keeps
 * calling. Every login in flight answers 200 and closes its connection, no call gets an error status, new
 * connections are refused while the logins finish, a connection kept alive through the drain is closed before
 * Payara's own stop, and the process ends with SIGTERM's status. Without the drain, Payara undeploys the WAR under
 * the logins and their connections break; without the closing, a kept-alive connection carries its client's next
 * call into the undeployment (a 503 in CI once).
 */
// Payara only: bin/run starts Payara Micro, where the WAR owns the process and drains on SIGTERM itself; on a
// WildFly the server's own suspend does that (see docs/operations.md, "Deploying on WildFly").
@Tag("payara")
class GracefulShutdownIT {

    private static final int LOGINS = 3;
    /** bcrypt at cost 13 takes about half a second here; three at once on two cores, over a second each. */
    private static final int COST = 13;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void finishesTheCallsInFlightOnSigtermAndTakesNoNewConnections() throws Exception {
        ServiceRun run = ServiceRun.start("graceful-shutdown", Map.of(
                "BCRYPT_COST", String.valueOf(COST),
                "HASH_POOL_SIZE", String.valueOf(LOGINS),
                "HASH_QUEUE_MAX_WAIT_MS", "60000",
                "SHUTDOWN_TIMEOUT_MS", "30000"), Set.of());
        URI base = run.base;
        int port = run.port;
        Path log = run.log;
        try {
            // after the start, which brings the schema up to date (this test may run first)
            String username = Api.unique("drain");
            String hash = Password.hash(Api.PASSWORD).with(BcryptFunction.getInstance(Bcrypt.B, COST)).getResult();
            TestEnvironment.insertUser(username, hash);

            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicInteger connectionErrors = new AtomicInteger();
            AtomicBoolean calling = new AtomicBoolean(true);
            Thread caller = Thread.ofPlatform().start(() -> {
                while (calling.get()) {
                    try {
                        int status = http.send(HttpRequest.newBuilder(base.resolve("ping")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    } catch (IOException e) {
                        // refused, or closed before an answer: not accepted, so not a failure
                        connectionErrors.incrementAndGet();
                        pause(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            // a connection kept alive and idle through the drain: the drain must close it, not leave it to Payara
            Socket idle = keptAlive(port);

            List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                logins.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                                + Api.encode(Api.PASSWORD))).build(), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(300);
            assertFalse(logins.stream().anyMatch(CompletableFuture::isDone),
                    "the logins ended before SIGTERM; the test needs a costlier hash to show anything");

            run.process.destroy(); // SIGTERM to bin/run, which passes it on to Payara

            long refusedAfter = awaitRefused(port);
            boolean loginsStillRunning = logins.stream().anyMatch(login -> !login.isDone());
            for (CompletableFuture<HttpResponse<String>> login : logins) {
                HttpResponse<String> response = login.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                assertEquals("close", response.headers().firstValue("connection").orElse(null),
                        "a call that ends during the drain tells its client the connection closes");
            }
            assertTrue(loginsStillRunning, "new connections were refused only after the logins had ended ("
                    + refusedAfter + " ms after SIGTERM)");
            // at once: Payara's own stop, which begins right after this line, closes the connection too
            awaitPromptly(log, "drained in");
            String late = answerOn(idle);
            idle.close();
            assertTrue(late.isEmpty(), "a request on a connection kept alive through the drain, sent after it,"
                    + " should find the connection closed, but was answered: " + late);
            assertTrue(run.process.waitFor(90, TimeUnit.SECONDS), "bin/run did not end after SIGTERM; see " + log);
            assertEquals(143, run.process.exitValue(), "bin/run ends with the status SIGTERM gives; see " + log);
            calling.set(false);
            caller.join(10_000);

            assertFalse(statuses.isEmpty(), "the other client got no answer at all");
            assertEquals(List.of(204), List.copyOf(statuses.keySet()), "statuses the other client saw (status=count): "
                    + statuses + ", besides " + connectionErrors + " connections refused or closed unanswered");
            String output = Files.readString(log);
            assertTrue(output.contains("stopped accepting connections"), "the drain's log line; see " + log);
        } finally {
            run.close();
        }
    }

    /** Returns as soon as {@code text} is in {@code file} (checked every few milliseconds); fails after 30 s. */
    private static void awaitPromptly(Path file, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(file, StandardCharsets.ISO_8859_1).contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("no \"" + text + "\" in " + file + " 30 s after SIGTERM");
            }
            Thread.sleep(2);
        }
    }

    /** A connection that has had one answer and is kept alive. */
    private static Socket keptAlive(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        String answer = answerOn(socket);
        assertTrue(answer.startsWith("HTTP/1.1 204") && !answer.toLowerCase(Locale.ROOT).contains("connection: close"),
                "a ping kept alive, but was: " + answer);
        return socket;
    }

    /** The status line and headers of the answer to a ping sent on {@code socket}; empty when it is closed. */
    private static String answerOn(Socket socket) {
        try {
            socket.getOutputStream().write("GET /auth/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder head = new StringBuilder();
            int c;
            while (head.indexOf("\r\n\r\n") < 0 && (c = socket.getInputStream().read()) >= 0) {
                head.append((char) c);
            }
            return head.toString();
        } catch (IOException closed) {
            return "";
        }
    }

    /** Milliseconds until a new connection to {@code port} is refused; fails after 10 s. */
    private static long awaitRefused(int port) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                pause(20);
            } catch (ConnectException refused) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            } catch (IOException e) {
                pause(20);
            }
        }
        return fail("new connections were still accepted 10 s after SIGTERM");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
