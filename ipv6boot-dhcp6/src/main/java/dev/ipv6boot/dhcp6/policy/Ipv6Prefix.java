package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv6 prefix as two longs (address bits beyond {@code length} are zero), e.g. a subnet or a delegated-prefix
 * pool. Parsing accepts literals only and never resolves names.
 */
public record Ipv6Prefix(long high, long low, int length) {

    public Ipv6Prefix {
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("prefix length must be in [0, 128]: " + length);
        }
        if ((high & ~maskHigh(length)) != 0 || (low & ~maskLow(length)) != 0) {
            throw new IllegalArgumentException("bits set beyond /" + length + ": "
                    + Ipv6AddressFormat.toString(high, low));
        }
    }

    /** Parses {@code "2001:db8::/64"}. */
    public static Ipv6Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a prefix (address/length): " + text);
        }
        long[] address = parseAddress(text.substring(0, slash).trim());
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length: " + text);
        }
        return new Ipv6Prefix(address[0], address[1], length);
    }

    /** Parses an IPv6 literal ({@code "2001:db8::1"}) into {high, low}, never resolving a name. */
    public static long[] parseAddress(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.indexOf(':') < 0 || s.indexOf('%') >= 0) {
            throw new IllegalArgumentException("not an IPv6 address literal: " + text);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                throw new IllegalArgumentException("not an IPv6 address literal: " + text);
            }
        }
        try {
            InetAddress a = InetAddress.getByName(s);                   // a literal: no lookup happens
            if (!(a instanceof Inet6Address)) {
                throw new IllegalArgumentException("not an IPv6 address: " + text);
            }
            byte[] b = a.getAddress();
            return new long[] {toLong(b, 0), toLong(b, 8)};
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address literal: " + text, e);
        }
    }

    private static long toLong(byte[] b, int from) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[from + i] & 0xff);
        }
        return v;
    }

    static long maskHigh(int length) {
        return length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
    }

    static long maskLow(int length) {
        return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
    }

    /** Whether {@code (high, low)} lies in this prefix. */
    public boolean contains(long addressHigh, long addressLow) {
        return (addressHigh & maskHigh(length)) == high && (addressLow & maskLow(length)) == low;
    }

    @Override
    public String toString() {
        return Ipv6AddressFormat.toString(high, low) + "/" + length;
    }
}
