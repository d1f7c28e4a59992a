package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The README's start command, {@code bin/run}, on a port of its own against the test database: for the tests that
 * need the service as an operator starts it (its own settings, its defaults, its signals).
 */
final class ServiceRun implements AutoCloseable {

    final Process process;
    final URI base;
    final Path log;
    final int port;

    private ServiceRun(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.base = URI.create("http://127.0.0.1:" + port + "/auth/");
        this.log = log;
    }

    /**
     * Starts bin/run with the test environment, {@code settings} on top, and without {@code defaults} (settings the
     * test environment sets that this run must take at the service's own default); returns once it answers.
     */
    static ServiceRun start(String name, Map<String, String> settings, Set<String> defaults) throws Exception {
        ServiceRun run = launch(name, TestEnvironment.freePort(), settings, defaults, false);
        run.awaitUp();
        return run;
    }

    /**
     * As {@link #start}, on {@code port}, without waiting ({@link #awaitUp} follows); its output goes to
     * {@code <name>-run.log}, after what is there when {@code append} (a restart), or in its place.
     */
    static ServiceRun launch(String name, int port, Map<String, String> settings, Set<String> defaults,
            boolean append) throws IOException {
        Path log = Path.of(System.getProperty("it.dir", "target/it"), name + "-run.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("it.root", ".."), "bin", "run").toString())
                .redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeAll(defaults);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("DATABASE_URL", TestEnvironment.serverDatabaseUrl());
        builder.environment().putAll(settings);
        return new ServiceRun(builder.start(), port, log);
    }

    /** Returns once the service answers; fails (and ends the run) when bin/run ends first or after 240 s. */
    void awaitUp() throws Exception {
        try {
            awaitAnswer();
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    private void awaitAnswer() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("bin/run ended before the service answered (status " + process.exitValue() + "); see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("the service did not answer within 240 s; see " + log);
    }

    /** SIGTERM, as an operator's stop: returns bin/run's status once it has ended (fails after 90 s). */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            fail("bin/run did not end within 90 s of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends bin/run and everything it started, at once. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
