package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or broken client sends: oversized and deeply nested bodies, malformed JSON, forms, headers and
 * tokens. Nothing may get a 5xx, and every answer carries {@code X-Content-Type-Options: nosniff}.
 */
class HostileInputIT extends DeployedService {

    private static final int KB = 1024;


    @Test
    void sendsNosniffOnEveryKindOfAnswer() {
        String username = api.register("sniff").json().getString("username");
        List<Reply> replies = List.of(
                api.login(username, Api.PASSWORD),                                          // 200
                api.login(username, "wrong password here"),                                 // 401 from the service
                api.get("me", null),                                                        // 401 from the container
                api.get("stats", api.token(username, Api.PASSWORD)),                        // 403
                api.get("no/such/path", null),                                              // 404
                api.send(api.request("register", null).method("PATCH", HttpRequest.BodyPublishers.noBody())), // 405
                api.postJson("register", "{", null),                                        // 400
                api.postJson("register", "{}", null),                                       // 422
                api.postJson("register", " ".repeat(70 * KB) + "{}", null));                // 413
        for (Reply reply : replies) {
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.status() + " " + reply.body());
        }
    }

    @Test
    void refusesADeclaredBodyOver64KbUnread() {
        String padding = " ".repeat(64 * KB);
        assertProblem(413, api.postJson("register", padding + "{\"email\": \"x@example.com\"}", null));
        assertProblem(413, api.postForm("login", "username=ann&password=" + "x".repeat(64 * KB), null));
        assertProblem(413, api.putJson("00000000-0000-4000-8000-000000000000", padding + "{}", api.adminToken()));
    }

    @Test
    void stopsReadingAChunkedBodyPast64Kb() {
        byte[] body = (" ".repeat(100 * KB) + "{}").getBytes(StandardCharsets.UTF_8);
        // a stream of unknown length goes out chunked, without Content-Length
        Reply json = api.send(api.request("register", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertProblem(413, json);
        byte[] form = ("username=ann&password=" + "x".repeat(100 * KB)).getBytes(StandardCharsets.UTF_8);
        Reply login = api.send(api.request("login", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));
        assertProblem(413, login);
    }

    @Test
    void readsABodyJustUnderTheLimit() {
        String username = Api.unique("big");
        String json = """
                {"email": "%s@example.com", "username": "%s", "password": "%s"}""".formatted(username, username, Api.PASSWORD);
        Reply reply = api.postJson("register", " ".repeat(64 * KB - json.length()) + json, null);
        assertEquals(201, reply.status(), reply.body());
    }

    @Test
    void answers400ForDeeplyNestedJson() {
        assertProblem(400, api.postJson("register", "[".repeat(10_000), null));
        assertProblem(400, api.postJson("register", "[".repeat(10_000) + "]".repeat(10_000), null));
        assertProblem(400, api.postJson("register", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), null));
        assertProblem(400, api.postJson("login", "[".repeat(30_000) + "]".repeat(30_000), null));
        // nesting the parser accepts is still no account
        Problems.assertInvalid("body", api.postJson("register", "[".repeat(20) + "]".repeat(20), null));
    }

    @Test
    void neverAnswers5xxToMalformedBodies() {
        List<String> bodies = List.of("", " ", "null", "true", "0", "-1e999999", "1e309", "\"text\"", "[]", "{}", "{",
                "}", "{\"email\"}", "{\"email\": }", "{'email': 'single@quotes'}", "{\"email\": \"a@b.c\",}",
                "{\"email\": \"\\ud800\", \"username\": \"\\u0000\", \"password\": \"\\uDFFF\\uD800xxxxxxxxxxxx\"}",
                "{\"email\": 1e999999, \"username\": [], \"password\": {}}",
                "{\"email\": \"" + "a".repeat(60 * KB) + "\"}",
                "{\"username\": \"" + "b".repeat(50) + "\", \"password\": " + "9".repeat(5000) + "}",
                "{\"email\": \"x@example.com\", \"email\": \"y@example.com\"}",
                "\u0000\u0001\u0002", "\uFEFF{}", "{\"full_name\": \"\\u202e\\u0000\"}", "NaN", "Infinity",
                "{\"a\": 1}{\"b\": 2}", "[" + "1,".repeat(20 * KB) + "1]");
        for (String path : List.of("register", "login", "")) {
            for (String body : bodies) {
                assertNo5xx(api.postJson(path, body, null), path + " <- " + abbreviate(body));
            }
        }
        String admin = api.adminToken();
        String id = api.get("me", admin).json().getString("id");
        for (String body : bodies) {
            assertNo5xx(api.putJson(id, body, admin), "PUT <- " + abbreviate(body));
        }
        String name = Api.unique("nul");
        assertProblem(422, api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s", "full_name": "Ann\\u0000Lee"}
                """.formatted(name, name, Api.PASSWORD), null));
        // Half of a surrogate pair is no text UTF-8 can carry: the body is unreadable (OutsideAttacksIT has more).
        assertProblem(400, api.putJson(id, "{\"full_name\": \"\\ud800\"}", admin));
        assertProblem(422, api.get("?q=%00", admin));
        assertProblem(401, api.postJson("login", "{\"username\": \"root\\u0000\", \"password\": \"x\"}", null));
        for (String form : List.of("", "=", "&&&", "username", "username=&password=", "username=%zz&password=%",
                "username=a%00b&password=" + "%ff".repeat(40), "password=x&password=y&username=a&username=b",
                "username=" + "%41".repeat(20 * KB) + "&password=x")) {
            assertNo5xx(api.postForm("login", form, null), "login form <- " + abbreviate(form));
        }
    }

    @Test
    void neverAnswers5xxToBadBytesAndContentTypes() throws IOException {
        byte[] badUtf8 = {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF,
                (byte) 0xFE, '"', '}'};
        for (String type : List.of("application/json", "application/json; charset=utf-8",
                "application/json; charset=nonsense", "application/json; charset=UTF-16", "application/json;;;",
                "application/x-www-form-urlencoded; charset=bogus", "text/plain", "multipart/form-data; boundary=x",
                "application/xml", "*/*", "application", "", ";")) {
            for (String path : List.of("register", "login")) {
                assertNo5xx(raw("POST", path, List.of("Content-Type: " + type), badUtf8), path + " as " + type);
                assertNo5xx(raw("POST", path, List.of("Content-Type: " + type), "{}".getBytes(StandardCharsets.UTF_8)),
                        path + " as " + type + " with {}");
            }
        }
        assertNo5xx(raw("POST", "register", List.of("Content-Type: application/json", "Content-Length: -5"), new byte[0]),
                "negative length");
        assertNo5xx(raw("POST", "register", List.of("Content-Type: application/json", "Content-Length: 99999999999999999999"),
                new byte[0]), "absurd length");
        assertNo5xx(raw("POST", "register", List.of("Content-Type: application/json", "Content-Length: 100"),
                "{}".getBytes(StandardCharsets.UTF_8)), "a body shorter than announced");
    }

    @Test
    void neverAnswers5xxToOddHeaders() throws IOException {
        String admin = api.adminToken();
        List<List<String>> headerSets = List.of(
                List.of("X-Filler: " + "x".repeat(20 * KB)),
                List.of("Authorization: Bearer " + "a".repeat(20 * KB)),
                manyHeaders(200),
                List.of("X-Forwarded-For: " + "1.2.3.4, ".repeat(500) + "not-an-address"),
                List.of("X-Forwarded-For: \u00ff\u00fe, ::::, [::1]:x, 999.1.1.1"),
                List.of("X-Request-Id: " + "r".repeat(5000)),
                List.of("X-Request-Id: \u00e9\u00e8 \t evil"),
                List.of("Accept: application/xml"),
                List.of("Accept: */*;q=nonsense"),
                List.of("Accept-Charset: nonsense"),
                List.of("Authorization: Basic " + "YWRtaW46YWRtaW4="),
                List.of("Authorization: Bearer"),
                List.of("Authorization: Bearer \u00ff\u00fe.\u00fd.\u00fc"),
                List.of("Authorization: " + "Bearer " + admin + ", Bearer " + admin),
                List.of("Authorization: Bearer " + admin, "Authorization: Bearer x.y.z"),
                List.of("Host: ", "X-Forwarded-Host: evil.example"));
        for (List<String> headers : headerSets) {
            for (String target : List.of("GET me", "GET stats", "GET ", "POST login")) {
                String[] parts = target.split(" ", 2);
                List<String> all = new ArrayList<>(headers);
                byte[] body = new byte[0];
                if (parts[0].equals("POST")) {
                    all.add("Content-Type: application/x-www-form-urlencoded");
                    body = ("username=" + Api.unique("nobody") + "&password=" + Api.encode("wrong for sure"))
                            .getBytes(StandardCharsets.UTF_8);
                }
                assertNo5xx(raw(parts[0], parts[1], all, body), target + " with " + abbreviate(headers.toString()));
            }
        }
    }

    @Test
    void neverAnswers5xxToBrokenTokens() {
        String admin = api.adminToken();
        String[] parts = admin.split("\\.");
        List<String> tokens = List.of("", ".", "..", "...", "a.b", "a.b.c.d.e", "%%%.%%%.%%%",
                "eyJhbGciOiJIUzI1NiJ9", "eyJhbGciOiJIUzI1NiJ9..", "e30.e30.", "bnVsbA.bnVsbA.bnVsbA",
                "W10.W10.W10", // [] as header and claims
                base64("{\"alg\":\"HS256\"}") + "." + base64("not json") + "." + parts[2],
                base64("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}") + "." + parts[1] + "." + parts[2],
                base64("{\"alg\":\"none\"}") + "." + parts[1] + ".",
                base64("{\"alg\":\"HS256\",\"kid\":\"../../etc/passwd\"}") + "." + parts[1] + "." + parts[2],
                base64("{\"alg\":\"HS256\",\"jku\":\"http://127.0.0.1:1/keys\"}") + "." + parts[1] + "." + parts[2],
                base64("{\"alg\":\"HS256\",\"zip\":\"DEF\"}") + "." + parts[1] + "." + parts[2],
                base64("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}") + "..." + parts[1] + ".",
                parts[0] + "." + parts[1] + "." + parts[2] + "x",
                parts[0] + "." + parts[1].substring(1) + "." + parts[2],
                parts[0] + "." + base64("{\"iss\":\"auth-service\",\"sub\":7,\"exp\":\"tomorrow\",\"iat\":[]}") + "." + parts[2],
                admin.replace('.', '\u00e9'), "x".repeat(8193));
        for (String token : tokens) {
            for (String path : List.of("me", "stats", "", "logout-all")) {
                Reply reply = path.equals("logout-all")
                        ? api.send(api.request(path, token.isEmpty() ? null : token).POST(HttpRequest.BodyPublishers.noBody()))
                        : api.get(path, token.isEmpty() ? null : token);
                assertNo5xx(reply, path + " with " + abbreviate(token));
                assertEquals(401, reply.status(), path + " with " + abbreviate(token) + ": " + reply.body());
            }
            // an open endpoint ignores whatever token it gets
            Reply login = api.postForm("login", "username=root&password=" + Api.encode(Api.ADMIN_PASSWORD),
                    token.isEmpty() ? null : token);
            assertEquals(200, login.status(), abbreviate(token) + ": " + login.body());
        }
    }

    // ---- helpers

    private static void assertNo5xx(Reply reply, String what) {
        assertTrue(reply.status() < 500, what + " got " + reply.status() + ": " + abbreviate(reply.body()));
        if (reply.status() >= 400 && reply.body() != null && !reply.body().isEmpty()) {
            for (String leak : new String[] {"Exception", "at io.", "at org.", "SELECT ", "io.authsvc", "<html"}) {
                assertFalse(reply.body().contains(leak), what + " leaks '" + leak + "': " + abbreviate(reply.body()));
            }
        }
    }

    private static List<String> manyHeaders(int n) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            headers.add("X-Many-" + i + ": " + i);
        }
        return headers;
    }

    private static String base64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " chars)";
    }

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3}).*");

    /**
     * One request written byte for byte (headers as ISO-8859-1, so any byte can be sent), for what an HTTP
     * client library refuses to send. A server that closes without an answer counts as a 400.
     */
    private Reply raw(String method, String path, List<String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + "/auth/" + path + " HTTP/1.1\r\n");
        boolean hostGiven = headers.stream().anyMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5));
        if (!hostGiven) {
            head.append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n");
        }
        boolean lengthGiven = headers.stream().anyMatch(h -> h.regionMatches(true, 0, "Content-Length:", 0, 15));
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (!lengthGiven && (body.length > 0 || method.equals("POST"))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.write(body);
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (response.isEmpty()) {
                return new Reply(400, null, "");
            }
            String statusLine = response.lines().findFirst().orElse("");
            Matcher status = STATUS.matcher(statusLine);
            assertTrue(status.matches(), "not an HTTP answer: " + abbreviate(response));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Reply(Integer.parseInt(status.group(1)), null, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (java.net.SocketException e) {
            // the server may reset a connection it refuses to read (a broken length, say): no answer, no 5xx
            return new Reply(400, null, "");
        }
    }
}
