package io.authsvc.throttling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    @Test
    void countsAKnownAccountByItsIdWhateverNamedIt() {
        UUID id = UUID.randomUUID();
        assertEquals("id:" + id, Throttle.identifierKey(Optional.of(id), "Ann"));
        assertEquals("id:" + id, Throttle.identifierKey(Optional.of(id), "ann@example.com"));
    }

    @Test
    void countsAnUnknownIdentifierTrimmedAndLowerCasedWithoutKeepingItsText() {
        String key = Throttle.identifierKey(Optional.empty(), "  Nobody@Example.com ");
        assertEquals(key, Throttle.identifierKey(Optional.empty(), "nobody@example.com"));
        assertNotEquals(key, Throttle.identifierKey(Optional.empty(), "nobody2@example.com"));
        assertTrue(key.startsWith("name:") && key.length() == 5 + 64, key);
        assertFalse(key.contains("nobody"));
        assertEquals(69, Throttle.identifierKey(Optional.empty(), "x".repeat(60_000)).length());
    }

    @Test
    void countsIpv4AddressesAloneAndIpv6ByTheirSlash64() {
        assertEquals("ip:203.0.113.7", Throttle.addressKey("ip:", "203.0.113.7"));
        assertEquals("ip:2001:db8:1:2:0:0:0:0/64", Throttle.addressKey("ip:", "2001:db8:1:2::99"));
        assertEquals(Throttle.addressKey("ip:", "2001:db8:1:2::1"), Throttle.addressKey("ip:", "2001:db8:1:2:ffff::1"));
        assertEquals("register-ip:unknown", Throttle.addressKey("register-ip:", "unknown"));
    }
}
