package io.authsvc.web.address;

import java.util.ArrayList;
import java.util.List;

/** {@code TRUSTED_PROXIES}: comma-separated IPv4/IPv6 addresses and CIDR ranges whose X-Forwarded-For is believed. */
public final class TrustedProxies {

    private record Range(IpAddress network, int bits) {
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** @throws IllegalArgumentException naming the entry that is not an address or range */
    public static TrustedProxies parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        if (setting == null) {
            return none();
        }
        for (String entry : setting.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            IpAddress network = IpAddress.parse(address).orElseThrow(() -> new IllegalArgumentException(
                    "TRUSTED_PROXIES: '" + text + "' is not an IP address or CIDR range"));
            int bits = network.bits();
            if (slash >= 0) {
                String suffix = text.substring(slash + 1);
                if (!suffix.matches("\\d{1,3}") || Integer.parseInt(suffix) > network.bits()) {
                    throw new IllegalArgumentException("TRUSTED_PROXIES: '" + text + "' has a prefix length outside 0 to "
                            + network.bits());
                }
                bits = Integer.parseInt(suffix);
            }
            ranges.add(new Range(network, bits));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(IpAddress address) {
        return ranges.stream().anyMatch(range -> range.network().sharesPrefix(address, range.bits()));
    }

    public boolean contains(String address) {
        return IpAddress.parse(address).map(this::contains).orElse(false);
    }
}
