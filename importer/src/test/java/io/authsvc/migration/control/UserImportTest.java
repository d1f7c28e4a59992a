package io.authsvc.migration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.migration.entity.ImportReport;
import io.authsvc.migration.entity.LegacyUser;
import io.authsvc.migration.entity.Reason;
import io.authsvc.migration.entity.Skipped;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The decisions across records, against a store that keeps its users in memory. */
class UserImportTest {

    static final String HASH = UserMapperTest.HASH;

    /** The users table as the import sees it; a user "sneaks in" between the checks and the insert when asked to. */
    static class MemoryStore extends UserStore {

        final Set<String> legacyIds = new HashSet<>();
        final Set<String> names = new HashSet<>();
        final List<List<String>> committed = new ArrayList<>();
        final List<String> pending = new ArrayList<>();
        final Set<String> sneakIn = new HashSet<>();
        int rollbacks;

        MemoryStore() {
            super(null);
        }

        void existing(String legacyId, String email, String username) {
            if (legacyId != null) {
                legacyIds.add(legacyId);
            }
            names.add(email.toLowerCase(Locale.ROOT));
            names.add(username.toLowerCase(Locale.ROOT));
        }

        @Override
        public Set<String> imported(Collection<String> ids) {
            return ids.stream().filter(legacyIds::contains).collect(Collectors.toSet());
        }

        @Override
        public Set<String> taken(Collection<String> identifiers) {
            return identifiers.stream().filter(names::contains).collect(Collectors.toSet());
        }

        @Override
        public Set<String> insert(List<LegacyUser> users) {
            Set<String> written = new HashSet<>();
            for (LegacyUser user : users) {
                if (sneakIn.remove(user.email())) {
                    existing(null, user.email(), "someone-else");
                }
                if (names.contains(user.email()) || names.contains(user.usernameKey())) {
                    continue;
                }
                existing(user.legacyId(), user.email(), user.username());
                pending.add(user.legacyId());
                written.add(user.legacyId());
            }
            return written;
        }

        @Override
        public void commit() {
            committed.add(List.copyOf(pending));
            pending.clear();
        }

        @Override
        public void rollback() {
            pending.clear();
            rollbacks++;
        }
    }

    static String doc(int n, String email, String username) {
        return "{\"_id\": {\"$oid\": \"65a1b2c3d4e5f607182930%02x\"}, \"email\": \"%s\", \"username\": \"%s\", \"hashed_password\": \"%s\"}"
                .formatted(n, email, username, HASH);
    }

    static String id(int n) {
        return "65a1b2c3d4e5f607182930%02x".formatted(n);
    }

    private final MemoryStore store = new MemoryStore();
    private final StringWriter progress = new StringWriter();

    ImportReport run(int batchSize, boolean dryRun, String... docs) throws Exception {
        ImportReport report = new ImportReport(dryRun);
        UserImport userImport = new UserImport(store, new UserMapper(() -> Instant.EPOCH), batchSize, dryRun,
                Progress.inLines(new PrintWriter(progress), 2));
        try (ExportReader reader = new ExportReader("test", new StringReader(String.join("\n", docs)))) {
            userImport.run(reader, report);
        }
        return report;
    }

    static Map<String, String> reasons(ImportReport report) {
        return report.skipped().stream().collect(Collectors.toMap(Skipped::legacyId,
                skip -> skip.reason().label() + ": " + skip.detail()));
    }

    @Test
    void skipsDuplicatesWithinTheFileWithoutRegardToCaseWhereverTheBatchesEnd() throws Exception {
        ImportReport report = run(2, false,
                doc(1, "ann@example.com", "ann"),
                doc(2, "bo@example.com", "bo"),
                doc(3, "ANN@example.com", "ann-2"),
                doc(4, "bo-2@example.com", "BO"),
                doc(5, "cy@example.com", "Ann@Example.com"),
                doc(1, "twin@example.com", "twin"));
        assertEquals(Map.of(id(3), "duplicate email: same as record 1", id(4), "duplicate username: same as record 2",
                        id(5), "duplicate username: same as record 1", id(1), "duplicate _id: same as record 1"),
                reasons(report));
        assertEquals(2, report.imported());
        assertEquals(List.of(List.of(id(1), id(2)), List.of(), List.of()), store.committed, "one transaction per batch");
    }

