package io.authsvc.users.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.authsvc.web.body.JsonConfig;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code UserOut} is written by hand (UserResponseWriter, UserListWriter: measured faster than JSON-B on every
 * {@code GET /auth/me}); JSON-B with the service's JsonConfig is the definition it must keep to, member for member,
 * nulls included, so a member added to UserResponse and forgotten in the writer fails here.
 */
class UserResponseJsonTest {

    private static final Jsonb JSONB = new JsonConfig().getContext(UserResponse.class);

    private static final UserResponse FULL = new UserResponse("8f0e2b1c-0000-4000-8000-000000000001", "ann@example.com",
            true, "ann", "Ann \"Q\" Müller", true, List.of("admin", "user"), "2026-11-27T12:00:00.123Z",
            "2026-11-28T12:00:00.000Z", "2026-11-29T12:00:00.999Z");
    private static final UserResponse BARE = new UserResponse("8f0e2b1c-0000-4000-8000-000000000002", "bob@example.com",
            false, "bob", null, false, List.of("user"), "2026-11-27T12:00:00.123Z", "2026-11-27T12:00:00.123Z", null);

    @Test
    void writesOneAccountAsJsonBDoes() {
        for (UserResponse user : List.of(FULL, BARE)) {
            StringWriter out = new StringWriter();
            try (JsonGenerator json = Json.createGeneratorFactory(Map.of()).createGenerator(out)) {
                UserResponseWriter.write(json, user);
            }
            assertEquals(JSONB.toJson(user), out.toString());
        }
    }

    @Test
    void writesEveryMemberOfTheRecord() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.createGeneratorFactory(Map.of()).createGenerator(out)) {
            UserResponseWriter.write(json, BARE);
        }
        var written = Json.createReader(new java.io.StringReader(out.toString())).readObject();
        assertEquals(UserResponse.class.getRecordComponents().length, written.size(), out.toString());
        for (RecordComponent member : UserResponse.class.getRecordComponents()) {
            String name = member.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            assertEquals(true, written.containsKey(name), name + " in " + out);
        }
    }
}
