package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * The opaque identifiers a relay agent adds: Interface-Id (option 18, RFC 9915 §21.18), which the server
 * must echo unchanged in its Relay-reply, and Subscriber-ID (option 38, RFC 4580 §2). Neither has structure
 * beyond its length; they are compared byte for byte.
 */
public final class RelayAgentIds {

    private RelayAgentIds() {
    }

    /** Whether the {@code length} octets at {@code offset} equal {@code expected}. */
    public static boolean equals(ByteBuf buf, int offset, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buf.getByte(offset + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
