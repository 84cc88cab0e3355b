package dev.ipv6boot.dhcp6.codec;

import io.netty.buffer.ByteBuf;

/**
 * Copies octets between two buffers without allocating. Netty copies to or from a direct buffer through NIO
 * {@code ByteBuffer} duplicates unless it may use {@code sun.misc.Unsafe}, which it does not by default on
 * JDK 24 and later (even where the buffer reports a memory address): 64 to 128 octets of garbage per copied
 * option, on the path that echoes a Client-ID or relays a message. Word-sized reads and writes cost nothing.
 */
final class ByteBufCopy {
    private ByteBufCopy() {
    }

    /** Appends {@code length} octets of {@code src} at absolute {@code index} to {@code dst}'s writer index. */
    static void append(ByteBuf dst, ByteBuf src, int index, int length) {
        if (src.hasArray() && dst.hasArray()) {
            dst.writeBytes(src, index, length); // two arrays: System.arraycopy
            return;
        }
        int end = index + length;
        int i = index;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            dst.writeLong(src.getLong(i));
        }
        for (; i < end; i++) {
            dst.writeByte(src.getByte(i));
        }
    }
}
