package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterAdvertisementTest {

    /** Each option with its exact wire form, written from the RFC figures. */
    static Stream<Object[]> options() {
        return Stream.of(
                new Object[]{new SourceLinkLayerAddress(0x020000000001L), "0101020000000001"},
                new Object[]{new MtuOption(1500), "05010000000005dc"},
                new Object[]{PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64),
                        "030440c0000151800000384000000000" + "20010db8000000000000000000000000"},
                new Object[]{new PrefixInformation(Ipv6Address.parse("2001:db8:1::"), 48,
                        PrefixInformation.ON_LINK | PrefixInformation.DHCPV6_PD_PREFERRED, 0xffffffffL, 0),
                        "03043090ffffffff0000000000000000" + "20010db8000100000000000000000000"},
                new Object[]{new RouteInformation(Ipv6Address.parse("::"), 0, RouterPreference.HIGH, 1800),
                        "1801000800000708"},
                new Object[]{new RouteInformation(Ipv6Address.parse("2001:db8:2::"), 48, RouterPreference.LOW, 60),
                        "180230180000003c" + "20010db800020000"},
                new Object[]{new RouteInformation(Ipv6Address.parse("2001:db8::1:0:0"), 96, RouterPreference.MEDIUM, 1),
                        "1803600000000001" + "20010db8000000000000000100000000"},
                new Object[]{new RecursiveDnsServers(60, List.of(Ipv6Address.parse("2001:db8::1"),
                        Ipv6Address.parse("2001:db8::2"))),
                        "19050000" + "0000003c" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002"},
                new Object[]{new DnsSearchList(1200, List.of("example.org", "lab")),
                        "1f040000000004b0" + "076578616d706c65036f726700036c616200" + "000000000000"},
                new Object[]{new Pref64(Ipv6Address.parse("64:ff9b::"), 96, 1800),
                        "2602" + "0708" + "0064ff9b0000000000000000"},
                new Object[]{new Pref64(Ipv6Address.parse("2001:db8:64::"), 48, 600),
                        "2602" + "025b" + "20010db80064000000000000"},
                new Object[]{new CaptivePortal("https://cp.example/api"),
                        "2503" + HexFormat.of().formatHex("https://cp.example/api".getBytes()) + ""},
                new Object[]{new UnknownOption(200, HexFormat.of().parseHex("0102030405060708090a0b0c0d0e")),
                        "c802" + "0102030405060708090a0b0c0d0e"});
    }

    @ParameterizedTest
    @MethodSource("options")
    void writesEachOptionAsItsRfcFigureAndReadsItBack(NdpOption option, String hex) throws Exception {
        byte[] expected = HexFormat.of().parseHex(hex);
        RouterAdvertisement ra = RouterAdvertisement.builder().option(option).build();
        ByteBuf out = Unpooled.buffer();
        try {
            ra.writeTo(out);
            assertEquals(ra.encodedLength(), out.readableBytes());
            assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(
                    ByteBufUtil.getBytes(out, 16, out.readableBytes() - 16)));
            assertEquals(ra, RouterAdvertisement.read(out));
        } finally {
            out.release();
        }
    }

    @Test
    void writesTheHeaderFieldsOfRfc4861Section4_2() {
        RouterAdvertisement ra = RouterAdvertisement.builder().curHopLimit(255).managed(true).otherConfig(true)
                .homeAgent(true).preference(RouterPreference.LOW).proxy(true).routerLifetime(9000)
                .reachableTime(30000).retransTimer(1000).build();
        ByteBuf out = Unpooled.buffer();
        try {
            ra.writeTo(out);
            assertEquals("86000000" + "ff" + "fc" + "2328" + "00007530" + "000003e8", ByteBufUtil.hexDump(out));
            assertTrue(ra.managed() && ra.otherConfig() && ra.homeAgent() && ra.proxy());
            assertEquals(RouterPreference.LOW, ra.preference());
        } finally {
            out.release();
        }
    }

    @Test
    void finalAdvertisementWithdrawsTheRouterAndItsDnsServersButKeepsPrefixes() {
        PrefixInformation prefix = PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64);
        RouterAdvertisement ra = RouterAdvertisement.builder().otherConfig(true).routerLifetime(1800)
                .option(prefix)
                .option(new RecursiveDnsServers(600, List.of(Ipv6Address.parse("2001:db8::53"))))
                .option(new DnsSearchList(600, List.of("boot.example")))
                .build();
        RouterAdvertisement last = ra.finalAdvertisement();
        assertEquals(0, last.routerLifetime());
        assertTrue(last.otherConfig());
        assertEquals(List.of(prefix,
                new RecursiveDnsServers(0, List.of(Ipv6Address.parse("2001:db8::53"))),
                new DnsSearchList(0, List.of("boot.example"))), last.options());
        assertEquals(ra.encodedLength(), last.encodedLength());
    }

    @Test
    void keepsOptionOrderAndDuplicates() throws Exception {
        RouterAdvertisement ra = RouterAdvertisement.builder()
                .option(new RecursiveDnsServers(10, List.of(Ipv6Address.parse("2001:db8::2"))))
                .option(PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64))
                .option(new RecursiveDnsServers(20, List.of(Ipv6Address.parse("2001:db8::3"))))
                .build();
        ByteBuf out = Unpooled.buffer();
        try {
            ra.writeTo(out);
            RouterAdvertisement read = RouterAdvertisement.read(out);
            assertEquals(ra.options(), read.options());
            assertEquals(2, read.options(RecursiveDnsServers.class).size());
        } finally {
            out.release();
        }
    }

    @Test
    void splitsAnRaLargerThanTheLinkMtuIntoSeveralThatEachFit() {
        RouterAdvertisement.Builder b = RouterAdvertisement.builder().otherConfig(true)
                .option(new SourceLinkLayerAddress(0x020000000001L)).option(new MtuOption(1280));
        for (int i = 0; i < 60; i++) {                                   // 60 × 32 bytes of PIO > 1280
            b.option(PrefixInformation.slaac(new Ipv6Address(0x20010db800000000L | ((long) i << 16), 0), 64));
        }
        RouterAdvertisement ra = b.build();
        List<RouterAdvertisement> parts = ra.splitForMtu(1280);
        assertTrue(parts.size() >= 2, "needs splitting: " + ra.encodedLength());
        int prefixes = 0;
        for (RouterAdvertisement part : parts) {
            assertTrue(part.encodedLength() + 40 <= 1280, "part fits: " + part.encodedLength());
            assertEquals(1, part.options(SourceLinkLayerAddress.class).size(), "repeated in every part");
            assertEquals(1, part.options(MtuOption.class).size());
            assertTrue(part.otherConfig());
            prefixes += part.options(PrefixInformation.class).size();
        }
        assertEquals(60, prefixes, "every prefix sent exactly once");
        assertEquals(ra.options(PrefixInformation.class).get(0), parts.get(0).options(PrefixInformation.class).get(0));
        assertEquals(List.of(ra), ra.splitForMtu(9000));
    }

    @Test
    void refusesToSplitWhenOneOptionCannotFit() {
        RouterAdvertisement ra = RouterAdvertisement.builder()
                .option(new CaptivePortal("https://" + "a".repeat(1300) + ".example/"))
                .option(PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64)).build();
        assertThrows(IllegalArgumentException.class, () -> ra.splitForMtu(1280));
    }

    @Test
    void builderRejectsOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> RouterAdvertisement.builder().routerLifetime(65536));
        assertThrows(IllegalArgumentException.class, () -> RouterAdvertisement.builder().curHopLimit(256));
        assertThrows(IllegalArgumentException.class, () -> new PrefixInformation(Ipv6Address.parse("::"), 129, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pref64(Ipv6Address.parse("64:ff9b::"), 80, 8));
        assertThrows(IllegalArgumentException.class, () -> new Pref64(Ipv6Address.parse("64:ff9b::"), 96, 7));
        assertThrows(IllegalArgumentException.class, () -> new DnsSearchList(1, List.of("a..b")));
        assertThrows(IllegalArgumentException.class, () -> new RecursiveDnsServers(1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new UnknownOption(1, new byte[5]));
    }

    @Test
    void readsAPref64WithAnUnassignedLengthCodeAsUnknownByteForByte() throws Exception {
        ByteBuf in = Unpooled.wrappedBuffer(HexFormat.of().parseHex(
                "8600000040000000000000000000000026020717" + "0064ff9b0000000000000000"));
        RouterAdvertisement ra = RouterAdvertisement.read(in);
        assertEquals(new UnknownOption(38, HexFormat.of().parseHex("07170064ff9b0000000000000000")), ra.options().get(0));
        ByteBuf out = Unpooled.buffer();
        try {
            ra.writeTo(out);
            assertEquals(ByteBufUtil.hexDump(in), ByteBufUtil.hexDump(out));
        } finally {
            out.release();
        }
    }

    @Test
    void printsAddressesAsRfc5952Text() {
        assertEquals("2001:db8::1", Ipv6Address.parse("2001:0db8:0:0:0:0:0:1").toString());
        assertEquals("::", Ipv6Address.parse("::").toString());
        assertEquals("fe80::ff:fe00:2", Ipv6Address.parse("fe80::ff:fe00:2").toString());
        assertEquals("2001:db8:0:1::1", Ipv6Address.parse("2001:db8:0:1:0:0:0:1").toString());
        assertEquals("2001:db8::1:0:0:1", Ipv6Address.parse("2001:db8:0:0:1:0:0:1").toString());
        assertFalse(Ipv6Address.parse("2001:db8::1").isUnspecified());
        // never a name lookup, even for text getByName would send to a resolver
        assertThrows(IllegalArgumentException.class, () -> Ipv6Address.parse("g:h"));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Address.parse("example.org"));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Address.parse("fe80::1%eth0"));
    }
}
