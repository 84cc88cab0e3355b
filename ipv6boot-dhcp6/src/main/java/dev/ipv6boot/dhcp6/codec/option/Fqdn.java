package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Client FQDN (option 39, RFC 4704 §4): a flags octet (N, O, S), then a DNS name that may be partial.
 */
public final class Fqdn {
    /** 1 octet flags (RFC 4704 §4.1). */
    public static final int FIXED_LENGTH = 1;
    /** S: the server should perform the AAAA update. */
    public static final int FLAG_S = 0x01;
    /** O: the server overrode the client's S preference. */
    public static final int FLAG_O = 0x02;
    /** N: the server should perform no updates. */
    public static final int FLAG_N = 0x04;

    private Fqdn() {
    }

    /** 1 octet flags, RFC 4704 §4.1. */
    public static int flags(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset);
    }

    /** Where the domain-name starts, RFC 4704 §4.2. */
    public static int nameOffset(int offset) {
        return offset + FIXED_LENGTH;
    }
}
