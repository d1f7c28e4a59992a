package io.authsvc.migration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    @Test
    void listsSkipsInFileOrderThenEveryCount() {
        ImportReport report = new ImportReport(false);
        for (int i = 0; i < 5; i++) {
            report.countRead();
        }
        report.add(1, 1, List.of(new Skipped(4, "b", Reason.DUPLICATE_EMAIL, "same as record 1")));
        report.add(0, 0, List.of(new Skipped(2, null, Reason.INVALID_ID, "missing")));
        assertEquals(List.of(
                "skipped record 2 (_id -): missing or invalid _id: missing",
                "skipped record 4 (_id b): duplicate email: same as record 1",
                "read:                             5",
                "imported:                         1",
                "already imported:                 1",
                "skipped:                          2",
                "  not a document:                 0",
                "  missing or invalid _id:         1",
                "  duplicate _id:                  0",
                "  invalid email:                  0",
                "  invalid username:               0",
                "  no bcrypt hash:                 0",
                "  unreadable field:               0",
                "  duplicate email:                1",
                "  duplicate username:             0"), report.lines());
    }

    @Test
    void saysWhatADryRunWouldDo() {
        List<String> lines = new ImportReport(true).lines();
        assertEquals("dry run: nothing was written", lines.get(0));
        assertEquals("would import:                     0", lines.get(2));
    }
}
