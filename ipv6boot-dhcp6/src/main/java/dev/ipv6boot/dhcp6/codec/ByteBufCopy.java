package dev.ipv6boot.dhcp6.codec;

import io.netty.buffer.ByteBuf;

/**
 * Copies a buffer's octets into an array without allocating. Netty copies out of a direct buffer through a fresh
 * NIO {@code ByteBuffer} duplicate unless it may use {@code sun.misc.Unsafe}, which it does not by default on
 * JDK 24 and later (even where the buffer reports a memory address): 64 to 128 octets of garbage per copy, on the
 * paths that wrap a received message or echo a Client-ID. The buffer's own cached NIO view costs nothing; it is
 * not thread-safe, which is fine: a codec borrows the buffer on its own thread.
 */
final class ByteBufCopy {
    private ByteBufCopy() {
    }

    /**
     * Copies the {@code length} octets of {@code src} at absolute {@code index} into {@code dst} at
     * {@code dstIndex}; {@code src}'s indices are unchanged.
     *
     * @throws IndexOutOfBoundsException when the region lies outside {@code src}'s capacity or {@code dst}
     */
    static void toArray(ByteBuf src, int index, byte[] dst, int dstIndex, int length) {
        if (index < 0 || length < 0 || index > src.capacity() - length) {
            throw new IndexOutOfBoundsException("region " + index + "+" + length + " outside capacity " + src.capacity());
        }
        if (src.hasArray()) {
            System.arraycopy(src.array(), src.arrayOffset() + index, dst, dstIndex, length); // array() checks refCnt
        } else if (src.nioBufferCount() == 1) {
            src.internalNioBuffer(index, length).get(dst, dstIndex, length);
        } else {
            src.getBytes(index, dst, dstIndex, length);                   // composite buffers: rare, allocation accepted
        }
    }
}
