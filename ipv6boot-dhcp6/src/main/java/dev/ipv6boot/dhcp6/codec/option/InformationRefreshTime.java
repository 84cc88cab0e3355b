package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/** Information Refresh Time (option 32, RFC 9915 §21.23): 4 octets, seconds until the client refreshes. */
public final class InformationRefreshTime {
    public static final int LENGTH = 4;
    /** The smallest value a client honours, 600 s (IRT_MINIMUM, RFC 9915 §21.23). */
    public static final long MINIMUM = 600;

    private InformationRefreshTime() {
    }

    /** 4 octets information-refresh-time in seconds, 0xffffffff infinity, RFC 9915 §21.23. */
    public static long seconds(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset);
    }
}
