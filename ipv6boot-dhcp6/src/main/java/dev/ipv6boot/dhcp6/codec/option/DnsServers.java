package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/** DNS Recursive Name Server (option 23, RFC 3646 §3): a list of 16-octet IPv6 addresses. */
public final class DnsServers {
    public static final int ADDRESS_LENGTH = 16;

    private DnsServers() {
    }

    /** How many addresses an option of {@code length} octets lists. */
    public static int count(int length) {
        return length / ADDRESS_LENGTH;
    }

    /** High 64 bits of address {@code i}, RFC 3646 §3. */
    public static long addressHigh(ByteBuf buf, int offset, int i) {
        return buf.getLong(offset + ADDRESS_LENGTH * i);
    }

    /** Low 64 bits of address {@code i}, RFC 3646 §3. */
    public static long addressLow(ByteBuf buf, int offset, int i) {
        return buf.getLong(offset + ADDRESS_LENGTH * i + 8);
    }
}
