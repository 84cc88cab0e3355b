package dev.ipv6boot.testkit.pcap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcapReaderTest {
    private static final HexFormat HEX = HexFormat.of();
    /** IPv6 fe80::2 -> ff02::1:2, hop-by-hop header, then UDP 546 -> 547 carrying "ab". */
    private static final byte[] IPV6_UDP = HEX.parseHex(
            "6000000000120040" + "fe800000000000000000000000000002" + "ff020000000000000000000000010002"
                    + "1100000000000000"                 // hop-by-hop: next header UDP, 8 bytes
                    + "0222022300" + "0a0000" + "6162");  // UDP: 546 -> 547, length 10, checksum 0

    @ParameterizedTest(name = "link type {0}")
    @CsvSource({
            "1,   0200000000010200000000020800ffff",          // Ethernet with a VLAN tag patched below
            "113, 00000001000602000000000200000000",          // Linux cooked v1, protocol patched below
            "276, 86dd0000000000010001060200000000000200",    // Linux cooked v2 (20 bytes, see below)
            "101, ''",                                         // raw IP
            "229, ''",                                         // raw IPv6
            "0,   1e000000"                                    // BSD loopback, AF_INET6 = 30, little endian
    })
    void findsTheUdpPayloadBehindEveryLinkType(int linkType, String linkHeaderHex) throws Exception {
        byte[] link = linkHeader(linkType, linkHeaderHex);
        byte[] frame = concat(link, IPV6_UDP);
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            CapturedFrame read = PcapReader.read(pcap(order, linkType, frame)).get(0);
            Ipv6Packet ip = read.ipv6().orElseThrow();
            Ipv6Packet.UdpDatagram udp = ip.udp().orElseThrow();
            assertEquals("fe80:0:0:0:0:0:0:2", ip.source().getHostAddress().replaceAll("%.*", ""));
            assertEquals(546, udp.sourcePort());
            assertEquals(547, udp.destinationPort());
            assertArrayEquals("ab".getBytes(), udp.payload());
            assertEquals(1_700_000_000_000_123L, read.epochMicros());
        }
    }

    @Test
    void rejectsPcapngWithAHint() {
        byte[] pcapng = HEX.parseHex("0a0d0d0a000000000000000000000000000000000000000000000000");
        PcapFormatException e = assertThrows(PcapFormatException.class, () -> PcapReader.read(pcapng));
        assertTrue(e.getMessage().contains("pcapng"), e.getMessage());
    }

    @Test
    void rejectsARecordRunningPastTheEndOfTheFile() {
        byte[] whole = pcap(ByteOrder.BIG_ENDIAN, 229, IPV6_UDP);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 1);
        PcapFormatException e = assertThrows(PcapFormatException.class, () -> PcapReader.read(truncated));
        assertTrue(e.getMessage().contains("past the end"), e.getMessage());
    }

    private static byte[] linkHeader(int linkType, String hex) {
        switch (linkType) {
            case 1:  // dst, src, 0x8100 VLAN tag 0x0064, then 0x86dd
                return HEX.parseHex("020000000001020000000002" + "81000064" + "86dd");
            case 113:
                return HEX.parseHex("0000" + "0001" + "0006" + "0200000000020000" + "86dd");
            case 276:
                return HEX.parseHex("86dd" + "0000" + "00000002" + "0001" + "00" + "06" + "0200000000020000");
            default:
                return HEX.parseHex(hex);
        }
    }

    private static byte[] pcap(ByteOrder order, int linkType, byte[] frame) {
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + frame.length).order(order);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(linkType);
        b.putInt(1_700_000_000).putInt(123).putInt(frame.length).putInt(frame.length).put(frame);
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
