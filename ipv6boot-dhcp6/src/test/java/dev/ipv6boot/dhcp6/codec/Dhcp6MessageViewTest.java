package dev.ipv6boot.dhcp6.codec;

import static dev.ipv6boot.dhcp6.codec.Wire.message;
import static dev.ipv6boot.dhcp6.codec.Wire.option;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.codec.TestBuffers.Kind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class Dhcp6MessageViewTest {

    private final Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);

    @Test
    void unknownMessageTypesAndOptionsAreKeptInWireOrderWithDuplicates() {
        String hex = message(200, option(65000, "01"), option(1, "00030001020000000002"), option(65000, "0203"),
                option(14, ""));
        ByteBuf buf = TestBuffers.guarded(Kind.HEAP, Wire.bytes(hex));
        ByteBuf out = TestBuffers.pooled(Kind.DIRECT, 64);
        try {
            assertTrue(view.wrap(buf));
            assertEquals(200, view.messageType());
            assertEquals("UNKNOWN(200)", view.type().name());
            assertEquals(4, view.optionCount());
            assertEquals(65000, view.optionCode(0));
            assertEquals(0, view.indexOf(65000));
            assertEquals(2, view.nextIndexOf(65000, 1));
            assertEquals(-1, view.nextIndexOf(65000, 3));
            assertEquals(2, view.countOf(65000));
            assertEquals(TestBuffers.GUARD + 4 + 4, view.optionOffset(0), "absolute offset of the data");
            assertEquals(2, view.optionLength(2));
            assertEquals(-1, view.indexOf(3));
            assertTrue(view.hasRapidCommit());
            Dhcp6Writer w = new Dhcp6Writer();
            Dhcp6Reencoder.write(view, w.begin(out));
            assertTrue(w.finish());
            assertEquals(hex, ByteBufUtil.hexDump(out));
        } finally {
            buf.release();
            out.release();
        }
    }

    @Test
    void relayAccessorsReadTheRelayHeaderWithoutAllocating() {
        String inner = message(1, option(1, "00030001020000000002"));
        ByteBuf buf = TestBuffers.guarded(Kind.DIRECT, Wire.bytes(Wire.relayForward(3, inner,
                option(79, "0001525400123456"))));
        try {
            assertTrue(view.wrap(buf));
            assertTrue(view.isRelay());
            assertEquals(3, view.hopCount());
            assertEquals(0x20010db800000000L, view.linkAddressHigh());
            assertEquals(1, view.linkAddressLow());
            assertEquals(0xfe80000000000000L, view.peerAddressHigh());
            assertEquals(2, view.peerAddressLow());
            byte[] address = new byte[16];
            view.peerAddress(address);
            assertArrayEquals(Wire.bytes(Wire.PEER), address);
            view.linkAddress(address);
            assertArrayEquals(Wire.bytes(Wire.LINK), address);
            assertEquals(0x525400123456L, view.clientLinkLayerAddress());
            assertEquals(1, view.clientLinkLayerType());
            Dhcp6MessageView client = view.relayMessage();
            assertSame(client, view.innermost());
            assertEquals(0xc126d6, client.transactionId());
            assertEquals(0x020000000002L, client.clientDuidEthernetAddress());
            assertEquals(-1, client.clientLinkLayerAddress(), "option 79 lives in the relay message");
            assertThrows(IllegalStateException.class, () -> client.linkAddressHigh());
            assertThrows(IllegalStateException.class, () -> client.wrap(buf), "only the outermost view wraps");
        } finally {
            buf.release();
        }
    }

    @Test
    void aFailedWrapLeavesNoRelayedMessageAndAReusableView() {
        ByteBuf bad = TestBuffers.guarded(Kind.HEAP, Wire.bytes(Wire.relayForward(0, "01")));
        ByteBuf good = TestBuffers.guarded(Kind.HEAP, Wire.bytes(message(11, option(8, "0000"))));
        try {
            assertTrue(!view.wrap(bad));
            assertNull(view.relayMessage());
            assertTrue(view.wrap(good));
            assertEquals(Dhcp6DecodeError.NONE, view.error());
            assertEquals(0, view.elapsedTime());
            assertEquals(-1, view.preference());
            assertEquals(-1, view.vendorClassEnterprise());
            assertEquals(0, view.archTypeCount());
        } finally {
            bad.release();
            good.release();
        }
    }

    @Test
    void wrapOfARegionOutsideTheReadableBytesIsACallersMistake() {
        ByteBuf buf = TestBuffers.guarded(Kind.HEAP, Wire.bytes(message(1)));
        try {
            assertThrows(IndexOutOfBoundsException.class, () -> view.wrap(buf, 0, 4));
            assertThrows(IndexOutOfBoundsException.class, () -> view.wrap(buf, buf.readerIndex(), 5));
            assertTrue(view.wrap(buf, buf.readerIndex(), 4));
        } finally {
            buf.release();
        }
    }

    @Test
    void wrapAllocatesNothingAfterWarmUp() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CapturedMessage relayed = CapturedMessage.in("dhcp6-kea-perfdhcp-relay.pcap").get(0);
        CapturedMessage ipxe = CapturedMessage.in("ipxe-efi-boot.pcap").get(0);
        // Unpooled wrapped arrays: under paranoid leak detection a pooled buffer records a stack trace on every
        // read, which would be the only allocation measured here.
        ByteBuf a = io.netty.buffer.Unpooled.wrappedBuffer(relayed.bytes());
        ByteBuf b = io.netty.buffer.Unpooled.wrappedBuffer(ipxe.bytes());
        try {
            for (int i = 0; i < 20_000; i++) {                    // warm-up: child views, index growth, JIT
                view.wrap((i & 1) == 0 ? a : b);
                view.innermost().hasUserClass("iPXE");
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            int found = 0;
            for (int i = 0; i < 100_000; i++) {
                view.wrap((i & 1) == 0 ? a : b);
                found += view.innermost().hasUserClass("iPXE") ? 1 : 0;
                found += view.innermost().archTypeCount();
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(100_000, found);
            assertTrue(allocated < 100_000, "under 1 B per wrap; allocated by 100000 wraps: " + allocated);
        } finally {
            a.release();
            b.release();
        }
    }
    @Test
    void wrapOfPooledDirectBuffersAllocatesNothingAfterWarmUp() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // What a Netty datagram read hands the server. Allocated untracked: a tracked buffer records a stack
        // trace per access, which would be all this measured; released below all the same.
        io.netty.util.ResourceLeakDetector.Level level = io.netty.util.ResourceLeakDetector.getLevel();
        io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        ByteBuf a;
        ByteBuf b;
        try {
            byte[] relayed = CapturedMessage.in("dhcp6-kea-perfdhcp-relay.pcap").get(0).bytes();
            byte[] edk2 = CapturedMessage.in("ipxe-ovmfnet-boot.pcap").get(2).bytes();
            a = io.netty.buffer.PooledByteBufAllocator.DEFAULT.directBuffer(relayed.length).writeBytes(relayed);
            b = io.netty.buffer.PooledByteBufAllocator.DEFAULT.directBuffer(edk2.length).writeBytes(edk2);
        } finally {
            io.netty.util.ResourceLeakDetector.setLevel(level);
        }
        try {
            for (int i = 0; i < 20_000; i++) {
                view.wrap((i & 1) == 0 ? a : b);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            int valid = 0;
            for (int i = 0; i < 100_000; i++) {
                valid += view.wrap((i & 1) == 0 ? a : b) ? 1 : 0;
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertEquals(100_000, valid);
            assertTrue(allocated < 100_000, "under 1 B per wrap; allocated by 100000 wraps of direct buffers: " + allocated);
        } finally {
            a.release();
            b.release();
        }
    }
}
