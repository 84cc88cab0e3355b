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

    /** Whether the list at {@code offset} holds architecture {@code type}. */
    public static boolean contains(ByteBuf buf, int offset, int length, int type) {
        for (int p = offset, end = offset + length - 1; p < end; p += 2) {
            if (buf.getUnsignedShort(p) == type) {                // 2 octets architecture type, RFC 5970 §3.3
                return true;
            }
        }
        return false;
    }

    /** 2 octets architecture type {@code i}, RFC 5970 §3.3. */
    public static int type(ByteBuf buf, int offset, int i) {
        return buf.getUnsignedShort(offset + 2 * i);
    }

    /** {@link #contains(ByteBuf, int, int, int)} over the octets of {@code a} from index {@code i}. */
    public static boolean contains(byte[] a, int i, int length, int type) {
        for (int p = i, end = i + length - 1; p < end; p += 2) {
            if (Octets.u16(a, p) == type) {                       // 2 octets architecture type, RFC 5970 §3.3
                return true;
            }
        }
        return false;
    }

    /** 2 octets architecture type {@code n} of the list at index {@code i} of {@code a}, RFC 5970 §3.3. */
    public static int type(byte[] a, int i, int n) {
        return Octets.u16(a, i + 2 * n);
    }
}
