package io.authsvc.web.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormReaderTest {

    @Test
    void decodesPlusPercentAndRawUtf8() {
        MultivaluedMap<String, String> form = FormReader.parse(
                "username=ann+lee&password=caf%C3%A9%20cr\u00e8me&password=second&&flag&=empty");
        assertEquals("ann lee", form.getFirst("username"));
        assertEquals(List.of("caf\u00e9 cr\u00e8me", "second"), form.get("password"));
        assertEquals("", form.getFirst("flag"));
        assertEquals("empty", form.getFirst(""));
    }

    @Test
    void refusesEscapesOfBytesThatAreNotUtf8() {
        for (String body : new String[] {"password=%FF%FE", "password=%FE%FF", "password=%C0%AF", "password=%ED%A0%80",
                "password=%80", "password=%E2%82", "pass%FFword=x", "password=%zz", "password=%4", "password=%"}) {
            assertThrows(Utf8Body.Unreadable.class, () -> FormReader.parse(body), body);
        }
    }

    @Test
    void tellsWellFormedTextFromHalfASurrogatePair() {
        assertEquals(true, Utf8Body.wellFormed("a\ud83d\ude00b"));
        for (String text : new String[] {"\ud800", "\udfff", "a\ud800b", "\ude00\ud83d", "\ud83d"}) {
            assertEquals(false, Utf8Body.wellFormed(text), text);
        }
    }
}
