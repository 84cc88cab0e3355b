package dev.ipv6boot.dhcp6.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The reference vectors of the SipHash paper (key 00..0f, messages 00, 00 01, ...). */
class SipHashTest {
    private static final long K0 = 0x0706050403020100L;
    private static final long K1 = 0x0f0e0d0c0b0a0908L;

    private static long hashOfFirst(int n) {
        byte[] m = new byte[n];
        for (int i = 0; i < n; i++) {
            m[i] = (byte) i;
        }
        return SipHash.hash(K0, K1, Unpooled.wrappedBuffer(m), 0, n);
    }

    @Test
    void matchesTheReferenceVectors() {
        assertEquals(0x726fdb47dd0e0e31L, hashOfFirst(0));
        assertEquals(0x74f839c593dc67fdL, hashOfFirst(1));
        assertEquals(0xa129ca6149be45e5L, hashOfFirst(15));
        assertEquals(0x3f2acc7f57c29bdbL, hashOfFirst(16));
    }

    @Test
    void threeLongsHashLikeTheir24LittleEndianOctets() {
        byte[] m = new byte[24];
        for (int i = 0; i < 24; i++) {
            m[i] = (byte) i;
        }
        long a = 0x0706050403020100L;
        long b = 0x0f0e0d0c0b0a0908L;
        long c = 0x1716151413121110L;
        assertEquals(SipHash.hash(K0, K1, Unpooled.wrappedBuffer(m), 0, 24), SipHash.hash(K0, K1, a, b, c));
    }
}
