package io.authsvc.users.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.authsvc.accounts.control.UserQuery;
import io.authsvc.problems.InvalidInput;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListParametersTest {

    @Test
    void defaultsToTheFirstFiftyOfAll() {
        UserQuery query = ListParameters.parse(null, null, null, null, null);
        assertEquals(new UserQuery(0, 50, null, null, null), query);
    }

    @Test
    void roundTripsACursorWithMicroseconds() {
        UserQuery.Cursor cursor = new UserQuery.Cursor(Instant.parse("2026-11-27T12:00:00.123456Z"), UUID.randomUUID());
        assertEquals(cursor, ListParameters.decode(ListParameters.encode(cursor)));
        assertEquals(cursor, ListParameters.parse(null, "10", ListParameters.encode(cursor), "false", "x").after());
    }

    @Test
    void refusesWhatItCannotRead() {
        assertNull(ListParameters.decode("%%%"));
        assertNull(ListParameters.decode("bm9wZQ"));
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> ListParameters.parse("-1", "501", "nope", "yes", null));
        assertEquals(4, invalid.errors().size());
        assertThrows(InvalidInput.class, () -> ListParameters.parse("1.5", null, null, null, null));
        assertThrows(InvalidInput.class, () -> ListParameters.parse(null, "0", null, null, null));
        assertThrows(InvalidInput.class, () -> ListParameters.parse(null, null, null, "TRUE", null));
    }

    @Test
    void takesNoCursorOutsideTheYearsPostgresHoldsOrInAnotherSpelling() {
        UUID id = UUID.randomUUID();
        for (String text : new String[] {"9999999999999.0/" + id, "-99999999999.0/" + id, "1.1000000000/" + id,
                "1.-5/" + id, "1.01/" + id, "01.0/" + id, "1.0/" + id.toString().toUpperCase()}) {
            assertNull(ListParameters.decode(java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))), text);
        }
    }
}
