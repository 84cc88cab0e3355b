package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

/**
 * The ICMPv6 checksum (RFC 4443 §2.3): the one's complement sum over the IPv6 pseudo-header (RFC 8200 §8.1:
 * source, destination, upper-layer length, next header 58) and the message. A raw ICMPv6 socket has the kernel
 * compute it on send, so encoders leave the field zero; this is for captures and for checking them.
 */
public final class Icmpv6Checksum {
    private static final int ICMPV6 = 58;

    private Icmpv6Checksum() {
    }

    /** The checksum of {@code length} bytes at {@code index}, computed as if the checksum field were zero. */
    public static int compute(Ipv6Address source, Ipv6Address destination, ByteBuf message, int index, int length) {
        long sum = 0;
        sum += fold(source.high()) + fold(source.low()) + fold(destination.high()) + fold(destination.low());
        sum += (length >>> 16) + (length & 0xffff) + ICMPV6;
        for (int i = 0; i + 1 < length; i += 2) {
            if (i != 2) {                                              // bytes 2-3 are the checksum itself
                sum += message.getUnsignedShort(index + i);
            }
        }
        if ((length & 1) != 0) {
            sum += message.getUnsignedByte(index + length - 1) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int result = (int) (~sum & 0xffff);
        return result;
    }

    private static long fold(long value) {
        return ((value >>> 48) & 0xffff) + ((value >>> 32) & 0xffff) + ((value >>> 16) & 0xffff) + (value & 0xffff);
    }
}
