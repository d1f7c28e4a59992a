package io.authsvc.web.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 2001:db8::/32");

    @Test
    void isThePeerWhenNoProxyIsTrusted() {
        assertEquals("198.51.100.4", ClientAddresses.resolve("198.51.100.4", List.of("203.0.113.1"), TrustedProxies.none()));
    }

    @Test
    void ignoresAForgedHeaderFromAnUntrustedPeer() {
        assertEquals("198.51.100.4", ClientAddresses.resolve("198.51.100.4", List.of("203.0.113.1, 10.0.0.2"), PROXIES));
    }

    @Test
    void takesTheLastUntrustedHopBehindTrustedProxies() {
        // the client wrote "1.1.1.1" itself; the first proxy appended the address it saw, 203.0.113.7
        assertEquals("203.0.113.7", ClientAddresses.resolve("10.0.0.1", List.of("1.1.1.1, 203.0.113.7, 10.0.0.9"), PROXIES));
        assertEquals("203.0.113.7", ClientAddresses.resolve("10.0.0.1", List.of("1.1.1.1", "203.0.113.7, 10.0.0.9"), PROXIES),
                "several headers read as one list");
    }

    @Test
    void isThePeerWhenATrustedProxySendsNoHeader() {
        assertEquals("10.0.0.1", ClientAddresses.resolve("10.0.0.1", List.of(), PROXIES));
    }

    @Test
    void isTheFarthestHopWhenEveryHopIsTrusted() {
        assertEquals("10.1.1.1", ClientAddresses.resolve("10.0.0.1", List.of("10.1.1.1, 10.2.2.2"), PROXIES));
    }

    @Test
    void stopsAtAHopThatIsNoAddress() {
        assertEquals("10.2.2.2", ClientAddresses.resolve("10.0.0.1", List.of("203.0.113.7, unknown, 10.2.2.2"), PROXIES));
        assertEquals("10.0.0.1", ClientAddresses.resolve("10.0.0.1", List.of("evil.example"), PROXIES));
    }

    @Test
    void readsPortsBracketsAndIpv6() {
        assertEquals("203.0.113.7", ClientAddresses.resolve("10.0.0.1", List.of("203.0.113.7:4711"), PROXIES));
        assertEquals("2001:db9:0:0:0:0:0:1", ClientAddresses.resolve("2001:db8::5", List.of("[2001:db9::1]:4711"), PROXIES));
        assertEquals("2001:db9:0:0:0:0:0:1", ClientAddresses.resolve("[2001:db8::5]", List.of("2001:db9::1"), PROXIES));
    }

    @Test
    void writesOneAddressOneWay() {
        assertEquals("0:0:0:0:0:0:0:1", ClientAddresses.normalize("::1"));
        assertEquals("0:0:0:0:0:0:0:1", ClientAddresses.normalize("[0:0::1]"));
        assertEquals("unknown", ClientAddresses.normalize(null));
    }
}
