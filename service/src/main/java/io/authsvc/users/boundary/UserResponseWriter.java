package io.authsvc.users.boundary;

import io.authsvc.web.body.JsonConfig;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a {@link UserResponse} straight to the stream, as JSON-B with {@link JsonConfig} writes it (the same
 * names in the same order, nulls included), without JSON-B's per-call work: it is the body of every
 * {@code GET /auth/me}.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class UserResponseWriter implements MessageBodyWriter<UserResponse> {

    static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == UserResponse.class;
    }

    @Override
    public void writeTo(UserResponse user, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        try (JsonGenerator json = GENERATORS.createGenerator(out, StandardCharsets.UTF_8)) {
            write(json, user);
        }
    }

    /** The members in JSON-B's order (by name). */
    static void write(JsonGenerator json, UserResponse user) {
        json.writeStartObject();
        text(json, "created_at", user.createdAt());
        text(json, "email", user.email());
        json.write("email_verified", user.emailVerified());
        text(json, "full_name", user.fullName());
        text(json, "id", user.id());
        json.write("is_active", user.isActive());
        text(json, "last_login", user.lastLogin());
        json.writeStartArray("roles");
        user.roles().forEach(json::write);
        json.writeEnd();
        text(json, "updated_at", user.updatedAt());
        text(json, "username", user.username());
        json.writeEnd();
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
