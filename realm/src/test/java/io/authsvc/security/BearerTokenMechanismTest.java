package io.authsvc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BearerTokenMechanismTest {

    @Test
    void takesTheTokenOfABearerHeaderInAnyCase() {
        assertEquals("abc.def.ghi", BearerTokenMechanism.bearerToken("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", BearerTokenMechanism.bearerToken("bearer   abc.def.ghi "));
    }

    @Test
    void seesNoTokenInOtherHeaders() {
        assertNull(BearerTokenMechanism.bearerToken(null));
        assertNull(BearerTokenMechanism.bearerToken("Basic YWxhZGRpbjpvcGVuc2VzYW1l"));
        assertNull(BearerTokenMechanism.bearerToken("Bearer "));
        assertNull(BearerTokenMechanism.bearerToken("Bearerabc"));
    }
}
