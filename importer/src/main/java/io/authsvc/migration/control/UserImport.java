package io.authsvc.migration.control;

import io.authsvc.migration.entity.Document;
import io.authsvc.migration.entity.ImportReport;
import io.authsvc.migration.entity.LegacyUser;
import io.authsvc.migration.entity.Mapped;
import io.authsvc.migration.entity.Reason;
import io.authsvc.migration.entity.Skipped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads, maps and writes an export batch by batch, one transaction each. Decides, in file order, what the mapper
 * cannot see alone: a second record with an {@code _id}, email or username that an earlier record or an existing
 * user has (emails and usernames share one name space, since login takes either), and records already imported.
 */
public class UserImport {

    private final UserStore store;
    private final UserMapper mapper;
    private final int batchSize;
    private final boolean dryRun;
    private final Progress progress;

    /** Old id → record: the first record in the file with that id. */
    private final Map<String, Integer> ids = new HashMap<>();
    /** Lower-cased email or username → the first record in the file that has it. */
    private final Map<String, Integer> names = new HashMap<>();

    public UserImport(UserStore store, UserMapper mapper, int batchSize, boolean dryRun, Progress progress) {
        this.store = store;
        this.mapper = mapper;
        this.batchSize = batchSize;
        this.dryRun = dryRun;
        this.progress = progress;
    }

    /** Imports everything; the report holds what committed batches did, also when a later batch failed. */
    public void run(ExportReader reader, ImportReport report) throws SQLException {
        List<Mapped> batch = new ArrayList<>(batchSize);
        try {
            Optional<Document> next;
            while ((next = reader.next()).isPresent()) {
                Document document = next.get();
                report.countRead();
                batch.add(mapper.map(document.record(), document.value()));
                if (batch.size() == batchSize) {
                    write(batch, report);
                    batch.clear();
                }
                progress.update(report);
            }
            if (!batch.isEmpty()) {
                write(batch, report);
            }
        } finally {
            progress.finish(report);
        }
    }

    private void write(List<Mapped> batch, ImportReport report) throws SQLException {
        List<LegacyUser> candidates = batch.stream()
                .flatMap(mapped -> mapped instanceof LegacyUser user ? Stream.of(user) : Stream.empty())
                .toList();
        Set<String> imported = store.imported(candidates.stream().map(LegacyUser::legacyId).toList());
        // Only users not imported before can meet an existing user's name: a re-run asks one question, not two.
        Set<String> identifiers = new LinkedHashSet<>();
        for (LegacyUser user : candidates) {
            if (!imported.contains(user.legacyId())) {
                identifiers.add(user.email());
                identifiers.add(user.usernameKey());
            }
        }
        Set<String> taken = store.taken(identifiers);

        List<Skipped> skipped = new ArrayList<>();
        List<LegacyUser> fresh = new ArrayList<>();
        long alreadyImported = 0;
        for (Mapped mapped : batch) {
            switch (mapped) {
                case Skipped skip -> skipped.add(skip);
                case LegacyUser user -> {
                    Integer sameId = ids.putIfAbsent(user.legacyId(), user.record());
                    if (sameId != null) {
                        skipped.add(skip(user, Reason.DUPLICATE_ID, "same as record " + sameId));
                    } else if (imported.contains(user.legacyId())) {
                        claim(user);
                        alreadyImported++;
                    } else {
                        Optional<Skipped> duplicate = duplicate(user, taken);
                        duplicate.ifPresentOrElse(skipped::add, () -> {
                            claim(user);
                            fresh.add(user);
                        });
                    }
                }
            }
        }

        long written = fresh.size();
        if (dryRun) {
            store.rollback();
        } else {
            Set<String> inserted = store.insert(fresh);
            for (LegacyUser user : fresh) {
                if (!inserted.contains(user.legacyId())) {
                    written--;
                    // Someone wrote a user between the checks and the insert: say whose name it took.
                    if (!store.imported(List.of(user.legacyId())).isEmpty()) {
                        alreadyImported++;
                    } else {
                        skipped.add(store.taken(List.of(user.email())).isEmpty()
                                ? skip(user, Reason.DUPLICATE_USERNAME, "an existing user has it")
                                : skip(user, Reason.DUPLICATE_EMAIL, "an existing user has it"));
                    }
                }
            }
            store.commit();
        }
        report.add(written, alreadyImported, skipped);
    }

    /** The first of email and username that an earlier record or an existing user has as email or username. */
    private Optional<Skipped> duplicate(LegacyUser user, Set<String> taken) {
        for (var name : List.of(Map.entry(Reason.DUPLICATE_EMAIL, user.email()),
                Map.entry(Reason.DUPLICATE_USERNAME, user.usernameKey()))) {
            Integer earlier = names.get(name.getValue());
            if (earlier != null) {
                return Optional.of(skip(user, name.getKey(), "same as record " + earlier));
            }
            if (taken.contains(name.getValue())) {
                return Optional.of(skip(user, name.getKey(), "an existing user has it"));
            }
        }
        return Optional.empty();
    }

    /**
     * Later records with this email or username are duplicates of this account. A skipped record claims nothing:
     * its names stay free for a later record that can become an account.
     */
    private void claim(LegacyUser user) {
        names.putIfAbsent(user.email(), user.record());
        names.putIfAbsent(user.usernameKey(), user.record());
    }

    private static Skipped skip(LegacyUser user, Reason reason, String detail) {
        return new Skipped(user.record(), user.legacyId(), reason, detail);
    }
}
