package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * SOL_MAX_RT (option 82, RFC 9915 §21.24) and INF_MAX_RT (option 83, §21.25): 4 octets, the longest
 * Solicit or Information-request retransmission timeout, in seconds (valid 60 to 86400).
 */
public final class MaxRetransmissionTime {
    public static final int LENGTH = 4;
    public static final long MINIMUM = 60;
    public static final long MAXIMUM = 86_400;

    private MaxRetransmissionTime() {
    }

    /** 4 octets SOL_MAX_RT or INF_MAX_RT value in seconds, RFC 9915 §21.24, §21.25. */
    public static long seconds(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset);
    }
}
