package dev.ipv6boot.dhcp6.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.HexFormat;

/**
 * Pooled buffers for tests, the kind a server receives into. Every buffer made here must be released by the
 * test; the leak-check extension fails a test that forgets.
 */
final class TestBuffers {
    /** Octets before and after the message, so that a read outside it would see them. */
    static final int GUARD = 7;
    static final byte GUARD_BYTE = (byte) 0xa5;

    enum Kind { DIRECT, HEAP }

    private TestBuffers() {
    }

    /**
     * A pooled buffer holding {@code message} between guard bytes: readerIndex..writerIndex is exactly the
     * message, with {@link #GUARD} octets of 0xa5 on each side, so a view must honour the indices.
     */
    static ByteBuf guarded(Kind kind, byte[] message) {
        ByteBuf buf = kind == Kind.DIRECT
                ? PooledByteBufAllocator.DEFAULT.directBuffer(message.length + 2 * GUARD)
                : PooledByteBufAllocator.DEFAULT.heapBuffer(message.length + 2 * GUARD);
        for (int i = 0; i < GUARD; i++) {
            buf.writeByte(GUARD_BYTE);
        }
        buf.writeBytes(message);
        for (int i = 0; i < GUARD; i++) {
            buf.writeByte(GUARD_BYTE);
        }
        buf.readerIndex(GUARD);
        buf.writerIndex(GUARD + message.length);
        return buf;
    }

    /**
     * A bounded slice of a pooled buffer: its capacity is exactly the message, so any read outside the message
     * throws {@link IndexOutOfBoundsException}. Release the returned slice's parent via {@link #release}.
     */
    static ByteBuf bounded(ByteBuf parent, int length) {
        return parent.slice(parent.readerIndex(), length);
    }

    static ByteBuf pooled(Kind kind, int capacity) {
        return kind == Kind.DIRECT
                ? PooledByteBufAllocator.DEFAULT.directBuffer(capacity)
                : PooledByteBufAllocator.DEFAULT.heapBuffer(capacity);
    }

    static byte[] bytes(ByteBuf buf) {
        byte[] out = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), out);
        return out;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").replace("\n", ""));
    }
}
