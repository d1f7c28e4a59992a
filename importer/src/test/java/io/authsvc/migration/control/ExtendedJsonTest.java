package io.authsvc.migration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtendedJsonTest {

    static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void readsIdsOfEveryKindAsStableText() {
        assertEquals(Optional.of("65a1b2c3d4e5f60718293a4b"), ExtendedJson.id(json("{\"$oid\": \"65A1B2C3D4E5F60718293A4B\"}")));
        assertEquals(Optional.of("legacy-7"), ExtendedJson.id(json("\"legacy-7\"")));
        assertEquals(Optional.of("42"), ExtendedJson.id(json("42")));
        assertEquals(Optional.of("42"), ExtendedJson.id(json("{\"$numberInt\": \"42\"}")));
        assertEquals(Optional.of("9000000000"), ExtendedJson.id(json("{\"$numberLong\": \"9000000000\"}")));
        assertEquals(Optional.of("{\"$uuid\":\"0b1c2d3e-0000-4000-8000-000000000000\"}"),
                ExtendedJson.id(json("{\"$uuid\": \"0b1c2d3e-0000-4000-8000-000000000000\"}")));
        assertEquals(Optional.empty(), ExtendedJson.id(null));
        assertEquals(Optional.empty(), ExtendedJson.id(JsonValue.NULL));
        assertEquals(Optional.empty(), ExtendedJson.id(json("\"\"")));
        assertThrows(IllegalArgumentException.class, () -> ExtendedJson.id(json("{\"$oid\": \"not-hex\"}")));
    }

    @Test
    void readsTheTimeAnObjectIdCarries() {
        assertEquals(Optional.of(Instant.parse("2024-01-12T21:44:35Z")),
                ExtendedJson.objectIdTime(json("{\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}")));
        assertEquals(Optional.empty(), ExtendedJson.objectIdTime(json("\"65a1b2c3d4e5f60718293a4b\"")));
    }

    @Test
    void readsDatesInRelaxedCanonicalAndLegacyForms() {
        Instant expected = Instant.parse("2021-03-04T05:06:07.123Z");
        long millis = expected.toEpochMilli();
        assertEquals(Optional.of(expected), ExtendedJson.date(json("{\"$date\": \"2021-03-04T05:06:07.123Z\"}")));
        assertEquals(Optional.of(expected), ExtendedJson.date(json("{\"$date\": \"2021-03-04T06:06:07.123+01:00\"}")));
        assertEquals(Optional.of(expected), ExtendedJson.date(json("{\"$date\": {\"$numberLong\": \"" + millis + "\"}}")));
        assertEquals(Optional.of(expected), ExtendedJson.date(json("{\"$date\": " + millis + "}")));
        // before 1970, canonical only
        assertEquals(Optional.of(Instant.parse("1969-12-31T23:59:59Z")),
                ExtendedJson.date(json("{\"$date\": {\"$numberLong\": \"-1000\"}}")));
        // ISO text as Python's isoformat() wrote it, with and without an offset
        assertEquals(Optional.of(expected), ExtendedJson.date(json("\"2021-03-04T05:06:07.123000\"")));
        assertEquals(Optional.of(expected), ExtendedJson.date(json("\"2021-03-04T05:06:07.123+00:00\"")));
        assertEquals(Optional.empty(), ExtendedJson.date(JsonValue.NULL));
    }

    @Test
    void refusesWhatIsNoDate() {
        for (String text : new String[] {"12", "true", "\"yesterday\"", "{\"$date\": \"soon\"}",
                "{\"$date\": {\"$numberLong\": \"x\"}}", "{\"$date\": 1.5}", "{\"when\": 1}", "[]"}) {
            assertThrows(IllegalArgumentException.class, () -> ExtendedJson.date(json(text)), text);
        }
    }

    @Test
    void readsIntegersPlainAndWrapped() {
        assertEquals(7, ExtendedJson.integer(json("7")));
        assertEquals(7, ExtendedJson.integer(json("{\"$numberInt\": \"7\"}")));
        assertEquals(-9000000000L, ExtendedJson.integer(json("{\"$numberLong\": \"-9000000000\"}")));
        assertThrows(IllegalArgumentException.class, () -> ExtendedJson.integer(json("{\"$numberLong\": \"99999999999999999999\"}")));
        assertThrows(IllegalArgumentException.class, () -> ExtendedJson.integer(json("{\"$numberDouble\": \"7.0\"}")));
        assertThrows(IllegalArgumentException.class, () -> ExtendedJson.integer(json("\"7\"")));
    }

    @Test
    void readsBooleansAndTextStrictly() {
        assertEquals(Optional.of(true), ExtendedJson.bool(json("true")));
        assertEquals(Optional.of(false), ExtendedJson.bool(json("false")));
        assertEquals(Optional.empty(), ExtendedJson.bool(null));
        IllegalArgumentException yes = assertThrows(IllegalArgumentException.class, () -> ExtendedJson.bool(json("\"yes\"")));
        assertEquals("text, not true or false", yes.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExtendedJson.bool(json("1")));
        assertEquals(Optional.of("Ann"), ExtendedJson.text(json("\"Ann\"")));
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> ExtendedJson.text(json("5")));
        assertFalse(number.getMessage().contains("5"), "says what kind of value, never the value");
        assertTrue(ExtendedJson.text(JsonValue.NULL).isEmpty());
    }
}
