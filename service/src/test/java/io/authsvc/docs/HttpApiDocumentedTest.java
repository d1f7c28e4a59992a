package io.authsvc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/http-api.md stays true to the OpenAPI document: every operation of openapi.yaml has a heading such as
 * {@code ### POST /auth/login}, and every such heading names an operation the document has.
 */
class HttpApiDocumentedTest {

    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern OPERATION = Pattern.compile("^    (get|put|post|delete|patch|head|options):\\s*$");
    private static final Pattern ENDPOINT = Pattern.compile("^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS) (/auth/\\S*)$");
    private static final Pattern METHOD_FIRST = Pattern.compile("^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)\\b.*");

    private final Path root = ManualPage.repositoryRoot();

    @Test
    void documentsEveryOperationOfTheOpenApiDocumentAndNoOther() throws IOException {
        Set<String> specified = operations(Files.readAllLines(
                root.resolve("service/src/main/resources/META-INF/openapi.yaml")));
        Set<String> documented = endpoints(ManualPage.read(root.resolve("docs/http-api.md")));
        assertTrue(specified.size() > 20, "too few operations read from openapi.yaml: " + specified);
        Set<String> undocumented = new TreeSet<>(specified);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(specified);
        assertEquals(Set.of(), undocumented, "operations of openapi.yaml without a heading in docs/http-api.md");
        assertEquals(Set.of(), unknown, "headings of docs/http-api.md that openapi.yaml does not have");
    }

    @Test
    void tellsAMissingAndAnUnknownEndpoint() {
        Set<String> specified = operations(List.of("openapi: 3.1.0", "paths:", "  /:", "    get:", "      x: 1",
                "    post:", "  /{user_id}:", "    parameters:", "    delete:", "components:", "  /not-a-path:",
                "    get:"));
        assertEquals(Set.of("GET /auth/", "POST /auth/", "DELETE /auth/{user_id}"), specified);
        Set<String> documented = endpoints(ManualPage.parse(Path.of("http-api.md"), List.of("# HTTP API",
                "## Accounts", "### GET /auth/", "```", "### POST /auth/in-a-code-block", "```", "### PUT /auth/me")));
        assertEquals(Set.of("GET /auth/", "PUT /auth/me"), documented);
    }

    @Test
    void refusesAnEndpointHeadingItCannotRead() {
        ManualPage page = ManualPage.parse(Path.of("http-api.md"), List.of("### POST  /auth/login", "### GET auth/me"));
        try {
            endpoints(page);
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage().contains("POST  /auth/login"), expected.getMessage());
            return;
        }
        throw new AssertionError("an unreadable endpoint heading passed");
    }

    /** "METHOD /auth/path" of every operation under paths: (the server's url is /auth). */
    static Set<String> operations(List<String> yaml) {
        Set<String> operations = new TreeSet<>();
        boolean inPaths = false;
        String path = null;
        for (String line : yaml) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inPaths = line.startsWith("paths:");
                path = null;
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher p = PATH.matcher(line);
            Matcher o = OPERATION.matcher(line);
            if (p.matches()) {
                path = "/auth" + p.group(1);
            } else if (o.matches() && path != null) {
                operations.add(o.group(1).toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        return operations;
    }

    /** "METHOD /auth/path" of every heading that starts with a method; one that starts so but reads otherwise fails. */
    static Set<String> endpoints(ManualPage page) {
        Set<String> endpoints = new TreeSet<>();
        for (String heading : page.headings()) {
            Matcher endpoint = ENDPOINT.matcher(heading);
            if (endpoint.matches()) {
                endpoints.add(endpoint.group(1) + " " + endpoint.group(2));
            } else if (METHOD_FIRST.matcher(heading).matches()) {
                throw new AssertionError("an endpoint heading must read \"METHOD /auth/path\": " + heading);
            }
        }
        return endpoints;
    }
}
