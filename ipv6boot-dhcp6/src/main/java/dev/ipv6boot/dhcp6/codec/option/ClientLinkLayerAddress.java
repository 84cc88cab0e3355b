package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Client Link-Layer Address (option 79, RFC 6939 §4), added by the first relay: a 2-octet link-layer type
 * (IANA hardware types; 1 Ethernet), then the client's link-layer address. The identity rule of DESIGN.md
 * makes this the preferred source of a machine's MAC.
 */
public final class ClientLinkLayerAddress {
    /** 2 octets link-layer type (RFC 6939 §4). */
    public static final int FIXED_LENGTH = 2;

    private ClientLinkLayerAddress() {
    }

    /** 2 octets link-layer type, RFC 6939 §4. */
    public static int linkLayerType(ByteBuf buf, int offset) {
        return buf.getUnsignedShort(offset);
    }

    /** The 48-bit address when the option carries exactly 6 address octets, else -1. */
    public static long address48(ByteBuf buf, int offset, int length) {
        if (length != FIXED_LENGTH + 6) {
            return -1;
        }
        return ((long) buf.getUnsignedShort(offset + 2) << 32) | buf.getUnsignedInt(offset + 4);
    }

    /** 2 octets link-layer type, RFC 6939 §4, at index {@code i} of {@code a}. */
    public static int linkLayerType(byte[] a, int i) {
        return Octets.u16(a, i);
    }

    /** {@link #address48(ByteBuf, int, int)} over the octets of {@code a} from index {@code i}. */
    public static long address48(byte[] a, int i, int length) {
        return length == FIXED_LENGTH + 6 ? Octets.u48(a, i + 2) : -1;   // 6 octets link-layer address
    }

    /** Writes a 6-octet address with its link-layer type: 8 octets. */
    public static void write(ByteBuf out, int linkLayerType, long mac48) {
        out.writeShort(linkLayerType);             // 2 octets link-layer type, RFC 6939 §4
        Duid.writeMac48(out, mac48);               // 6 octets link-layer address
    }

    /** {@link #write(ByteBuf, int, long)} into {@code a} at index {@code i}: 8 octets. */
    public static void write(byte[] a, int i, int linkLayerType, long mac48) {
        Octets.put16(a, i, linkLayerType);         // 2 octets link-layer type, RFC 6939 §4
        Octets.put48(a, i + 2, mac48);             // 6 octets link-layer address
    }
}
