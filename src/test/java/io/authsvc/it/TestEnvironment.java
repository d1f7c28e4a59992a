package io.authsvc.it;

import io.authsvc.database.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any integration test: puts a cuttable proxy in front of the test database and tells the Payara Micro
 * that Arquillian starts to use it (through a system-properties file, since a child JVM's environment is fixed).
 * The database is TEST_DATABASE_URL when set, else the throwaway cluster that bin/test-db started for the build.
 */
public class TestEnvironment implements LauncherSessionListener {

    static final String THROWAWAY_USER = "auth_test";
    static final String THROWAWAY_PASSWORD_ENCODED = "s3cret%3Ap%40ss%2Fw0rd";

    private static TcpProxy proxy;
    private static String jdbcUrl;
    private static DatabaseUrl database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("it.db.port");
        if (port == null || proxy != null) {
            return; // a unit-test run: no database here
        }
        try {
            String given = System.getenv("TEST_DATABASE_URL");
            String url = given != null && !given.isBlank() ? given
                    : "postgresql://" + THROWAWAY_USER + ":" + THROWAWAY_PASSWORD_ENCODED + "@127.0.0.1:" + port + "/auth_test";
            database = DatabaseUrl.parse(url);
            URI target = URI.create(database.jdbcUrl().substring("jdbc:".length()));
            proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
            jdbcUrl = database.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");

            Path dir = Path.of(System.getProperty("it.dir", "target/it"));
            Files.createDirectories(dir);
            Properties properties = new Properties();
            properties.setProperty("DATABASE_URL", jdbcUrl + "&user=" + encode(database.user())
                    + "&password=" + encode(database.password()));
            Path file = dir.resolve("payara-system.properties");
            try (var out = Files.newOutputStream(file)) {
                properties.store(out, "written by TestEnvironment for the Payara Micro of the integration tests");
            }
            // The same server configuration as bin/run starts with.
            System.setProperty("payara.extraMicroOptions", "--systemProperties " + file.toAbsolutePath()
                    + " --postbootcommandfile " + System.getProperty("it.postboot") + " --nocluster");
            System.setProperty("payara.cmdOptions", "-Xmx768m");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (proxy != null) {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // the JVM ends next
            }
        }
    }

    public static TcpProxy proxy() {
        return proxy;
    }

    /** The test database, reached directly (not through the proxy), for arranging rows. */
    public static DatabaseUrl database() {
        return database;
    }

    private static String encode(String value) {
        // URLEncoder writes a space as '+', which a URL's query reads as a plus: spell it %20.
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
