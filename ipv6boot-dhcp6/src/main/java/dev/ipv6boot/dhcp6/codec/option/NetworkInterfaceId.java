package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Client Network Interface Identifier (option 62, RFC 5970 §3.4): interface type, major and minor revision,
 * one octet each (type 1 is UNDI; EDK2 sends UNDI 3.0, iPXE UNDI 3.16).
 */
public final class NetworkInterfaceId {
    public static final int LENGTH = 3;
    /** Interface type 1: Universal Network Device Interface (RFC 4578 §2.2). */
    public static final int TYPE_UNDI = 1;

    private NetworkInterfaceId() {
    }

    /** 1 octet type, RFC 5970 §3.4. */
    public static int type(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset);
    }

    /** 1 octet major revision, RFC 5970 §3.4. */
    public static int major(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset + 1);
    }

    /** 1 octet minor revision, RFC 5970 §3.4. */
    public static int minor(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset + 2);
    }
}
