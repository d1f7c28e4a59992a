package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy, run in the foreground with the configuration of docs/operations.md ({@code server-config/haproxy.cfg}) in
 * front of two instances. Without haproxy the tests that need it are skipped loudly, except under CI=true, where
 * .ci/run installs it.
 */
final class LoadBalancer implements AutoCloseable {

    private static final List<File> HAPROXY = List.of(new File("/usr/sbin/haproxy"), new File("/usr/bin/haproxy"));

    final int port;
    final Path log;
    private final Process process;

    private LoadBalancer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** HAProxy on a free port of the loopback, balancing over {@code a} and {@code b} (ports of the loopback). */
    static LoadBalancer start(int a, int b) throws Exception {
        File haproxy = HAPROXY.stream().filter(File::canExecute).findFirst().orElse(null);
        if (haproxy == null) {
            String message = "NO HAPROXY: the cluster test needs Debian's haproxy (apt-get install haproxy);"
                    + " .ci/run installs it";
            MissingTool.stop(message);
        }
        int port = TestEnvironment.freePort();
        Path root = Path.of(System.getProperty("it.root", "..")).toAbsolutePath().normalize();
        Path log = Path.of(System.getProperty("it.dir", "target/it"), "haproxy.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(haproxy.getPath(), "-db", "-f",
                root.resolve("server-config/haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("LB_BIND", "127.0.0.1:" + port, "AUTH_A", "127.0.0.1:" + a,
                "AUTH_B", "127.0.0.1:" + b));
        LoadBalancer balancer = new LoadBalancer(builder.start(), port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!balancer.process.isAlive()) {
                fail("haproxy ended at once (status " + balancer.process.exitValue() + "): "
                        + Files.readString(log));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return balancer;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        balancer.close();
        return fail("haproxy did not listen within 10 s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
