package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Server Unicast (option 12, RFC 9915 §21.12): the 16-octet server address. Deprecated by RFC 9915: parsed
 * and passed through, never offered.
 */
public final class Unicast {
    public static final int LENGTH = 16;

    private Unicast() {
    }

    /** High 64 bits of the 16-octet server-address, RFC 9915 §21.12. */
    public static long addressHigh(ByteBuf buf, int offset) {
        return buf.getLong(offset);
    }

    /** Low 64 bits of the 16-octet server-address, RFC 9915 §21.12. */
    public static long addressLow(ByteBuf buf, int offset) {
        return buf.getLong(offset + 8);
    }
}
