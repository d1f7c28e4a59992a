package io.authsvc.migration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command's answers that need no database; the import itself is ImportUsersIT's. */
class ImportUsersTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String databaseUrl, String... args) {
        return ImportUsers.run(List.of(args), databaseUrl, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void answersAWrongCommandLineWithTheUsage() {
        assertEquals(2, run("postgresql://u:p@127.0.0.1/db"));
        assertTrue(err().contains("FILE is missing") && err().contains("Usage: bin/import-users"), err());
    }

    @Test
    void showsTheUsageOnRequest() {
        assertEquals(0, run(null, "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: bin/import-users"));
    }

    @Test
    void needsDatabaseUrl() {
        assertEquals(1, run(null, "users.json"));
        assertEquals("import-users: DATABASE_URL is not set\n", err());
    }

    @Test
    void refusesAMissingFileBeforeConnecting() {
        assertEquals(1, run("postgresql://u:secret-pw@127.0.0.1:1/db", "no-such-file.json"));
        assertTrue(err().contains("cannot read no-such-file.json"), err());
        assertTrue(!err().contains("secret-pw"), err());
    }

    @Test
    void saysWhenTheDatabaseCannotBeReachedWithoutItsPassword() throws Exception {
        var file = java.nio.file.Files.createTempFile("users", ".json");
        try {
            assertEquals(1, run("postgresql://u:secret-pw@127.0.0.1:1/db", file.toString()));
            assertTrue(err().startsWith("import-users: cannot connect to jdbc:postgresql://127.0.0.1:1/db: "), err());
            assertTrue(!err().contains("secret-pw"), err());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
