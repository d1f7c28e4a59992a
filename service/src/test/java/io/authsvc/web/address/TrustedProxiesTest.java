package io.authsvc.web.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void readsAddressesAndRangesOfBothFamilies() {
        TrustedProxies trusted = TrustedProxies.parse(" 10.0.0.0/8, 192.168.1.7 ,2001:db8::/32, ::1, 172.16.0.0/12");
        assertTrue(trusted.contains("10.255.3.4"));
        assertTrue(trusted.contains("192.168.1.7"));
        assertFalse(trusted.contains("192.168.1.8"));
        assertTrue(trusted.contains("172.31.255.255"));
        assertFalse(trusted.contains("172.32.0.0"));
        assertTrue(trusted.contains("2001:db8:ffff::1"));
        assertTrue(trusted.contains("[2001:DB8::abcd]"));
        assertFalse(trusted.contains("2001:db9::1"));
        assertTrue(trusted.contains("0:0:0:0:0:0:0:1"));
        assertFalse(trusted.contains("127.0.0.1"), "an IPv4 address never matches an IPv6 range");
    }

    @Test
    void matchesEverythingWithAZeroPrefixAndOneAddressWithAFullOne() {
        assertTrue(TrustedProxies.parse("0.0.0.0/0").contains("203.0.113.9"));
        assertFalse(TrustedProxies.parse("0.0.0.0/0").contains("::1"));
        assertTrue(TrustedProxies.parse("203.0.113.9/32").contains("203.0.113.9"));
        assertFalse(TrustedProxies.parse("203.0.113.9/32").contains("203.0.113.8"));
        assertTrue(TrustedProxies.parse("fe80::/10").contains("febf::1"));
        assertFalse(TrustedProxies.parse("fe80::/10").contains("fec0::1"));
    }

    @Test
    void isEmptyWhenUnsetOrBlank() {
        assertTrue(TrustedProxies.parse(null).isEmpty());
        assertTrue(TrustedProxies.parse(" , ").isEmpty());
        assertFalse(TrustedProxies.parse("").contains("127.0.0.1"));
    }

    @Test
    void refusesWhatIsNotAnAddressOrRangeNamingIt() {
        for (String bad : new String[] {"localhost", "10.0.0.0/33", "::1/129", "10.0.0", "256.1.1.1", "10.0.0.0/",
                "10.0.0.0/-1", "1.2.3.4/8/8", "fe80::1%eth0", "example.com/24", "01.2.3.4"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> TrustedProxies.parse("127.0.0.1," + bad), bad);
            assertTrue(error.getMessage().contains("TRUSTED_PROXIES"), error.getMessage());
        }
    }

    @Test
    void neverLooksANameUp() {
        assertTrue(IpAddress.parse("localhost").isEmpty());
        assertTrue(IpAddress.parse("example.com").isEmpty());
        assertTrue(IpAddress.parse("1.2.3").isEmpty());
        assertEquals("0:0:0:0:0:0:0:1", IpAddress.parse("[::1]").orElseThrow().toString());
    }

    @Test
    void groupsIpv6ByPrefix() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", IpAddress.parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd").orElseThrow().prefix(64));
    }
}
