package io.authsvc.migration.control;

import io.authsvc.migration.entity.ImportReport;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Shows that a long import is moving: on a terminal one line that keeps being rewritten with the count and the
 * rate, elsewhere (a log, a pipe) a plain line every {@code every} records, so the log stays readable.
 */
public class Progress {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long every;
    private final LongSupplier clock;
    private final long start;
    private long lastDrawn;
    private boolean drawn;

    public Progress(PrintWriter out, boolean terminal, long every, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.every = every;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastDrawn = start;
    }

    public static Progress onTerminal(PrintWriter terminal) {
        return new Progress(terminal, true, 0, System::nanoTime);
    }

    public static Progress inLines(PrintWriter out, long every) {
        return new Progress(out, false, every, System::nanoTime);
    }

    public void update(ImportReport report) {
        long now = clock.getAsLong();
        if (terminal) {
            if (now - lastDrawn >= REDRAW_NANOS) {
                lastDrawn = now;
                draw(report, now);
            }
        } else if (every > 0 && report.read() % every == 0) {
            out.println(text(report, now));
            out.flush();
        }
    }

    /** Leaves the terminal on a fresh line, so the report starts at its beginning. */
    public void finish(ImportReport report) {
        if (terminal && drawn) {
            draw(report, clock.getAsLong());
            out.println();
            out.flush();
        }
    }

    private void draw(ImportReport report, long now) {
        // \r back to the start of the line, ESC[K clears what a longer earlier line left.
        out.print("\r" + text(report, now) + "\u001b[K");
        out.flush();
        drawn = true;
    }

    String text(ImportReport report, long now) {
        double seconds = Math.max(now - start, 1) / 1e9;
        return String.format("read %,d records (%,.0f/s), imported %,d, already imported %,d, skipped %,d",
                report.read(), report.read() / seconds, report.imported(), report.alreadyImported(),
                report.skippedCount());
    }
}
