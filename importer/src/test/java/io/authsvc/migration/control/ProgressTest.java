package io.authsvc.migration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.migration.entity.ImportReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void rewritesOneLineOnATerminalAtMostFourTimesASecond() {
        StringWriter screen = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(screen), true, 0, nanos::get);
        ImportReport report = new ImportReport(false);
        for (int i = 0; i < 2000; i++) {
            report.countRead();
            nanos.addAndGet(1_000_000); // 1 ms per record: 1000 records/s
            progress.update(report);
        }
        progress.finish(report);
        String text = screen.toString();
        assertEquals(1, text.split("\n", -1).length - 1, "a single line, rewritten");
        assertTrue(text.endsWith("\n"), "the report starts on a fresh line");
        // drawn every 250 ms of 2 s, plus once at the end
        assertEquals(9, text.split("\r", -1).length - 1, text);
        assertTrue(text.contains("\rread 2,000 records (1,000/s), imported 0"), text);
    }

    @Test
    void printsNothingWhenNothingWasRead() {
        StringWriter screen = new StringWriter();
        Progress progress = new Progress(new PrintWriter(screen), true, 0, System::nanoTime);
        progress.finish(new ImportReport(false));
        assertEquals(List.of(), screen.toString().lines().toList());
    }
}
