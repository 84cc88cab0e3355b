package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Client System Architecture Type (option 61, RFC 5970 §3.3): a list of 2-octet processor architecture types
 * (names in {@link dev.ipv6boot.dhcp6.catalog.ArchitectureTypes}).
 */
public final class ClientArchitecture {

    private ClientArchitecture() {
    }

    /** How many types an option of {@code length} octets lists. */
    public static int count(int length) {
        return length >>> 1;
    }

    /** 2 octets architecture type {@code i}, RFC 5970 §3.3. */
    public static int type(ByteBuf buf, int offset, int i) {
        return buf.getUnsignedShort(offset + 2 * i);
    }
}
