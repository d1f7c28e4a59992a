package io.authsvc.web.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RequestIdLoggingTest {

    @Test
    void putsTheIdBeforeTheMessageOnce() {
        LogRecord record = new LogRecord(Level.WARNING, "identity store failed: {0}");
        RequestIdLogging.stamp(record, "abc-1");
        RequestIdLogging.stamp(record, "abc-1"); // a second handler sees the same record
        assertEquals("[request_id=abc-1] identity store failed: {0}", record.getMessage());
    }

    @Test
    void resolvesAMessageKeyOfTheLoggersBundleFirst() {
        LogRecord record = new LogRecord(Level.INFO, "AS-WEB-00001");
        record.setResourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"AS-WEB-00001", "AS-WEB-00001: Loading application [{0}]"}};
            }
        });
        RequestIdLogging.stamp(record, "r2");
        assertEquals("[request_id=r2] AS-WEB-00001: Loading application [{0}]", record.getMessage());
        assertNull(record.getResourceBundle(), "the text is resolved; a bundle would look up the stamped text");
    }

    @Test
    void stampsARecordWithoutAMessage() {
        LogRecord record = new LogRecord(Level.SEVERE, null);
        RequestIdLogging.stamp(record, "r3");
        assertEquals("[request_id=r3] ", record.getMessage());
    }

    @Test
    void wrapsTheRootHandlersAndUnwrapsThemAgain() {
        Logger root = Logger.getAnonymousLogger();
        root.setUseParentHandlers(false);
        List<LogRecord> published = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(handler);
        RequestIdLogging.install(root);
        RequestIdLogging.install(root); // twice is once
        assertEquals(1, root.getHandlers().length);
        assertTrue(root.getHandlers()[0] instanceof RequestIdLogging.Stamping);

        root.info("outside any request");
        assertEquals("outside any request", published.get(0).getMessage());

        RequestIdLogging.uninstall(root);
        assertEquals(1, root.getHandlers().length);
        assertSame(handler, root.getHandlers()[0]);
    }
}
