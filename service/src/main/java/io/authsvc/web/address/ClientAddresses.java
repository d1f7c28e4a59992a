package io.authsvc.web.address;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The client's address as the contract defines it: the connection's peer, or, when the peer is a trusted proxy,
 * the last address in {@code X-Forwarded-For} that is not trusted. Proxies append the address they saw, so
 * reading from the right stops at the first hop that no trusted proxy vouches for; what lies left of it is
 * whatever the client wrote.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /**
     * @param peer the connection's peer ({@code getRemoteAddr()})
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    public static String resolve(String peer, List<String> forwardedFor, TrustedProxies trusted) {
        String client = normalize(peer);
        if (trusted.isEmpty() || !trusted.contains(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<IpAddress> hop = IpAddress.parse(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                // A trusted proxy passed on something that is no address: believe no further.
                return client;
            }
            client = hop.get().toString();
            if (!trusted.contains(hop.get())) {
                return client;
            }
        }
        return client;
    }

    public static List<String> headers(Enumeration<String> values) {
        List<String> list = new ArrayList<>();
        while (values != null && values.hasMoreElements()) {
            list.add(values.nextElement());
        }
        return list;
    }

    /** The canonical text of an address, so that one client is one key however it is written. */
    static String normalize(String address) {
        return IpAddress.parse(address).map(IpAddress::toString).orElse(address == null ? "unknown" : address);
    }

    /** {@code 203.0.113.7:4711} and {@code [2001:db8::1]:4711}, as some proxies write them, without the port. */
    static String withoutPort(String hop) {
        if (hop.startsWith("[") && hop.contains("]")) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') >= 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }
}
