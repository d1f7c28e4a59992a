package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Requests the contract calls malformed (a body without a type, framing RFC 9112 refuses) and credentials where
 * logs keep them (the query string), with raw sockets where a client library would not send the bytes.
 */
class HttpHardeningIT extends DeployedService {

    private static final boolean WILDFLY = TestEnvironment.isWildFly();
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";
    /** Sent after the request under test on the same connection: a smuggled request if the server answers it. */
    private static final String NEXT = "GET /auth/ping HTTP/1.1\r\nHost: x\r\n\r\n";

    // ---- 7: a body without a Content-Type

    @Test
    void aBodyWithoutContentTypeIs415ForEveryEndpointThatReadsOne() throws IOException {
        String admin = api.adminToken();
        String id = api.get("me", admin).json().getString("id");
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("POST /auth/login", null);
        targets.put("POST /auth/logout", null);
        targets.put("POST /auth/introspect", admin);
        targets.put("POST /auth/register", null);
        targets.put("POST /auth/", null);
        targets.put("POST /auth/verify-email/confirm", null);
        targets.put("POST /auth/password-reset", null);
        targets.put("POST /auth/password-reset/confirm", null);
        targets.put("PUT /auth/" + id, admin);
        for (Map.Entry<String, String> target : targets.entrySet()) {
            for (String body : List.of("username=ann&password=x&token=x", "{\"token\": \"x\"}", "")) {
                List<String> headers = new ArrayList<>(List.of("Content-Length: " + body.length()));
                if (target.getValue() != null) {
                    headers.add("Authorization: Bearer " + target.getValue());
                }
                Raw reply = exchange(request(target.getKey(), headers, body));
                assertEquals(415, reply.status(), target.getKey() + " <- " + body + ": " + reply.text());
                assertTrue(reply.text().contains("application/problem+json"), reply.text());
                assertTrue(reply.text().contains("Content-Type"), reply.text());
            }
        }
        // Endpoints that read no body need no type.
        Raw logoutAll = exchange(request("POST /auth/logout-all", List.of("Content-Length: 0",
                "Authorization: Bearer " + api.token(api.register("notype").json().getString("username"), Api.PASSWORD)), ""));
        assertEquals(204, logoutAll.status(), logoutAll.text());
    }

    // ---- 7: framing and header lines RFC 9112 calls invalid

