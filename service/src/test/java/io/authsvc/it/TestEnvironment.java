package io.authsvc.it;

import io.authsvc.database.DatabaseUrl;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any integration test: puts a cuttable proxy in front of the test database, assembles the example WARs
 * that are deployed beside the auth WAR, and tells the Payara Micro that Arquillian starts how to run (through a
 * system-properties file, since a child JVM's environment is fixed). The database is TEST_DATABASE_URL when set,
 * else the throwaway cluster that bin/test-db started for the build. With {@code it.algorithm=RS256} it also makes
 * the key pairs (the current one and a previous one) and fixes the HTTP port, which the JWK Set URL names.
 */
public class TestEnvironment implements LauncherSessionListener {

    static final String THROWAWAY_USER = "auth_test";
    static final String THROWAWAY_PASSWORD_ENCODED = "s3cret%3Ap%40ss%2Fw0rd";

    private static TcpProxy proxy;
    private static DatabaseUrl database;
    private static Path dir;
    private static String issuer = "auth-service";

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
            String jdbcUrl = database.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");

            dir = Path.of(System.getProperty("it.dir", "target/it")).toAbsolutePath();
            Files.createDirectories(dir);
            Properties properties = new Properties();
            properties.setProperty("DATABASE_URL", withCredentials(jdbcUrl));
            // The server's log goes to a file, which the tests read for the request ids of its lines.
            StringBuilder options = new StringBuilder(payaraOptions() + " --logToFile " + serverLog()
                    + " --deploy " + ordersWar());
            if (isRs256()) {
                int http = freePort();
                String jwks = "http://127.0.0.1:" + http + "/auth/.well-known/jwks.json";
                properties.setProperty("ALGORITHM", "RS256");
                // The issuer is the public URL of /auth, as discovery-based clients need it (OAuthClientRs256IT).
                issuer = "http://127.0.0.1:" + http + "/auth";
                properties.setProperty("JWT_ISSUER", issuer);
                properties.setProperty("JWT_PRIVATE_KEY_LOCATION", writeKeys("current").toString());
                writeKeys("previous");
                properties.setProperty("JWT_PREVIOUS_PUBLIC_KEYS_LOCATION", dir.resolve("previous-public.pem").toString());
                // The realm jar's WAR and the MicroProfile JWT WAR find the keys where any other server would.
                properties.setProperty("JWT_PUBLIC_KEY_LOCATION", jwks);
                properties.setProperty("mp.jwt.verify.publickey.location", jwks);
                properties.setProperty("mp.jwt.verify.issuer", issuer);
                System.setProperty("payara.randomHttpPort", "false");
                System.setProperty("payara.autoBindHttp", "false");
                options.append(" --port ").append(http).append(" --deploy ").append(reportsWar());
            }
            if (isWildFly()) {
                // arquillian.xml's WildFly reads this file (-P); its management port follows the port offset.
                try (var out = Files.newOutputStream(dir.resolve("wildfly-system.properties"))) {
                    properties.store(out, "written by TestEnvironment for the WildFly of the integration tests");
                }
                System.setProperty("wildfly.management.port",
                        String.valueOf(9990 + Integer.parseInt(System.getProperty("wildfly.port.offset", "0"))));
                return;
            }
            Path file = dir.resolve("payara-system.properties");
            try (var out = Files.newOutputStream(file)) {
                properties.store(out, "written by TestEnvironment for the Payara Micro of the integration tests");
            }
            // The same server configuration as bin/run starts with, plus the example WARs.
            System.setProperty("payara.extraMicroOptions", "--systemProperties " + file + options);
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

    /**
     * The options every Payara Micro of this project starts with (server-config/payara-micro.options, which bin/run
     * and bench/run read too), with a leading space; the paths in it are the repository root's.
     */
    static String payaraOptions() throws IOException {
        Path root = Path.of(System.getProperty("it.root", "..")).toAbsolutePath().normalize();
        StringBuilder options = new StringBuilder();
        for (String line : Files.readAllLines(root.resolve("server-config/payara-micro.options"))) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            for (String word : line.strip().split("\\s+")) {
                options.append(' ').append(word.startsWith("-") ? word : root.resolve(word).toString());
            }
        }
        return options.toString();
    }

    /** A connection of the test's own to the test database (not through the proxy that a test may cut). */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /** Writes an active account with role user and this password hash straight into the test database. */
    public static UUID insertUser(String username, String hash) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = connect();
                PreparedStatement user = connection.prepareStatement(
                        "INSERT INTO users (id, email, username, password_hash) VALUES (?, ?, ?, ?)");
                PreparedStatement role = connection.prepareStatement(
                        "INSERT INTO user_roles (user_id, role) VALUES (?, 'user')")) {
            user.setObject(1, id);
            user.setString(2, username + "@example.com");
            user.setString(3, username);
            user.setString(4, hash);
            user.executeUpdate();
            role.setObject(1, id);
            role.executeUpdate();
        }
        return id;
    }

    /** Lets the account's mail tokens of {@code purpose} expire, as time would; answers how many there were. */
    public static int expireMailTokens(String userId, String purpose) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement expire = connection.prepareStatement("UPDATE account_tokens"
                        + " SET expires_at = now() - interval '1 second' WHERE user_id = ?::uuid AND purpose = ?")) {
            expire.setString(1, userId);
            expire.setString(2, purpose);
            return expire.executeUpdate();
        }
    }

    /** The log of the Payara Micro that Arquillian starts (which writes server.log.0, server.log.1, ...), or WildFly's. */
    public static Path serverLog() {
        if (isWildFly()) {
            return Path.of(System.getProperty("wildfly.home"), "standalone", "log", "server.log");
        }
        return dir.resolve(isRs256() ? "server-rs256.log" : "server.log");
    }

    /** The tests run on WildFly (mvn -Pwildfly), not on Payara Micro. */
    public static boolean isWildFly() {
        return "wildfly".equals(System.getProperty("it.server"));
    }

    /**
     * Where the server answers MicroProfile Health: the application's own HTTP port on Payara, the management port
     * on WildFly, which serves health nowhere else.
     */
    public static URI healthBase(java.net.URL application) {
        if (isWildFly()) {
            return URI.create("http://127.0.0.1:" + System.getProperty("wildfly.management.port") + "/");
        }
        return URI.create(application.getProtocol() + "://" + application.getAuthority() + "/");
    }

    /** The test database as a server's DATABASE_URL, reached directly (not through the proxy). */
    public static String serverDatabaseUrl() {
        return withCredentials(database.jdbcUrl());
    }

    private static String withCredentials(String jdbcUrl) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=" + encode(database.user())
                + "&password=" + encode(database.password());
    }

    /** The {@code iss} of the server's tokens: the default under HS256, the server's URL of /auth under RS256. */
    public static String issuer() {
        return issuer;
    }

    public static boolean isRs256() {
        return "RS256".equals(System.getProperty("it.algorithm"));
    }

    /** A PEM file that this run wrote: current-private.pem, previous-private.pem, previous-public.pem. */
    public static Path keyFile(String name) {
        return dir.resolve(name);
    }

    /** The realm example: its classes, the realm jar and the libraries docs/protecting-applications.md tells a team to add. */
    private static Path ordersWar() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "orders.war")
                .addPackage("com.example.orders")
                .addAsLibraries(new File(System.getProperty("it.realm.jar")),
                        classPathJar("smallrye-jwt-4"), classPathJar("smallrye-jwt-common-"), classPathJar("jose4j-"),
                        classPathJar("slf4j-api-"));
        return export(war);
    }

    /** The MicroProfile JWT example: its classes and its settings, nothing of ours. */
    private static Path reportsWar() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "reports.war")
                .addPackage("com.example.reports")
                .addAsResource(new File(System.getProperty("it.examples"),
                        "mp-jwt-service/src/main/resources/META-INF/microprofile-config.properties"),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new File(System.getProperty("it.examples"),
                        "mp-jwt-service/src/main/webapp/WEB-INF/beans.xml"), "beans.xml");
        return export(war);
    }

    private static Path export(WebArchive war) {
        Path file = dir.resolve(war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    private static File classPathJar(String prefix) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(File::new)
                .filter(file -> file.getName().startsWith(prefix) && file.getName().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(prefix + "*.jar is not on the test class path"));
    }

    /** A 2048-bit RSA pair as name-private.pem (PKCS#8) and name-public.pem; answers the private key's file. */
    private static Path writeKeys(String name) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateKey = dir.resolve(name + "-private.pem");
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(dir.resolve(name + "-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return privateKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String encode(String value) {
        // URLEncoder writes a space as '+', which a URL's query reads as a plus: spell it %20.
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
