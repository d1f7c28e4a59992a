package io.authsvc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manual's shape: every page of docs/ opens with its title and a two-line summary, and the README stays short
 * enough to read in five minutes.
 */
class DocsPagesTest {

    static final int README_MAX_LINES = 300;

    private final Path root = ManualPage.repositoryRoot();

    @Test
    void startsEveryPageWithATitleAndATwoLineSummary() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path page : ManualPage.manual(root)) {
            if (page.getParent().endsWith("docs") && !opensWithSummary(Files.readAllLines(page))) {
                wrong.add(root.relativize(page).toString());
            }
        }
        assertEquals(List.of(), wrong, "pages without '# Title', a blank line, two lines of summary, a blank line");
    }

    @Test
    void keepsTheReadmeShort() throws IOException {
        int lines = Files.readAllLines(root.resolve("README.md")).size();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines, more than " + README_MAX_LINES);
    }

    @Test
    void tellsAPageWithoutSummary() {
        assertTrue(opensWithSummary(List.of("# Mail", "", "What it does,", "and for whom.", "", "## More")));
        assertFalse(opensWithSummary(List.of("# Mail", "", "One line only.", "", "## More")));
        assertFalse(opensWithSummary(List.of("# Mail", "", "## More", "text", "")));
        assertFalse(opensWithSummary(List.of("Mail", "", "What it does,", "and for whom.", "")));
    }

    static boolean opensWithSummary(List<String> lines) {
        return lines.size() >= 5 && lines.get(0).startsWith("# ") && lines.get(1).isBlank()
                && text(lines.get(2)) && text(lines.get(3)) && lines.get(4).isBlank();
    }

    private static boolean text(String line) {
        return !line.isBlank() && !line.startsWith("#") && !line.startsWith("```") && !line.startsWith("|");
    }
}
