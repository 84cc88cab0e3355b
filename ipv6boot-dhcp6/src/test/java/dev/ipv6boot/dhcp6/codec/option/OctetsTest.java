package dev.ipv6boot.dhcp6.codec.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class OctetsTest {

    @Test
    void readsAndWritesInNetworkOrderAtUnalignedIndicesAsNettyDoes() {
        byte[] a = new byte[24];
        ByteBuf netty = Unpooled.wrappedBuffer(a);
        for (int i = 1; i < 4; i++) {                             // unaligned on purpose
            java.util.Arrays.fill(a, (byte) 0);
            Octets.put16(a, i, 0xfedc);
            assertEquals(0xfedc, netty.getUnsignedShort(i));
            assertEquals(0xfedc, Octets.u16(a, i));
            Octets.put32(a, i + 2, 0x89abcdef);
            assertEquals(0x89abcdefL, netty.getUnsignedInt(i + 2));
            assertEquals(0x89abcdefL, Octets.u32(a, i + 2));
            assertEquals(0x89abcdef, Octets.s32(a, i + 2));
            Octets.put48(a, i + 6, 0x0000_f2e4_c6a8_0012L);
            assertEquals(0xf2e4L, netty.getUnsignedShort(i + 6));
            assertEquals(0xc6a80012L, netty.getUnsignedInt(i + 8));
            assertEquals(0xf2e4_c6a8_0012L, Octets.u48(a, i + 6));
            Octets.put64(a, i + 12, 0x8000_0000_0000_0001L);
            assertEquals(0x8000_0000_0000_0001L, netty.getLong(i + 12));
            assertEquals(0x8000_0000_0000_0001L, Octets.s64(a, i + 12));
            assertEquals(0xfe, Octets.u8(a, i));
        }
    }

    @Test
    void comparesAsciiTextAndRejectsOtherCharacters() {
        byte[] a = {'x', 'i', 'P', 'X', 'E', (byte) 0xe9};
        assertTrue(Octets.equalsAscii(a, 1, 4, "iPXE"));
        assertFalse(Octets.equalsAscii(a, 1, 4, "iPX"), "length differs");
        assertFalse(Octets.equalsAscii(a, 1, 4, "ipxe"), "case matters");
        assertTrue(Octets.startsWithAscii(a, 1, 5, "iPX"));
        assertFalse(Octets.startsWithAscii(a, 1, 2, "iPX"), "shorter than the prefix");
        assertFalse(Octets.equalsAscii(a, 5, 1, "\u00e9"), "a non-ASCII char never matches its Latin-1 octet");
    }
}
