package io.authsvc.migration.boundary;

import java.nio.file.Path;
import java.util.List;

/** The command line of {@code bin/import-users}. */
record Arguments(Path file, boolean dryRun, int batchSize, boolean help) {

    static final int DEFAULT_BATCH_SIZE = 1000;
    /** Past this, one batch's arrays and its transaction grow without making the import faster. */
    static final int MAX_BATCH_SIZE = 100_000;

    static Arguments parse(List<String> args) {
        Path file = null;
        boolean dryRun = false;
        int batchSize = DEFAULT_BATCH_SIZE;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                return new Arguments(null, false, batchSize, true);
            } else if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--batch-size") || arg.startsWith("--batch-size=")) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.size() ? args.get(++i) : "";
                batchSize = batchSize(value);
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else if (file == null) {
                file = Path.of(arg);
            } else {
                throw new IllegalArgumentException("one FILE only");
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("FILE is missing");
        }
        return new Arguments(file, dryRun, batchSize, false);
    }

    private static int batchSize(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_BATCH_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--batch-size must be a number from 1 to " + MAX_BATCH_SIZE);
    }
}
