package io.authsvc.web.body;

import io.authsvc.problems.ProblemException;
import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Reads a JSON request body in place of the server's reader, which took bytes that are not UTF-8, one value followed
 * by anything ({@code {...} garbage}, {@code {...}{"roles":["admin"]}}) and strings holding half of a surrogate pair.
 * Here the body is strict UTF-8 ({@link Utf8Body}), exactly one JSON value with nothing but white space after it,
 * and every string and member name is text UTF-8 can carry; anything else is a 400.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
// Ahead of the server's JSON-P and JSON-B readers, which Jersey otherwise ranks with this one.
@Priority(Priorities.USER - 1000)
public class JsonValueReader implements MessageBodyReader<JsonValue> {

    static final String NOT_JSON = "The request body is not valid JSON";

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonValue.class;
    }

    @Override
    public JsonValue readFrom(Class<JsonValue> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        String text;
        try {
            text = Utf8Body.read(entityStream, mediaType);
        } catch (Utf8Body.Unreadable e) {
            throw new ProblemException(400, e.getMessage());
        }
        JsonValue value;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new ProblemException(400, NOT_JSON + ": it is empty");
            }
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new ProblemException(400, NOT_JSON + ": something follows the JSON value");
            }
        } catch (WebApplicationException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson's JsonParsingException, and its plain exceptions for nesting and numbers past its limits.
            throw new ProblemException(400, NOT_JSON);
        }
        if (!wellFormed(value)) {
            throw new ProblemException(400, NOT_JSON + ": a string holds an unpaired surrogate (\\ud800 alone)");
        }
        return value;
    }

    private static boolean wellFormed(JsonValue value) {
        if (value instanceof JsonString string) {
            return Utf8Body.wellFormed(string.getString());
        }
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                if (!Utf8Body.wellFormed(member.getKey()) || !wellFormed(member.getValue())) {
                    return false;
                }
            }
        } else if (value instanceof JsonArray array) {
            for (JsonValue element : array) {
                if (!wellFormed(element)) {
                    return false;
                }
            }
        }
        return true;
    }
}
