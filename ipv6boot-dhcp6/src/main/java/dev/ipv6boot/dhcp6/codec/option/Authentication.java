package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Authentication (option 11, RFC 9915 §21.11): protocol, algorithm, replay detection method, 8 octets of
 * replay detection, then authentication information, which is carried opaque.
 */
public final class Authentication {
    /** 1 protocol, 1 algorithm, 1 RDM, 8 replay detection (RFC 9915 §21.11). */
    public static final int FIXED_LENGTH = 11;

    private Authentication() {
    }

    /** 1 octet protocol, RFC 9915 §21.11. */
    public static int protocol(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset);
    }

    /** 1 octet algorithm, RFC 9915 §21.11. */
    public static int algorithm(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset + 1);
    }

    /** 1 octet replay detection method, RFC 9915 §21.11. */
    public static int replayDetectionMethod(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset + 2);
    }

    /** 8 octets replay detection, RFC 9915 §21.11. */
    public static long replayDetection(ByteBuf buf, int offset) {
        return buf.getLong(offset + 3);
    }
}
