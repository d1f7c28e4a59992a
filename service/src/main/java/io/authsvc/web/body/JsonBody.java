package io.authsvc.web.body;

import io.authsvc.problems.InvalidInput;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads members of a JSON request body, telling absent from null, and collects what is wrong with them. */
public final class JsonBody {

    public final InvalidInput.Collector errors = new InvalidInput.Collector();
    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody of(JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidInput.of("body", "must be a JSON object");
        }
        return new JsonBody(body.asJsonObject());
    }

    public boolean has(String name) {
        return object.containsKey(name);
    }

    boolean isNull(String name) {
        return has(name) && object.get(name).getValueType() == JsonValue.ValueType.NULL;
    }

    /** A required string member; null (and an error) when it is absent or not a string. */
    public String requiredText(String name) {
        if (!has(name) || isNull(name)) {
            errors.add(name, "is required");
            return null;
        }
        return text(name);
    }

    /** An optional string member: null when absent; an error when null or not a string. */
    public String text(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue value = object.get(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        errors.add(name, value.getValueType() == JsonValue.ValueType.NULL ? "must not be null" : "must be a string");
        return null;
    }

    /** A string member where null is a value of its own (full_name: null clears the name). */
    public String nullableText(String name) {
        return isNull(name) ? null : text(name);
    }

    public Boolean bool(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue value = object.get(name);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        errors.add(name, value.getValueType() == JsonValue.ValueType.NULL ? "must not be null" : "must be true or false");
        return null;
    }

    public Set<String> strings(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue value = object.get(name);
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(JsonString.class::isInstance)) {
            errors.add(name, value.getValueType() == JsonValue.ValueType.NULL
                    ? "must not be null" : "must be an array of strings");
            return null;
        }
        Set<String> strings = new LinkedHashSet<>();
        array.getValuesAs(JsonString.class).forEach(string -> strings.add(string.getString()));
        return strings;
    }
}
