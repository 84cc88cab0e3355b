package dev.ipv6boot.examples.config;

import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import dev.ipv6boot.dhcp6.policy.Ipv6Prefix;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * IPv6 literals and socket addresses as the configuration writes them ({@code 2001:db8::1}, {@code [2001:db8::1]:53}),
 * parsed without any name lookup: a configuration must never wait on DNS to be read; and written back the same way
 * (RFC 5952), for logs, metrics labels and URLs.
 */
public final class Addresses {
    private Addresses() {
    }

    /** An IPv6 literal; {@link IllegalArgumentException} saying why when it is not one. */
    public static Inet6Address ipv6(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an IPv6 address is required here");
        }
        long[] a = Ipv6Prefix.parseAddress(text.trim());
        try {
            return (Inet6Address) address(a[0], a[1]);
        } catch (ClassCastException e) {                              // ::ffff:a.b.c.d, which Java makes IPv4
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
    }

    /**
     * The address whose 16 octets are these two 64-bit halves (a lease's, a parsed literal's); Java answers an
     * IPv4-mapped one ({@code ::ffff:a.b.c.d}) with an {@code Inet4Address}.
     */
    public static InetAddress address(long high, long low) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 octets are always an address", e);
        }
    }

    /** {@code [addr]:port}, {@code [addr]} or a bare {@code addr} (then on {@code defaultPort}). */
    public static InetSocketAddress socket(String text, int defaultPort) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("no ']' after the address in " + text);
            }
            String rest = t.substring(close + 1);
            int port = defaultPort;
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":") || !rest.substring(1).matches("\\d{1,5}")) {
                    throw new IllegalArgumentException("write [address]:port, found " + text);
                }
                port = Integer.parseInt(rest.substring(1));
                if (port > 65535) {
                    throw new IllegalArgumentException("port " + port + " is above 65535");
                }
            }
            return new InetSocketAddress(ipv6(t.substring(1, close)), port);
        }
        return new InetSocketAddress(ipv6(t), defaultPort);
    }

    /**
     * {@code [2001:db8::1]:80}: the address in RFC 5952 form, with the scope of a scoped address
     * ({@code [fe80::1%eth1]:547}); an IPv4 address as {@code 192.0.2.1:80}.
     */
    public static String format(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (!(ip instanceof Inet6Address v6)) {
            return (ip == null ? address.getHostString() : ip.getHostAddress()) + ":" + address.getPort();
        }
        StringBuilder out = new StringBuilder("[").append(literal(v6));
        if (v6.getScopedInterface() != null) {
            out.append('%').append(v6.getScopedInterface().getName());
        } else if (v6.getScopeId() != 0) {
            out.append('%').append(v6.getScopeId());
        }
        return out.append("]:").append(address.getPort()).toString();
    }

    /** RFC 5952 text of an IPv6 address ({@code ::1}, not Java's {@code 0:0:0:0:0:0:0:1}); IPv4 as Java writes it. */
    public static String literal(InetAddress address) {
        long[] halves = halves(address);
        return halves == null ? address.getHostAddress() : Ipv6AddressFormat.toString(halves[0], halves[1]);
    }

    /** The two 64-bit halves of an IPv6 address, or null for IPv4. */
    public static long[] halves(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (b[i] & 0xff);
            low = (low << 8) | (b[8 + i] & 0xff);
        }
        return new long[] {high, low};
    }
}
