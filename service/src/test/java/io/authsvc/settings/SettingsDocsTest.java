package io.authsvc.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/settings.md} against the registry: one row per registered setting, with the registry's type, its
 * default and the feature that reads it, and no row for a setting the registry does not know. So a setting cannot be
 * added without its documentation, nor documented without being declared.
 */
class SettingsDocsTest {

    static final Path PAGE = Path.of("..", "docs", "settings.md");
    /** Name to its cells: name, type, default, read by, meaning. */
    static Map<String, List<String>> rows = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
            if (line.startsWith("| `")) {
                List<String> cells = Stream.of(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|"))
                        .map(String::strip).toList();
                String name = cells.getFirst().replace("`", "");
                assertFalse(rows.containsKey(name), name + " has one row, not two");
                rows.put(name, cells);
            }
        }
    }

    @Test
    void documentsEveryRegisteredSettingAndNoOther() {
        List<String> registered = Stream.of(Setting.values()).map(Setting::name).sorted().toList();
        assertEquals(registered, rows.keySet().stream().sorted().toList(),
                "the rows of " + PAGE + " against io.authsvc.settings.Setting");
    }

    @Test
    void givesEachSettingItsTypeDefaultReaderAndMeaning() {
        List<String> wrong = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            List<String> cells = rows.get(setting.name());
            if (cells == null || cells.size() != 5) {
                wrong.add(setting + ": no row of five cells: " + cells);
                continue;
            }
            if (!cells.get(1).equals(setting.type().describe())) {
                wrong.add(setting + ": type '" + cells.get(1) + "', registry '" + setting.type().describe() + "'");
            }
            setting.defaultValue().filter(value -> !cells.get(2).contains("`" + value + "`"))
                    .ifPresent(value -> wrong.add(setting + ": default '" + cells.get(2) + "' lacks `" + value + "`"));
            if (cells.get(2).isEmpty()) {
                wrong.add(setting + ": no default (say unset, or what applies)");
            }
            if (!cells.get(3).equals(setting.feature())) {
                wrong.add(setting + ": read by '" + cells.get(3) + "', registry '" + setting.feature() + "'");
            }
            if (cells.get(4).length() < 10) {
                wrong.add(setting + ": no meaning");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void readsTheWholeTable() {
        assertTrue(rows.size() > 50, "rows found: " + rows.keySet());
        assertEquals("whole number 4–31", rows.get("BCRYPT_COST").get(1));
    }
}
