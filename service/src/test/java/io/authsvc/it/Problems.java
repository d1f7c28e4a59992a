package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

/** Asserts that an answer is an RFC 9457 problem with the given status and nothing of the server's insides. */
public final class Problems {

    private Problems() {
    }

    public static JsonObject assertProblem(int status, Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType() != null && reply.contentType().startsWith("application/problem+json"),
                "content type " + reply.contentType());
        JsonObject body = reply.json();
        assertEquals(status, body.getInt("status"));
        assertFalse(body.getString("title").isBlank());
        assertFalse(body.getString("detail").isBlank());
        assertTrue(body.containsKey("type"));
        String text = reply.body();
        for (String leak : new String[] {"Exception", "at io.", "at org.", "SELECT ", "io.authsvc", "<html"}) {
            assertFalse(text.contains(leak), "the body leaks '" + leak + "': " + text);
        }
        return body;
    }

    /** A 422 naming {@code field} among its errors. */
    public static void assertInvalid(String field, Reply reply) {
        JsonObject body = assertProblem(422, reply);
        assertTrue(body.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(error -> error.getString("field").equals(field)), "no error for " + field + ": " + body);
    }

    public static void assertUnauthorized(Reply reply) {
        assertProblem(401, reply);
        assertEquals("Bearer", reply.header("WWW-Authenticate"));
    }
}
