package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.database.DatabaseUrl;
import io.authsvc.migration.boundary.ImportUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bin/import-users, run in this JVM against the test database, on hand-written exports whose documents say what
 * should become of them ({@code _test}: the outcome, the password the passlib hash was made from, what the account
 * should show). The imported users then log in through the deployed service.
 */
class ImportUsersIT extends DeployedService {

    private static final Pattern SKIP = Pattern.compile("skipped record (\\d+) \\(_id (\\S+)\\): ([^:]+): (.*)");

    /** Eight hex digits in every _id, email and username of the fixtures, so runs never meet each other's users. */
    String run;
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        dir = Files.createTempDirectory("import-users-it");
    }

    /** Only this test's users go; the imported admins would otherwise count in other tests' "last admin" rules. */
    @AfterEach
    void removeThisRunsUsers() throws SQLException, IOException {
        try (Connection connection = TestEnvironment.connect();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM users WHERE legacy_id LIKE ? OR email LIKE ?")) {
            delete.setString(1, "65a1b2c3" + run + "%");
            delete.setString(2, "%." + run + "@example.com");
            delete.executeUpdate();
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Test
    void importsTheOldUsersWhoThenLogInWithTheirOldPasswords() throws SQLException {
        registerTheExistingUser();
        List<JsonObject> fixture = fixture("users.json");

        Outcome outcome = importUsers("users.json");

        assertEquals(0, outcome.status(), outcome.toString());
        long good = fixture.stream().filter(doc -> expected(doc).equals("imported")).count();
        assertEquals(7, good, "the fixture's good users");
        assertEquals(fixture.size(), outcome.count("read"));
        assertEquals(good, outcome.count("imported"));
        assertEquals(0, outcome.count("already imported"));
        assertEquals(fixture.size() - good, outcome.count("skipped"));
        assertSkipsAsTheFixtureSays(fixture, outcome);
        assertNoSecretIn(fixture, outcome);
        for (JsonObject doc : fixture) {
            if (expected(doc).equals("imported")) {
                assertStoredAsIs(doc);
                assertLogsIn(doc);
            }
        }
    }

    @Test
    void aSecondRunAddsNothingAndCountsEveryUserAsAlreadyImported() throws SQLException {
        registerTheExistingUser();
        Outcome first = importUsers("users.json");
        assertEquals(0, first.status(), first.toString());
        long rows = countRows();

        Outcome second = importUsers("users.json");

        assertEquals(0, second.status(), second.toString());
        assertEquals(0, second.count("imported"));
        assertEquals(first.count("imported"), second.count("already imported"));
        assertEquals(7, second.count("already imported"));
        assertEquals(first.skips(), second.skips(), "the same records skipped for the same reasons");
        assertEquals(rows, countRows());
    }

    @Test
    void aDryRunReportsTheSameAndWritesNothing() throws SQLException {
        registerTheExistingUser();
        List<JsonObject> fixture = fixture("users.json");

        Outcome outcome = importUsers("users.json", "--dry-run");

        assertEquals(0, outcome.status(), outcome.toString());
        assertTrue(outcome.out().contains("dry run: nothing was written"), outcome.out());
        assertEquals(7, outcome.count("would import"));
        assertSkipsAsTheFixtureSays(fixture, outcome);
        assertEquals(0, countRows());
        assertUnauthorized(api.login("ann-" + run, "Ann's old password 1"));
    }

    @Test
    void importsOneDocumentPerLine() throws SQLException {
        List<JsonObject> fixture = fixture("users.jsonl");

        Outcome outcome = importUsers("users.jsonl", "--batch-size", "1");

        assertEquals(0, outcome.status(), outcome.toString());
        assertEquals(3, outcome.count("read"));
        assertEquals(2, outcome.count("imported"));
        assertSkipsAsTheFixtureSays(fixture, outcome);
        for (JsonObject doc : fixture) {
            if (expected(doc).equals("imported")) {
                assertStoredAsIs(doc);
                assertLogsIn(doc);
            }
        }
    }

    @Test
    void stopsAtBrokenJsonNamingTheLineAndKeepsTheCommittedBatches() throws SQLException {
        String good = fixtureText("users.jsonl").lines().findFirst().orElseThrow();
        Path file = write("broken.jsonl", good + "\n{\"_id\": {\"$oid\": \"65a1b2c3" + run + "000000b2\"}, \"email\": \n");

        Outcome outcome = importUsers(file, "--batch-size", "1");

        assertEquals(1, outcome.status(), outcome.toString());
        assertTrue(outcome.err().contains("broken.jsonl line 2 (record 2): "), outcome.err());
        assertFalse(outcome.err().contains("Exception"), "a message, not a stack trace: " + outcome.err());
        assertEquals(1, outcome.count("imported"), "the batch before the broken record is committed");
        assertEquals(1, countRows());
    }

    @Test
    void refusesASchemaFromBeforeVersionTwo() throws SQLException {
        String schema = "import_old_" + run;
        try (Connection connection = TestEnvironment.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("CREATE TABLE " + schema + ".users (id UUID PRIMARY KEY, email TEXT, username TEXT)");
        }
        try {
            Outcome outcome = importInto(databaseUrl() + "&currentSchema=" + schema,
                    write("users.json", fixtureText("users.json")));
            assertEquals(1, outcome.status(), outcome.toString());
            assertTrue(outcome.err().contains("older than version 2 (users.legacy_id is missing)"), outcome.err());
            assertTrue(outcome.err().contains("start the service once"), outcome.err());
            assertEquals(0, countRows());
        } finally {
            try (Connection connection = TestEnvironment.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    // --- the checks ---------------------------------------------------------------------------------------------

    private void assertSkipsAsTheFixtureSays(List<JsonObject> fixture, Outcome outcome) {
        Map<Integer, String> expected = new LinkedHashMap<>();
        Map<String, Long> perReason = new LinkedHashMap<>();
        for (int i = 0; i < fixture.size(); i++) {
            JsonObject doc = fixture.get(i);
            if (!expected(doc).equals("imported")) {
                String id = doc.containsKey("_id") ? doc.getJsonObject("_id").getString("$oid") : "-";
                expected.put(i + 1, id + " " + expected(doc) + ": " + doc.getJsonObject("_test").getString("detail"));
                perReason.merge(expected(doc), 1L, Long::sum);
            }
        }
        assertEquals(expected, outcome.skips());
        perReason.forEach((reason, count) -> assertEquals(count, outcome.count("  " + reason), reason));
    }

    /** Neither a hash nor a password, in any field, reaches the output. */
    private static void assertNoSecretIn(List<JsonObject> fixture, Outcome outcome) {
        String printed = outcome.out() + outcome.err();
        for (JsonObject doc : fixture) {
            for (String field : List.of("hashed_password", "password_hash", "password")) {
                if (doc.get(field) instanceof JsonString secret) {
                    assertFalse(printed.contains(secret.getString()), field + " of " + doc.get("_id"));
                }
            }
            if (doc.getJsonObject("_test").containsKey("password")) {
                assertFalse(printed.contains(doc.getJsonObject("_test").getString("password")));
            }
        }
        assertFalse(printed.contains("$2"), printed);
    }

    /** The row holds the document's values: the hash exactly as passlib wrote it, the old times, the old _id. */
    private void assertStoredAsIs(JsonObject doc) throws SQLException {
        JsonObject test = doc.getJsonObject("_test");
        String hash = List.of("hashed_password", "password_hash", "password").stream()
                .filter(field -> doc.get(field) instanceof JsonString).map(doc::getString).findFirst().orElseThrow();
        try (Connection connection = TestEnvironment.connect();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT password_hash, created_at, updated_at, last_login, full_name FROM users WHERE legacy_id = ?""")) {
            select.setString(1, doc.getJsonObject("_id").getString("$oid"));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no row for " + doc.get("_id"));
                assertEquals(hash, row.getString("password_hash"));
                for (String column : List.of("created_at", "updated_at", "last_login")) {
                    if (test.containsKey(column)) {
                        assertEquals(test.isNull(column) ? null : Instant.parse(test.getString(column)),
                                instant(row, column), column);
                    }
                }
                if (test.containsKey("full_name")) {
                    assertEquals(test.getString("full_name"), row.getString("full_name"));
                }
            }
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The old password logs in, by username in another case and by email; a wrong one gets 401. */
    private void assertLogsIn(JsonObject doc) {
        JsonObject test = doc.getJsonObject("_test");
        String username = test.getString("username", doc.getString("username"));
        String email = test.getString("email", doc.getString("email"));
        String password = test.getString("password");
        List<String> roles = test.containsKey("roles")
                ? test.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of("user");

        assertUnauthorized(api.login(username, password + "x"));
        if (!test.getBoolean("active", true)) {
            assertProblem(403, api.login(username, password));
            return;
        }
        Reply byEmail = api.login(email.toUpperCase(), password);
        assertEquals(200, byEmail.status(), username + ": " + byEmail.body());
        Reply login = api.login(username.toLowerCase(), password);
        assertEquals(200, login.status(), username + ": " + login.body());
        JsonObject me = api.get("me", login.json().getString("access_token")).json();
        assertEquals(username, me.getString("username"));
        assertEquals(email, me.getString("email"));
        assertEquals(roles, me.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertTrue(me.getBoolean("is_active"));
    }

    // --- arranging and running -----------------------------------------------------------------------------------

    private void registerTheExistingUser() {
        Reply created = api.postJson("register", """
                {"email": "existing.%s@example.com", "username": "existing-%s", "password": "%s"}
                """.formatted(run, run, Api.PASSWORD), null);
        assertEquals(201, created.status(), created.body());
    }

    private static String expected(JsonObject doc) {
        return doc.getJsonObject("_test").getString("expect");
    }

    private String fixtureText(String name) {
        try (InputStream in = getClass().getResourceAsStream("/import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{run}", run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonObject> fixture(String name) {
        String text = fixtureText(name);
        if (name.endsWith(".json")) {
            try (var reader = Json.createReader(new StringReader(text))) {
                return reader.readArray().getValuesAs(JsonObject.class);
            }
        }
        List<JsonObject> documents = new ArrayList<>();
        text.lines().filter(line -> !line.isBlank()).forEach(line -> {
            try (var reader = Json.createReader(new StringReader(line))) {
                documents.add(reader.readObject());
            }
        });
        return documents;
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome importUsers(String fixture, String... options) {
        return importInto(databaseUrl(), write(fixture, fixtureText(fixture)), options);
    }

    private Outcome importUsers(Path file, String... options) {
        return importInto(databaseUrl(), file, options);
    }

    private Outcome importInto(String databaseUrl, Path file, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.add(file.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportUsers.run(args, databaseUrl, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The test database straight, not through the cuttable proxy, as DATABASE_URL in its JDBC form. */
    private static String databaseUrl() {
        DatabaseUrl database = TestEnvironment.database();
        return database.jdbcUrl() + "&user=" + encode(database.user()) + "&password=" + encode(database.password());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private long countRows() throws SQLException {
        try (Connection connection = TestEnvironment.connect();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM users WHERE legacy_id LIKE ?")) {
            count.setString(1, "65a1b2c3" + run + "%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The command's exit status and what it printed. */
    record Outcome(int status, String out, String err) {

        /** Record number → "_id reason: detail", from the report's skip lines. */
        Map<Integer, String> skips() {
            Map<Integer, String> skips = new LinkedHashMap<>();
            out.lines().map(SKIP::matcher).filter(Matcher::matches)
                    .forEach(m -> skips.put(Integer.parseInt(m.group(1)), m.group(2) + " " + m.group(3) + ": " + m.group(4)));
            return skips;
        }

        long count(String label) {
            return out.lines().filter(line -> line.startsWith(label + ":"))
                    .map(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip()))
                    .findFirst().orElseThrow(() -> new AssertionError("no count '" + label + "' in " + out));
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
