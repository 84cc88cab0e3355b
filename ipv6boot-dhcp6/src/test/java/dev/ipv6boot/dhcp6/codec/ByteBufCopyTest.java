package dev.ipv6boot.dhcp6.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteBufCopyTest {
    /** Not leak-tracked: a tracked buffer records a stack trace per access, which would be all we measured. */
    private static final ByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(true, true);

    @Test
    void copiesEveryLengthAndOffsetOfEveryKindOfBuffer() {
        for (String kind : new String[]{"heap", "direct", "composite", "slice of direct"}) {
            ByteBuf whole = kind.equals("heap") ? UNTRACKED.heapBuffer(72) : UNTRACKED.directBuffer(72);
            for (int i = 0; i < 72; i++) {
                whole.writeByte(i * 7 + 3);
            }
            ByteBuf src = switch (kind) {
                case "composite" -> UNTRACKED.compositeBuffer().addComponents(true, whole.retainedSlice(0, 30),
                        whole.retainedSlice(30, 42));
                case "slice of direct" -> whole.retainedSlice(8, 64);
                default -> whole.retain();
            };
            int shift = kind.equals("slice of direct") ? 8 : 0;
            byte[] dst = new byte[48];
            try {
                for (int offset = 0; offset < 9; offset++) {
                    for (int length = 0; length <= 40; length++) {
                        java.util.Arrays.fill(dst, (byte) 0xee);
                        ByteBufCopy.toArray(src, offset, dst, 3, length);
                        assertEquals((byte) 0xee, dst[2], "nothing before dstIndex is touched");
                        assertEquals((byte) 0xee, dst[3 + length], "nothing after the copied octets is touched");
                        for (int k = 0; k < length; k++) {
                            assertEquals(whole.getByte(shift + offset + k), dst[3 + k],
                                    kind + ", offset " + offset + ", length " + length + ", octet " + k);
                        }
                    }
                }
                int readerIndex = src.readerIndex();
                ByteBufCopy.toArray(src, 1, dst, 0, 8);
                assertEquals(readerIndex, src.readerIndex(), "indices unchanged");
                assertThrows(IndexOutOfBoundsException.class, () -> ByteBufCopy.toArray(src, src.capacity() - 3, dst, 0, 4));
                assertThrows(IndexOutOfBoundsException.class, () -> ByteBufCopy.toArray(src, -1, dst, 0, 4));
            } finally {
                src.release();
                whole.release();
            }
        }
    }

    @Test
    void echoingAClientIdBetweenPooledDirectBuffersAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // The server's case: pooled direct buffers. Allocated untracked, since a tracked buffer records a stack
        // trace per access, which would be all this measured; released below all the same.
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        ByteBuf request;
        ByteBuf reply;
        try {
            request = PooledByteBufAllocator.DEFAULT.directBuffer(64);
            reply = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
        Dhcp6Writer writer = new Dhcp6Writer();
        try {
            request.writeZero(64);
            for (int i = 0; i < 20_000; i++) {   // warm-up: JIT
                reply.clear();
                writer.begin(reply).header(2, i & 0xffffff).clientId(request, 4, 14).finish();
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++) {
                reply.clear();
                writer.begin(reply).header(2, i & 0xffffff).clientId(request, 4, 14).finish();
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 100_000, "under 1 B per echo; allocated by 100000 Client-ID echoes: " + allocated);
        } finally {
            request.release();
            reply.release();
        }
    }
}