    /**
     * Chunk sizes that are not 1*HEXDIG, and chunk data not followed by CRLF: WildFly's filter (StrictChunks) closes
     * the connection, Payara's Grizzly answers 400. Grizzly still takes white space before a size, an empty size
     * line (as 0) and drops bytes between a chunk's data and its CRLF; nothing in the WAR sees those bytes
     * (docs/security.md, "Malformed requests").
     */
    @Test
    void refusesChunkSizesThatAreNotHexDigits() throws IOException {
        String head = "POST /auth/login HTTP/1.1\r\nHost: x\r\n" + FORM + "Transfer-Encoding: chunked\r\n\r\n";
        // A name of 6 letters, as "nobody" (29 bytes of form, 0x1D), but its own: failed logins count per name.
        String form = "username=" + Api.unique("n").substring(0, 6) + "&password=none";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("0x33", "0x33\r\n\r\n");
        bodies.put("1g", "1g\r\nA\r\n0\r\n\r\n");
        bodies.put("-0", "-0\r\n\r\n");
        bodies.put("+1", "+1\r\nA\r\n0\r\n\r\n");
        bodies.put("an overflow", "1" + "0".repeat(16) + "\r\nA\r\n0\r\n\r\n");
        bodies.put("a control in an extension", "1;\u0001\r\nA\r\n0\r\n\r\n");
        if (WILDFLY) {
            bodies.put("no digits", "\r\nA\r\n0\r\n\r\n");
            bodies.put("a space first", " 1\r\nA\r\n0\r\n\r\n");
            bodies.put("data longer than its size", "1\r\nAB\r\n0\r\n\r\n");
        }
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            assertRefused(exchange(head + body.getValue() + NEXT), "chunk size " + body.getKey());
        }
        // Upper-case digits are fine; so are extensions (RFC 9112 §7.1.1) on WildFly, while Grizzly refuses them.
        Raw fine = exchange(head + "1D\r\n" + form + "\r\n0\r\n\r\n" + NEXT);
        assertEquals(401, fine.status(), fine.text());
        assertEquals(2, answers(fine), fine.text());
        Raw extension = exchange(head + "1D;name=value;flag\r\n" + form + "\r\n0\r\n\r\n" + NEXT);
        if (WILDFLY) {
            assertEquals(401, extension.status(), extension.text());
            assertEquals(2, answers(extension), extension.text());
        } else {
            assertRefused(extension, "a chunk extension");
        }
    }

    @Test
    void refusesHeaderLinesWithoutAColonOrWithABareCr() throws IOException {
        Map<String, String> heads = new LinkedHashMap<>();
        heads.put("a line without a colon", "GET /auth/ping HTTP/1.1\r\nHost: x\r\nX-No-Colon\r\n");
        heads.put("a line without a colon before the length", "POST /auth/login HTTP/1.1\r\nHost: x\r\n" + FORM
                + "X-No-Colon\r\nContent-Length: 0\r\n");
        heads.put("a bare CR in a value", "GET /auth/ping HTTP/1.1\r\nHost: x\r\nX-A: a\rX-B: b\r\n");
        heads.put("a bare CR before a length", "POST /auth/login HTTP/1.1\r\nHost: x\r\n" + FORM
                + "X-A: a\rContent-Length: 5\r\n");
        heads.put("two Host lines", "GET /auth/ping HTTP/1.1\r\nHost: x\r\nHost: y\r\n");
        heads.put("two Host lines of other case", "GET /auth/ping HTTP/1.1\r\nHost: x\r\nhOST: x\r\n");
        heads.put("white space before the colon", "GET /auth/ping HTTP/1.1\r\nHost: x\r\nX-A : b\r\n");
        for (Map.Entry<String, String> head : heads.entrySet()) {
            // Undertow reads a bare CR as a line's end and a line without a colon as a header; what it made of
            // them cannot be told from what it passes on (docs/security.md, "Malformed requests"): only the Host lines here.
            if (!WILDFLY || head.getKey().contains("Host")) {
                assertRefused(exchange(head.getValue() + "\r\n" + NEXT), head.getKey());
            }
        }
        Raw fine = exchange("GET /auth/ping HTTP/1.1\r\nHost: x\r\nX-A: a:b\r\nX-Empty:\r\n\r\n" + NEXT);
        assertEquals(204, fine.status(), fine.text());
        assertEquals(2, answers(fine), fine.text());
    }

    // ---- 8: credentials in the query string

    @Test
    void refusesCredentialsInTheQueryStringOnEveryPathAndMethod() {
        String admin = api.adminToken();
        List<String> names = List.of("password", "current_password", "new_password", "refresh_token", "token",
                "access_token", "client_secret", "code_verifier", "id_token", "PassWord", "pass%77ord", "x=1&password",
                "x=1;access_token");
        for (String name : names) {
            String query = "?" + name + "=query-secret";
            List<Reply> replies = List.of(
                    api.postForm("login" + query, "username=root&password=" + Api.encode(Api.ADMIN_PASSWORD), null),
                    api.postForm("login" + query, "", null),
                    api.postJson("register" + query, "{}", null),
                    api.get("me" + query, admin),
                    api.get("me" + query, null),
                    api.get(query, admin),
                    api.get("ping" + query, null),
                    api.get("no/such/path" + query, null),
                    api.send(api.request("logout" + query, null).DELETE()),
                    api.send(api.request("stats" + query, null).method("OPTIONS", HttpRequest.BodyPublishers.noBody())));
            for (Reply reply : replies) {
                assertProblem(400, reply);
                assertTrue(reply.body().contains("query"), reply.body());
                assertFalse(reply.body().contains("query-secret"), reply.body());
            }
        }
        // A query that names no credential is no reason to refuse, a form with one still logs in.
        assertEquals(200, api.postForm("login?client=web&passwordless=no",
                "username=root&password=" + Api.encode(Api.ADMIN_PASSWORD), null).status());
        assertEquals(200, api.get("?q=root", admin).status());
        assertEquals(204, api.get("ping?tokens=2&codex", null).status());
        // An authorization code and a logout's hint travel in queries by the specifications (RFC 6749 §4.1.2).
        assertEquals(204, api.get("ping?code=abc&state=1&id_token_hint=eyJ", null).status());
    }

    @Test
    void noSecretReachesAnyLog() throws Exception {
        String nobody = Api.unique("nobody");
        String marker = "Marker" + UUID.randomUUID().toString().replace("-", "");
        String admin = api.adminToken();
        int n = 0;
        // Query strings: the framework's warning for a form with an empty body printed the whole URL.
        for (String name : List.of("password", "refresh_token", "x", "pwd_hint")) {
            api.postForm("login?" + name + "=" + marker + n++, "", null);
            api.postForm("logout?" + name + "=" + marker + n++, "", null);
            api.postForm("introspect?" + name + "=" + marker + n++, "", admin);
            api.postJson("register?" + name + "=" + marker + n++, "", null);
        }
        // Bodies: good, broken and refused ones.
        api.postForm("login", "username=" + nobody + "&password=" + marker + n++, null);
        api.postForm("login", "username=" + nobody + "&password=" + marker + n++ + "%zz", null);
        api.postForm("login", "grant_type=refresh_token&refresh_token=" + marker + n++, null);
        api.postJson("login", "{\"username\": \"" + nobody + "\", \"password\": \"" + marker + n++ + "\"", null);
        api.postJson("login", "{\"username\": \"" + nobody + "\", \"password\": [\"" + marker + n++ + "\"]}", null);
        api.postJson("register", "{\"email\": \"x@example.com\", \"username\": \"nobody\", \"password\": \""
                + marker + n++ + "\"", null);
        api.postForm("logout", "token=" + marker + n++, null);
        api.postForm("introspect", "token=" + marker + n++, admin);
        api.postJson("password-reset/confirm", "{\"token\": \"" + marker + n++ + "\", \"password\": \"" + marker + n++
                + "\"}", null);
        api.postJson("verify-email/confirm", "{\"token\": \"" + marker + n++ + "\"}", null);
        api.send(api.request("login", null).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + marker + n++)));
        // Headers.
        api.get("me", marker + n++);
        api.get("me", "eyJhbGciOiJIUzI1NiJ9." + marker + n++ + ".x");
        api.send(api.request("me", null).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("root:" + marker + n++).getBytes(StandardCharsets.UTF_8))));
        api.send(api.request("me", null).header("Cookie", "session=" + marker + n++));
        // A request the server answers itself, with a secret in its path's query.
        exchange("GET /auth/ping?password=" + marker + n++ + " HTTP/1.1\r\nHost: x\r\nX-No-Colon\r\n\r\n");
        // The last request's line must be written before the logs are read: an access log line names it.
        assertEquals(204, api.get("ping", null).status());
        Thread.sleep(2_000);
        for (Path log : logs()) {
            for (Path part : parts(log)) {
                String text = Files.readString(part, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(marker), part + " holds a secret: " + around(text, marker));
            }
        }
    }

    // ---- helpers

    private static List<Path> logs() {
        Path it = Path.of(System.getProperty("it.dir", "target/it"));
        return List.of(TestEnvironment.serverLog(), it.resolve("access.log"), it.resolve("audit.log"));
    }

    private static List<Path> parts(Path file) throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            return List.of();
        }
        String name = file.getFileName().toString();
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            return siblings.filter(path -> path.getFileName().toString().startsWith(name)).sorted().toList();
        }
    }

    private static String around(String text, String marker) {
        int at = text.indexOf(marker);
        return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100));
    }

    /** A 400, or (WildFly's chunk check, which ends the read) the connection closed with no answer at all. */
    private static void assertRefused(Raw reply, String what) {
        boolean closedUnanswered = WILDFLY && reply.status() == -1 && reply.text().isEmpty();
        if (!closedUnanswered) {
            assertEquals(400, reply.status(), what + ": " + reply.text());
            assertEquals(1, answers(reply), what + ", a second request was answered: " + reply.text());
        }
        assertTrue(reply.closed(), what + ": the connection stays open");
    }

    private static int answers(Raw reply) {
        return reply.text().split("HTTP/1\\.[01] ", -1).length - 1;
    }

    private static String request(String target, List<String> headers, String body) {
        StringBuilder head = new StringBuilder(target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        return head.append("\r\n").append(body).toString();
    }

    private record Raw(int status, String text, boolean closed) {
    }

    /** Sends these bytes (ISO-8859-1) and reads until the server closes, or 5 s pass with the connection open. */
    private Raw exchange(String request) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            boolean closed;
            byte[] buffer = new byte[8192];
            try {
                int count;
                while ((count = in.read(buffer)) >= 0) {
                    read.write(buffer, 0, count);
                }
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            } catch (SocketException reset) {
                closed = true;
            }
            String text = read.toString(StandardCharsets.ISO_8859_1);
            int status = text.startsWith("HTTP/1.") && text.length() > 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Raw(status, text, closed);
        }
    }
}
