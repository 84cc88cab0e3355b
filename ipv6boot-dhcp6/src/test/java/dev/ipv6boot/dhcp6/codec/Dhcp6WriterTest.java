package dev.ipv6boot.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

class Dhcp6WriterTest {

    private final Dhcp6Writer writer = new Dhcp6Writer();

    @Test
    void backFillsNestedLengthsOfARelayReplyAroundAnAdvertise() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        try {
            out.writeByte(0xee);                                  // something already in the buffer stays
            boolean ok = writer.begin(out)
                    .relayHeader(13, 0, 0x20010db800000000L, 1, 0xfe80000000000000L, 2)
                    .option(OptionCodes.INTERFACE_ID, new byte[] {'e', 't', 'h', '0'})
                    .relayMessage()
                        .header(2, 0xc126d6)
                        .iaNa(1, 900, 1440).iaAddress(0x20010db800000000L, 0x100, 1800, 3600).endOption()
                        .preference(255)
                    .endOption()
                    .finish();
            assertTrue(ok);
            assertEquals(out.writerIndex() - 1, writer.length(), "the finished message's length");
            assertEquals("ee" + "0d00" + "20010db8000000000000000000000001" + "fe800000000000000000000000000002"
                    + "0012000465746830"
                    + "0009" + "0035" + "02c126d6"
                    + "00030028" + "00000001" + "00000384" + "000005a0"
                    + "00050018" + "20010db8000000000000000000000100" + "00000708" + "00000e10"
                    + "00070001ff", ByteBufUtil.hexDump(out));
            assertEquals(1, out.refCnt(), "the writer neither retains nor releases");
            Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
            out.skipBytes(1);
            assertTrue(view.wrap(out));
            assertEquals(255, view.relayMessage().preference());
        } finally {
            out.release();
        }
    }

    @Test
    void aReplyOverTheMaximumIsReportedAndLeavesNothingInTheBuffer() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer(2048);
        try {
            out.writeInt(0x01020304);
            writer.begin(out, 1472).header(7, 1);
            for (int i = 0; i < 100; i++) {
                writer.dnsServers(0x20010db800000000L, i);           // 20 octets each: 4 + 2000 > 1472
            }
            assertEquals(Dhcp6EncodeError.MESSAGE_TOO_LONG, writer.error());
            assertFalse(writer.finish());
            assertEquals(4, out.writerIndex(), "nothing of the refused message is left");
            assertEquals(0, writer.length());
            assertEquals(Dhcp6EncodeError.MESSAGE_TOO_LONG, writer.error());
        } finally {
            out.release();
        }
    }

    @Test
    void aReplyOfExactlyTheMaximumIsAccepted() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer(1472);
        try {
            assertTrue(writer.begin(out, 1472).header(7, 1).option(0xff00, new byte[1472 - 8]).finish());
            assertEquals(1472, out.readableBytes());
            assertFalse(writer.begin(out.clear(), 1472).header(7, 1).option(0xff00, new byte[1472 - 7]).finish());
        } finally {
            out.release();
        }
    }

    @Test
    void aBufferThatCannotGrowIsReportedNotOverrun() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(16, 16);
        try {
            assertFalse(writer.begin(out).header(1, 1).bootFileUrl("http://[2001:db8::1]/ipxe.efi").finish());
            assertEquals(Dhcp6EncodeError.BUFFER_FULL, writer.error());
            assertEquals(0, out.writerIndex());
        } finally {
            out.release();
        }
    }

    @Test
    void anOptionOver65535OctetsIsReported() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer(70_000);
        try {
            writer.begin(out, 65_535).header(7, 1).beginOption(17).uint32(9);
            for (int i = 0; i < 2048; i++) {
                writer.bytes(new byte[32]);
            }
            assertFalse(writer.endOption().finish());
            assertEquals(Dhcp6EncodeError.MESSAGE_TOO_LONG, writer.error());
        } finally {
            out.release();
        }
    }

    @Test
    void anInvalidDomainNameIsReported() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer(64);
        try {
            assertFalse(writer.begin(out).header(7, 1).domainList("a..b.").finish());
            assertEquals(Dhcp6EncodeError.DOMAIN_NAME_INVALID, writer.error());
            assertFalse(writer.begin(out).header(7, 1).domainList("x".repeat(64) + ".").finish());
            assertEquals(Dhcp6EncodeError.DOMAIN_NAME_INVALID, writer.error());
            assertTrue(writer.begin(out).header(7, 1).domainList(".").finish());
            assertEquals("070000010018000100", ByteBufUtil.hexDump(out));
        } finally {
            out.release();
        }
    }

    @Test
    void textThatIsNotAsciiIsWrittenInUtf8() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer(64);
        try {
            assertTrue(writer.begin(out).header(7, 1).bootFileUrl("x/\u00e9").userClass("\u00fc").finish());
            assertEquals("07000001" + "003b0004" + "782fc3a9" + "000f0004" + "0002c3bc", ByteBufUtil.hexDump(out));
        } finally {
            out.release();
        }
    }

    @Test
    void aMessageLargerThanTheFirstStagingArrayIsWrittenWhole() {
        String accents = "\u00e9".repeat(1000);                  // 2000 octets of UTF-8
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
        try {
            assertTrue(writer.begin(out).header(7, 1).bootFileUrl(accents).domainList("a".repeat(60) + ".example.").finish());
            assertEquals(4 + 4 + 2000 + 4 + 70, out.readableBytes());
            assertEquals("003b07d0c3a9c3a9", ByteBufUtil.hexDump(out, 4, 8));
            assertEquals("00180046" + "3c" + "61".repeat(60) + "076578616d706c6500",
                    ByteBufUtil.hexDump(out, 2008, 74));
        } finally {
            out.release();
        }
    }

    @Test
    void nothingReachesTheBufferBeforeFinish() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            writer.begin(out).header(7, 1).preference(255);
            assertEquals(0, out.writerIndex(), "staged, not yet written");
            assertEquals(9, writer.length());
            assertTrue(writer.finish());
            assertEquals("0700000100070001ff", ByteBufUtil.hexDump(out));
        } finally {
            out.release();
        }
    }

    @Test
    void buildingAnAdvertiseIntoAPooledDirectBufferAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        // Untracked buffers: a tracked buffer records a stack trace per access, which would be all this measured.
        io.netty.util.ResourceLeakDetector.Level level = io.netty.util.ResourceLeakDetector.getLevel();
        io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        ByteBuf request;
        ByteBuf reply;
        try {
            request = PooledByteBufAllocator.DEFAULT.directBuffer(64).writeZero(64);
            reply = PooledByteBufAllocator.DEFAULT.directBuffer(1472, 1472);
        } finally {
            io.netty.util.ResourceLeakDetector.setLevel(level);
        }
        try {
            int written = 0;
            long before = 0;
            for (int round = 0; round < 2; round++) {           // round 0 warms up the JIT and the staging array
                before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 50_000; i++) {
                    reply.clear();
                    written += writer.begin(reply, 1472).header(2, i & 0xffffff).serverIdLl(0x020000000001L)
                            .clientId(request, 4, 14)
                            .iaNa(i, 1800, 2880).iaAddress(0x20010db800000000L, i, 3600, 7200).endOption()
                            .preference(255).dnsServers(0x20010db800000000L, 1).domainList("boot.example.")
                            .bootFileUrl("tftp://[2001:db8::1]/ipxe.efi").finish() ? 1 : 0;
                }
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(100_000, written);
            assertTrue(allocated < 50_000, "under 1 B per Advertise; allocated by 50000: " + allocated);
        } finally {
            request.release();
            reply.release();
        }
    }

    @Test
    void misuseThrows() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer(64);
        try {
            assertThrows(IllegalStateException.class, () -> writer.header(1, 1), "before begin");
            writer.begin(out);
            assertThrows(IllegalArgumentException.class, () -> writer.header(1, 0x1000000), "24-bit xid");
            assertThrows(IllegalArgumentException.class, () -> writer.preference(256));
            assertThrows(IllegalStateException.class, writer::endOption, "nothing open");
            writer.header(1, 1).iaNa(1, 0, 0);
            assertThrows(IllegalStateException.class, writer::finish, "IA_NA still open");
        } finally {
            out.release();
        }
    }
}
