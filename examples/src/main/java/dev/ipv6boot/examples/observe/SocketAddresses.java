package dev.ipv6boot.examples.observe;

import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Socket addresses as the configuration writes them: {@code [::1]:9547}, {@code [fe80::1%eth1]:80}. */
final class SocketAddresses {
    private SocketAddresses() {
    }

    /**
     * Parses {@code [address]:port} (IPv6) or {@code host:port}.
     *
     * @throws IllegalArgumentException when it is neither
     */
    static InetSocketAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not [address]:port: " + text);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("an IPv6 address needs brackets: " + text);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port in " + text);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in " + text);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + text);
        }
    }

    /** {@code [2001:db8::1]:80} (RFC 5952 text, with the scope of a scoped address). */
    static String format(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        long[] halves = ip == null ? null : Macs.halves(ip);
        if (halves == null) {
            return (ip == null ? address.getHostString() : ip.getHostAddress()) + ":" + address.getPort();
        }
        StringBuilder out = new StringBuilder("[");
        Ipv6AddressFormat.append(out, halves[0], halves[1]);
        Inet6Address v6 = (Inet6Address) ip;
        if (v6.getScopedInterface() != null) {
            out.append('%').append(v6.getScopedInterface().getName());
        } else if (v6.getScopeId() != 0) {
            out.append('%').append(v6.getScopeId());
        }
        return out.append("]:").append(address.getPort()).toString();
    }
}
