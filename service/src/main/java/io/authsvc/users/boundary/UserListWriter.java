package io.authsvc.users.boundary;

import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a page of the list ({@code GenericEntity<List<UserResponse>>}) as {@link UserResponseWriter} writes one. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class UserListWriter implements MessageBodyWriter<List<UserResponse>> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return List.class.isAssignableFrom(type) && genericType instanceof ParameterizedType list
                && list.getActualTypeArguments().length == 1 && list.getActualTypeArguments()[0] == UserResponse.class;
    }

    @Override
    public void writeTo(List<UserResponse> users, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        try (JsonGenerator json = UserResponseWriter.GENERATORS.createGenerator(out, StandardCharsets.UTF_8)) {
            json.writeStartArray();
            users.forEach(user -> UserResponseWriter.write(json, user));
            json.writeEnd();
        }
    }
}
