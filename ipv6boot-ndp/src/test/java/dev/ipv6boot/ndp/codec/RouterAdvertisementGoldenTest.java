package dev.ipv6boot.ndp.codec;

import dev.ipv6boot.testkit.pcap.CapturedFrame;
import dev.ipv6boot.testkit.pcap.Ipv6Packet;
import dev.ipv6boot.testkit.pcap.PcapReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real RAs and RSs from radvd, rdisc6 and dhcpcd (see src/test/resources/vectors/README.md). */
class RouterAdvertisementGoldenTest {

    /** What radvd 2.19 sends for the seed radvd.conf on an interface holding 2001:db8::1/64. */
    static final RouterAdvertisement RADVD_SEED_RA = RouterAdvertisement.builder()
            .curHopLimit(64).otherConfig(true).routerLifetime(180)
            .option(new PrefixInformation(Ipv6Address.parse("2001:db8::"), 64,
                    PrefixInformation.ON_LINK | PrefixInformation.AUTONOMOUS, 86400, 14400))
            .option(new RecursiveDnsServers(60, List.of(Ipv6Address.parse("2001:db8::1"))))
            .option(SourceLinkLayerAddress.parse("02:00:00:00:00:01"))
            .build();

    record Icmp(Ipv6Packet ip, byte[] message) {
    }

    static List<Icmp> icmp(String file, int type) throws Exception {
        List<Icmp> found = new ArrayList<>();
        for (CapturedFrame frame : PcapReader.read(vector(file))) {
            frame.ipv6().ifPresent(ip -> ip.icmpv6().filter(m -> (m[0] & 0xff) == type)
                    .ifPresent(m -> found.add(new Icmp(ip, m))));
        }
        return found;
    }

    static Path vector(String name) throws URISyntaxException {
        return Path.of(RouterAdvertisementGoldenTest.class.getResource("/vectors/" + name).toURI());
    }

    @Test
    void readsEveryRadvdAdvertisementAsTheSeedConfigurationSays() throws Exception {
        List<Icmp> ras = icmp("ndp-radvd-rs-ra.pcap", NdpMessageView.ROUTER_ADVERTISEMENT);
        assertTrue(ras.size() >= 4, "capture holds multicast and unicast RAs: " + ras.size());
        for (Icmp ra : ras) {
            ByteBuf buf = Unpooled.wrappedBuffer(ra.message());
            RouterAdvertisement read = RouterAdvertisement.read(buf);
            assertEquals(RADVD_SEED_RA, read);
            assertEquals(0, buf.readerIndex(), "read borrows: indexes untouched");
            assertEquals(255, ra.ip().hopLimit());
        }
    }

    @Test
    void reEncodesRadvdsBytesExactlyAndComputesItsChecksum() throws Exception {
        for (Icmp ra : icmp("ndp-radvd-rs-ra.pcap", NdpMessageView.ROUTER_ADVERTISEMENT)) {
            ByteBuf out = Unpooled.buffer();
            try {
                RouterAdvertisement.read(Unpooled.wrappedBuffer(ra.message())).writeTo(out);
                int checksum = Icmpv6Checksum.compute(Ipv6Address.of(ra.ip().source()),
                        Ipv6Address.of(ra.ip().destination()), out, 0, out.readableBytes());
                out.setShort(2, checksum);
                assertArrayEquals(ra.message(), ByteBufUtil.getBytes(out));
            } finally {
                out.release();
            }
        }
    }

    @Test
    void readsRdisc6SolicitationsWithAndWithoutSourceLinkLayerAddress() throws Exception {
        List<Icmp> rss = icmp("ndp-radvd-rs-ra.pcap", NdpMessageView.ROUTER_SOLICITATION);
        assertTrue(rss.size() >= 2);
        NdpMessageView view = new NdpMessageView();
        boolean sawWithout = false;
        boolean sawWith = false;
        for (Icmp rs : rss) {
            assertEquals(NdpStatus.OK, view.parse(Unpooled.wrappedBuffer(rs.message()), false));
            assertTrue(view.isRouterSolicitation());
            long mac = view.sourceLinkLayerAddress();
            if (mac == -1) {
                sawWithout = true;
                assertEquals(0, view.optionCount());
            } else {
                sawWith = true;
                assertEquals(0x02_00_00_00_00_02L, mac);
            }
        }
        assertTrue(sawWith && sawWithout, "rdisc6 sent both forms");
    }

    @Test
    void readsTheRsAndRaOfDhcpcdsSlaacExchange() throws Exception {
        List<Icmp> rss = icmp("ra-dhcpcd-slaac-inforeq.pcap", NdpMessageView.ROUTER_SOLICITATION);
        List<Icmp> ras = icmp("ra-dhcpcd-slaac-inforeq.pcap", NdpMessageView.ROUTER_ADVERTISEMENT);
        assertFalse(rss.isEmpty());
        assertFalse(ras.isEmpty());
        NdpMessageView view = new NdpMessageView();
        for (Icmp rs : rss) {
            boolean unspecified = rs.ip().source().isAnyLocalAddress();
            assertEquals(NdpStatus.OK, view.parse(Unpooled.wrappedBuffer(rs.message()), unspecified));
        }
        for (Icmp ra : ras) {
            RouterAdvertisement read = RouterAdvertisement.read(Unpooled.wrappedBuffer(ra.message()));
            assertTrue(read.otherConfig());
            assertFalse(read.managed());
            PrefixInformation pio = read.options(PrefixInformation.class).get(0);
            assertEquals("2001:db8::", pio.prefix().toString());
            assertTrue(pio.autonomous() && pio.onLink());
        }
    }

    @Test
    void readsTheNeighborSolicitationsInTheCapture() throws Exception {
        List<Icmp> nss = icmp("ndp-radvd-rs-ra.pcap", NdpMessageView.NEIGHBOR_SOLICITATION);
        assertFalse(nss.isEmpty());
        NdpMessageView view = new NdpMessageView();
        for (Icmp ns : nss) {
            assertEquals(NdpStatus.OK, view.parse(Unpooled.wrappedBuffer(ns.message())));
            assertTrue(view.isNeighborSolicitation());
            // the server resolving the client's link-local and SLAAC addresses (EUI-64 of 02:00:00:00:00:02)
            assertTrue(view.targetHigh() == 0xfe80_0000_0000_0000L || view.targetHigh() == 0x2001_0db8_0000_0000L,
                    Long.toHexString(view.targetHigh()));
            assertTrue(view.targetLow() == 0x0000_00ff_fe00_0002L || view.targetLow() == 1, Long.toHexString(view.targetLow()));
            long mac = view.sourceLinkLayerAddress();
            assertTrue(mac == -1 || mac == 0x02_00_00_00_00_01L || mac == 0x02_00_00_00_00_02L, Long.toHexString(mac));
        }
    }
}
