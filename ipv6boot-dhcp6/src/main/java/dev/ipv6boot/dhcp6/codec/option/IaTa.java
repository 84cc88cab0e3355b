package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Identity Association for Temporary Addresses (option 4, RFC 9915 §21.5): IAID, then IA_TA options.
 * Deprecated by RFC 9915: parsed and passed through, never offered.
 */
public final class IaTa {
    /** 4 octets IAID (RFC 9915 §21.5). */
    public static final int FIXED_LENGTH = 4;
    public static final int SUBOPTIONS_OFFSET = 4;

    private IaTa() {
    }

    /** 4 octets IAID, RFC 9915 §21.5. */
    public static long iaid(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset);
    }
}
