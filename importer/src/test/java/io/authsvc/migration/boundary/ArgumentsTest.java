package io.authsvc.migration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void readsFileDryRunAndBatchSizeInAnyOrder() {
        assertEquals(new Arguments(Path.of("users.json"), false, 1000, false), Arguments.parse(List.of("users.json")));
        assertEquals(new Arguments(Path.of("u.json"), true, 50, false),
                Arguments.parse(List.of("--batch-size", "50", "u.json", "--dry-run")));
        assertEquals(50, Arguments.parse(List.of("--batch-size=50", "u.json")).batchSize());
        assertTrue(Arguments.parse(List.of("u.json", "--help")).help());
    }

    @Test
    void refusesWrongCommandLines() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--dry-run"), List.of("a.json", "b.json"),
                List.of("--force", "a.json"), List.of("a.json", "--batch-size"), List.of("a.json", "--batch-size", "0"),
                List.of("a.json", "--batch-size", "ten"), List.of("a.json", "--batch-size=100001"))) {
            assertThrows(IllegalArgumentException.class, () -> Arguments.parse(args), args.toString());
        }
    }
}
