package io.authsvc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md resolves: its file or folder exists inside the repository, and its
 * #anchor names a heading of the page it points to (GitHub's slugs). The README links nowhere outside the repository.
 */
class DocsLinksTest {

    private final Path root = ManualPage.repositoryRoot();
    private final Map<Path, ManualPage> pages = new HashMap<>();

    @Test
    void resolvesEveryRelativeLink() {
        List<String> broken = new ArrayList<>();
        List<Path> manual = ManualPage.manual(root);
        for (Path file : manual) {
            ManualPage page = page(file);
            for (ManualPage.Link link : page.links()) {
                String problem = problem(file, link.target());
                if (problem != null) {
                    broken.add(root.relativize(file) + ":" + link.line() + ": " + link.target() + " (" + problem + ")");
                }
            }
        }
        assertTrue(manual.size() > 1, "no pages in docs/");
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void keepsTheReadmeInsideTheRepository() {
        List<String> outside = page(root.resolve("README.md")).links().stream()
                .map(ManualPage.Link::target).filter(DocsLinksTest::external).toList();
        assertEquals(List.of(), outside, "the README links outside the repository");
    }

    @Test
    void findsABrokenLinkAndABrokenAnchor() {
        Path readme = root.resolve("README.md");
        assertEquals("no such file", problem(readme, "docs/no-such-page.md"));
        assertEquals("no heading #no-such-heading", problem(readme, "docs/http-api.md#no-such-heading"));
        assertEquals("no heading #nowhere", problem(readme, "#nowhere"));
        assertEquals("outside the repository", problem(readme, "../shared/spec/api.md"));
        assertEquals(null, problem(readme, "docs/http-api.md#conventions"));
        assertFalse(page(readme).links().isEmpty(), "no links read from the README");
    }

    @Test
    void slugsHeadingsAsGitHubDoes() {
        assertEquals("get-authuser_id", ManualPage.slug("GET /auth/{user_id}"));
        assertEquals("re-authentication-and-undoing-an-address-change",
                ManualPage.slug("Re-authentication and undoing an address change"));
        assertEquals("asvs-403-chapters-v2-and-v3-items-of-levels-1-and-2",
                ManualPage.slug("ASVS 4.0.3, chapters V2 and V3 (items of levels 1 and 2)"));
        assertEquals("with-the-realm-jar", ManualPage.slug("With the `realm` jar"));
    }

    /** Why a link from this file does not resolve, or null when it does (external links are not checked). */
    private String problem(Path from, String target) {
        if (external(target)) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
        if (!file.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor != null && file.toString().endsWith(".md") && !page(file).anchors().contains(anchor)) {
            return "no heading #" + anchor;
        }
        return null;
    }

    private ManualPage page(Path file) {
        return pages.computeIfAbsent(file.normalize(), ManualPage::read);
    }

    private static boolean external(String target) {
        return target.matches("(?i)[a-z][a-z0-9+.-]*:.*");
    }
}
