package dev.ipv6boot.dhcp6.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteBufCopyTest {
    /** Not leak-tracked: a tracked buffer records a stack trace per access, which would be all we measured. */
    private static final ByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(true, true);

    @Test
    void copiesEveryLengthAndOffsetBetweenEveryKindOfBuffer() {
        for (boolean srcDirect : new boolean[]{false, true}) {
            for (boolean dstDirect : new boolean[]{false, true}) {
                ByteBuf src = srcDirect ? UNTRACKED.directBuffer(64) : UNTRACKED.heapBuffer(64);
                ByteBuf dst = dstDirect ? UNTRACKED.directBuffer(64) : UNTRACKED.heapBuffer(64);
                try {
                    for (int i = 0; i < 64; i++) {
                        src.writeByte(i * 7 + 3);
                    }
                    for (int offset = 0; offset < 9; offset++) {
                        for (int length = 0; length <= 40; length++) {
                            dst.clear().writeByte(0xee);
                            ByteBufCopy.append(dst, src, offset, length);
                            assertEquals(1 + length, dst.writerIndex());
                            assertEquals(0xee, dst.getUnsignedByte(0), "nothing before the writer index is touched");
                            for (int k = 0; k < length; k++) {
                                assertEquals(src.getByte(offset + k), dst.getByte(1 + k),
                                        "src direct " + srcDirect + ", dst direct " + dstDirect + ", offset " + offset
                                                + ", length " + length + ", octet " + k);
                            }
                        }
                    }
                } finally {
                    src.release();
                    dst.release();
                }
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
