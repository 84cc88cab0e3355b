package dev.ipv6boot.dns.acl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** One {@code access-control} line: a prefix and its action. */
public record AccessRule(InetAddress network, int prefixLength, AccessAction action) {
    public AccessRule {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(action, "action");
        network = AccessControl.canonical(network);
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + bits);
        }
        byte[] bytes = network.getAddress();
        for (int bit = prefixLength; bit < bits; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException(network.getHostAddress() + "/" + prefixLength
                        + " has host bits set");
            }
        }
    }

    /**
     * Parses unbound's netblock syntax: {@code 2001:db8::/32}, or an address alone meaning a host route
     * ({@code ::1} is ::1/128, {@code 127.0.0.1} is /32).
     */
    public static AccessRule parse(String netblock, AccessAction action) {
        String text = netblock.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!address.contains(":") && !address.matches("[0-9.]+")) {
            throw new IllegalArgumentException("not an address literal: " + address);
        }
        InetAddress network;
        try {
            network = InetAddress.getByName(address);  // a literal: no name lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + address, e);
        }
        network = AccessControl.canonical(network);
        int length = slash < 0 ? network.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
        return new AccessRule(network, length, action);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength + " " + action.name().toLowerCase();
    }
}
