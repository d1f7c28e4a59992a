package io.authsvc.web.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address parsed from its literal text only: never a name, so never a DNS look-up. */
public final class IpAddress {

    private static final Pattern V4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address written in {@code text} (IPv6 may be in brackets), or empty for anything else. */
    public static Optional<IpAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        boolean v4 = V4.matcher(literal).matches();
        boolean v6 = !v4 && literal.indexOf(':') >= 0 && literal.length() <= 45 && V6.matcher(literal).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // Only literals reach this point: with a ':' or four dotted numbers, getByName does no look-up.
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return Optional.of(new IpAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean isV6() {
        return bytes.length == 16;
    }

    /** Whether the first {@code bits} bits equal those of {@code other} (of the same family). */
    boolean sharesPrefix(IpAddress other, int bits) {
        if (other.bytes.length != bytes.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((bytes[i / 8] & mask) != (other.bytes[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    int bits() {
        return bytes.length * 8;
    }

    /** The network of the first {@code bits} bits, as {@code address/bits}. */
    public String prefix(int bits) {
        byte[] masked = Arrays.copyOf(bytes, bytes.length);
        for (int i = bits; i < masked.length * 8; i++) {
            masked[i / 8] &= (byte) ~(0x80 >>> (i % 8));
        }
        return new IpAddress(masked) + "/" + bits;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
