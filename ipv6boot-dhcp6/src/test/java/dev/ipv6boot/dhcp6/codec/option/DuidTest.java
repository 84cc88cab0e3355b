package dev.ipv6boot.dhcp6.codec.option;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

class DuidTest {

    @Test
    void theMacComesOnlyFromAnEthernetDuidLlOrLltWithSixOctets() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        try {
            Duid.writeLl(buf, Duid.HARDWARE_ETHERNET, 0x020000000002L);
            assertEquals("00030001020000000002", ByteBufUtil.hexDump(buf));
            assertEquals(0x020000000002L, Duid.ethernetAddress(buf, 0, 10));
            buf.clear();
            Duid.writeLl(buf, 6, 0x020000000002L);                     // IEEE 802 networks, not Ethernet
            assertEquals(-1, Duid.ethernetAddress(buf, 0, 10));
            buf.clear();
            Duid.writeLlt(buf, 1, 0xffffffffL, 0x525400123456L);
            assertEquals("00010001ffffffff525400123456", ByteBufUtil.hexDump(buf));
            assertEquals(0xffffffffL, Duid.time(buf, 0));
            assertEquals(0x525400123456L, Duid.ethernetAddress(buf, 0, 14));
            assertEquals(-1, Duid.ethernetAddress(buf, 0, 13), "a 5-octet address is no MAC");
            buf.clear();
            Duid.writeUuid(buf, 0, 0);
            assertEquals(-1, Duid.ethernetAddress(buf, 0, 18));
            assertEquals(18, Duid.minimumLength(Duid.UUID));
            assertEquals(Duid.MIN_LENGTH, Duid.minimumLength(0x1234));
        } finally {
            buf.release();
        }
    }
}
