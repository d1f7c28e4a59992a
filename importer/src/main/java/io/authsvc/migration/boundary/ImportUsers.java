package io.authsvc.migration.boundary;

import io.authsvc.database.DatabaseUrl;
import io.authsvc.migration.control.ExportReader;
import io.authsvc.migration.control.Progress;
import io.authsvc.migration.control.SchemaTooOld;
import io.authsvc.migration.control.UnreadableExport;
import io.authsvc.migration.control.UserImport;
import io.authsvc.migration.control.UserMapper;
import io.authsvc.migration.control.UserStore;
import io.authsvc.migration.entity.ImportReport;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code bin/import-users [--dry-run] [--batch-size N] FILE}: imports a mongoexport of the old service's users into
 * the database of {@code DATABASE_URL}. The report goes to standard output, progress and errors to standard error.
 * Exit status: 0 when the import ran (skipped records included), 1 when it could not, 2 for a wrong command line.
 */
public final class ImportUsers {

    static final String USAGE = """
            Usage: bin/import-users [--dry-run] [--batch-size N] FILE
              FILE            a mongoexport of the users collection: a JSON array or one document per line
              --dry-run       check everything and report, but write nothing
              --batch-size N  users per transaction (default 1000)
            The database is DATABASE_URL (postgresql://user:password@host:port/db or jdbc:postgresql://...).""";
    private static final long PROGRESS_EVERY = 10_000;

    private ImportUsers() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv("DATABASE_URL"), System.out, System.err, System.console()));
    }

    /** The whole command, for callers in the same JVM (the tests): answers the exit status. */
    public static int run(List<String> args, String databaseUrl, PrintStream out, PrintStream err) {
        return run(args, databaseUrl, out, err, null);
    }

    static int run(List<String> args, String databaseUrl, PrintStream out, PrintStream err, Console console) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("import-users: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (arguments.help()) {
            out.println(USAGE);
            return 0;
        }
        long started = System.nanoTime();
        ImportReport report = new ImportReport(arguments.dryRun());
        try {
            DatabaseUrl database = DatabaseUrl.parse(databaseUrl);
            Path file = arguments.file();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new Fatal("cannot read " + file + ": no such file, or not readable");
            }
            try (UserStore store = connect(database);
                 ExportReader reader = new ExportReader(file.toString(),
                         Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
                store.checkSchema();
                err.println("import-users: " + file + " into " + withoutQuery(database)
                        + (arguments.dryRun() ? " (dry run: nothing is written)" : "")
                        + ", " + arguments.batchSize() + " users per transaction");
                Progress progress = console != null
                        ? Progress.onTerminal(console.writer())
                        : Progress.inLines(new PrintWriter(err, true), PROGRESS_EVERY);
                new UserImport(store, new UserMapper(), arguments.batchSize(), arguments.dryRun(), progress)
                        .run(reader, report);
            }
        } catch (IllegalArgumentException | Fatal | SchemaTooOld | UnreadableExport e) {
            return fail(out, err, report, e.getMessage());
        } catch (SQLException e) {
            return fail(out, err, report, "database error: " + e.getMessage());
        } catch (UncheckedIOException | IOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            String why = cause instanceof CharacterCodingException
                    ? "it is not UTF-8 text, as mongoexport writes" : cause.toString();
            return fail(out, err, report, "cannot read " + arguments.file() + ": " + why);
        }
        report.lines().forEach(out::println);
        err.printf("import-users: done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static UserStore connect(DatabaseUrl database) {
        try {
            return UserStore.connect(database);
        } catch (SQLException e) {
            throw new Fatal("cannot connect to " + withoutQuery(database) + ": " + e.getMessage());
        }
    }

    /** Host, port and database: enough to say where, and short. */
    private static String withoutQuery(DatabaseUrl database) {
        return database.jdbcUrl().replaceFirst("\\?.*", "");
    }

    /** What committed batches did stays in the database: the report says so before the error. */
    private static int fail(PrintStream out, PrintStream err, ImportReport report, String message) {
        if (report.read() > 0) {
            report.lines().forEach(out::println);
            err.println("import-users: stopped after reading " + report.read() + " records; imported, already"
                    + " imported and skipped above count the committed batches only, whose users a re-run counts as"
                    + " already imported");
        }
        err.println("import-users: " + message);
        return 1;
    }

    /** A failure before any record was read, with a message for the operator. */
    private static final class Fatal extends RuntimeException {

        Fatal(String message) {
            super(message, null, false, false);
        }
    }
}