    @Test
    void leavesTheNamesOfASkippedRecordFree() throws Exception {
        ImportReport report = run(10, false,
                doc(1, "ann@example.com", "ann"),
                doc(2, "ann@example.com", "bo"),
                doc(3, "bo@example.com", "Bo"));
        assertEquals(Map.of(id(2), "duplicate email: same as record 1"), reasons(report));
        assertEquals(2, report.imported());
    }

    @Test
    void skipsNamesOfExistingUsersAndCountsImportedOnesSeparately() throws Exception {
        store.existing(null, "root@example.com", "root");
        store.existing(id(3), "cy@example.com", "cy");
        ImportReport report = run(1000, false,
                doc(1, "Root@Example.com", "not-root"),
                doc(2, "bo@example.com", "ROOT"),
                doc(3, "cy@example.com", "cy"),
                doc(4, "cy@example.com", "cy-again"),
                doc(5, "dee@example.com", "dee"));
        assertEquals(Map.of(id(1), "duplicate email: an existing user has it",
                id(2), "duplicate username: an existing user has it",
                id(4), "duplicate email: same as record 3"), reasons(report));
        assertEquals(1, report.alreadyImported());
        assertEquals(1, report.imported());
        assertEquals(List.of(List.of(id(5))), store.committed);
    }

    @Test
    void aSecondRunAddsNothingAndReportsTheSame() throws Exception {
        String[] docs = {doc(1, "ann@example.com", "ann"), doc(2, "ann@example.com", "bo"), doc(3, "x", "cy"),
                doc(4, "dee@example.com", "dee")};
        ImportReport first = run(2, false, docs);
        ImportReport second = run(2, false, docs);
        assertEquals(2, first.imported());
        assertEquals(0, second.imported());
        assertEquals(2, second.alreadyImported());
        assertEquals(reasons(first), reasons(second));
        assertEquals(Set.of(id(1), id(4)), store.legacyIds);
    }

    @Test
    void aDryRunDecidesTheSameAndWritesNothing() throws Exception {
        store.existing(null, "root@example.com", "root");
        ImportReport report = run(2, true, doc(1, "ann@example.com", "ann"), doc(2, "ANN@example.com", "bo"),
                doc(3, "root@example.com", "cy"), doc(4, "dee@example.com", "dee"));
        assertEquals(2, report.imported());
        assertEquals(Map.of(id(2), "duplicate email: same as record 1", id(3), "duplicate email: an existing user has it"),
                reasons(report));
        assertTrue(store.committed.isEmpty());
        assertEquals(2, store.rollbacks);
        assertTrue(report.lines().contains("dry run: nothing was written"));
    }

    @Test
    void reportsAUserWhoseNameWasTakenBetweenTheCheckAndTheInsert() throws Exception {
        store.sneakIn.add("bo@example.com");
        ImportReport report = run(10, false, doc(1, "ann@example.com", "ann"), doc(2, "bo@example.com", "bo"));
        assertEquals(Map.of(id(2), "duplicate email: an existing user has it"), reasons(report));
        assertEquals(1, report.imported());
    }

    @Test
    void showsProgressEveryNRecordsInPlainLines() throws Exception {
        run(10, false, doc(1, "a@example.com", "a"), doc(2, "b@example.com", "b"), doc(3, "c@example.com", "c"),
                doc(4, "d@example.com", "d"), doc(5, "e@example.com", "e"));
        List<String> lines = progress.toString().lines().toList();
        assertEquals(2, lines.size(), progress.toString());
        assertTrue(lines.get(0).startsWith("read 2 records ("), lines.get(0));
        assertTrue(lines.get(1).startsWith("read 4 records ("), lines.get(1));
    }
}
