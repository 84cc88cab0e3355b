package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/** Relay Agent Remote-ID (option 37, RFC 4649 §3): a 4-octet enterprise number, then an opaque remote-id. */
public final class RemoteId {
    /** 4 octets enterprise-number (RFC 4649 §3). */
    public static final int FIXED_LENGTH = 4;

    private RemoteId() {
    }

    /** 4 octets enterprise-number, RFC 4649 §3. */
    public static long enterpriseNumber(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset);
    }

    /** Where the opaque remote-id starts. */
    public static int idOffset(int offset) {
        return offset + FIXED_LENGTH;
    }
}
