package io.authsvc.migration.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of MongoDB Extended JSON v2 that a users export holds, in both of mongoexport's modes: relaxed
 * ({@code {"$date": "2021-03-04T05:06:07.123Z"}}, plain numbers) and canonical ({@code {"$date": {"$numberLong":
 * "..."}}}, {@code {"$numberInt": "7"}}), plus the legacy relaxed {@code {"$date": 1614834367123}}. A value of the
 * wrong kind is an {@link IllegalArgumentException} whose message says what was found, never the value itself.
 */
public final class ExtendedJson {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");

    private ExtendedJson() {
    }

    static boolean isNull(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    /**
     * {@code _id} as text: an ObjectId's 24 hex digits (lower case), a string as it is, an integer in decimal;
     * any other kind ({@code $uuid}, {@code $binary}, ...) as its Extended JSON text, which is stable too.
     */
    public static Optional<String> id(JsonValue value) {
        if (isNull(value)) {
            return Optional.empty();
        }
        if (value instanceof JsonString text) {
            return Optional.of(text.getString()).filter(id -> !id.isEmpty());
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return Optional.of(number.bigIntegerValue().toString());
        }
        if (value instanceof JsonObject object && object.size() == 1) {
            if (object.containsKey("$oid")) {
                if (object.get("$oid") instanceof JsonString oid && OBJECT_ID.matcher(oid.getString()).matches()) {
                    return Optional.of(oid.getString().toLowerCase(Locale.ROOT));
                }
                throw new IllegalArgumentException("an $oid that is not 24 hex digits");
            }
            if (object.containsKey("$numberInt") || object.containsKey("$numberLong")) {
                return Optional.of(Long.toString(integer(value)));
            }
        }
        return Optional.of(value.toString());
    }

    /** The creation time an ObjectId carries in its first four bytes (seconds since 1970). */
    public static Optional<Instant> objectIdTime(JsonValue id) {
        if (id instanceof JsonObject object && object.get("$oid") instanceof JsonString oid
                && OBJECT_ID.matcher(oid.getString()).matches()) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(oid.getString().substring(0, 8), 16)));
        }
        return Optional.empty();
    }

    /** A date in any of Extended JSON's forms, or an ISO-8601 text (without an offset it is taken as UTC). */
    public static Optional<Instant> date(JsonValue value) {
        if (isNull(value)) {
            return Optional.empty();
        }
        if (value instanceof JsonObject object && object.size() == 1 && object.containsKey("$date")) {
            JsonValue inner = object.get("$date");
            if (inner instanceof JsonString text) {
                return Optional.of(iso(text.getString()));
            }
            return Optional.of(Instant.ofEpochMilli(integer(inner)));
        }
        if (value instanceof JsonString text) {
            return Optional.of(iso(text.getString()));
        }
        throw new IllegalArgumentException(describe(value) + ", not a date");
    }

    /** An integer: a plain JSON number, {@code {"$numberInt": "..."}} or {@code {"$numberLong": "..."}}. */
    public static long integer(JsonValue value) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("an integer out of range");
            }
        }
        if (value instanceof JsonObject object && object.size() == 1) {
            JsonValue wrapped = object.containsKey("$numberLong")
                    ? object.get("$numberLong") : object.get("$numberInt");
            if (wrapped instanceof JsonString text && INTEGER.matcher(text.getString()).matches()) {
                try {
                    return Long.parseLong(text.getString());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("an integer out of range");
                }
            }
        }
        throw new IllegalArgumentException(describe(value) + ", not an integer");
    }

    /** true or false; absent and null are empty. */
    public static Optional<Boolean> bool(JsonValue value) {
        if (isNull(value)) {
            return Optional.empty();
        }
        return switch (value.getValueType()) {
            case TRUE -> Optional.of(true);
            case FALSE -> Optional.of(false);
            default -> throw new IllegalArgumentException(describe(value) + ", not true or false");
        };
    }

    /** A string; absent and null are empty. */
    public static Optional<String> text(JsonValue value) {
        if (isNull(value)) {
            return Optional.empty();
        }
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        throw new IllegalArgumentException(describe(value) + ", not text");
    }

    /** What kind of value this is, for messages that must not repeat the value (it might be a password). */
    static String describe(JsonValue value) {
        if (value instanceof JsonObject object && object.size() == 1) {
            return "an object with " + object.keySet().iterator().next();
        }
        return switch (value.getValueType()) {
            case STRING -> "text";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "true/false";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    private static Instant iso(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException withoutOffset) {
                throw new IllegalArgumentException("text that is not an ISO-8601 date");
            }
        }
    }
}
