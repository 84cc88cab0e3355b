package dev.ipv6boot.examples.config;

import dev.ipv6boot.dhcp6.policy.Ipv6Prefix;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * IPv6 literals and socket addresses as the configuration writes them ({@code 2001:db8::1}, {@code [2001:db8::1]:53}),
 * parsed without any name lookup: a configuration must never wait on DNS to be read.
 */
final class Addresses {
    private Addresses() {
    }

    /** An IPv6 literal; {@link IllegalArgumentException} saying why when it is not one. */
    static Inet6Address ipv6(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an IPv6 address is required here");
        }
        long[] a = Ipv6Prefix.parseAddress(text.trim());
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (a[0] >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (a[1] >>> (56 - 8 * i));
        }
        try {
            return (Inet6Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException | ClassCastException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
    }

    /** {@code [addr]:port}, {@code [addr]} or a bare {@code addr} (then on {@code defaultPort}). */
    static InetSocketAddress socket(String text, int defaultPort) {
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

    /** {@code [addr]:port} with the address in RFC 5952 form. */
    static String format(InetSocketAddress address) {
        return "[" + literal(address.getAddress()) + "]:" + address.getPort();
    }

    /** RFC 5952 text of an IPv6 address. */
    static String literal(InetAddress address) {
        byte[] b = address.getAddress();
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (b[i] & 0xff);
            low = (low << 8) | (b[8 + i] & 0xff);
        }
        return dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat.toString(high, low);
    }
}
