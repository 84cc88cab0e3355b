package dev.ipv6boot.dns;

import dev.ipv6boot.dns.wire.DnsAnswer;
import dev.ipv6boot.dns.wire.DnsQueryView;
import dev.ipv6boot.dns.wire.QueryStatus;
import dev.ipv6boot.testkit.pcap.CapturedFrame;
import dev.ipv6boot.testkit.pcap.Ipv6Packet;
import dev.ipv6boot.testkit.pcap.PcapReader;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dig's queries and dnsmasq's answers, captured on the wire (see vectors/README.md). */
class GoldenCaptureTest {
    /** One captured exchange: dig's query, dnsmasq's answer, and whether it went over TCP. */
    record Exchange(byte[] query, byte[] answer, boolean tcp) {
    }

    private static final List<Exchange> EXCHANGES = new ArrayList<>();

    @BeforeAll
    static void readCapture() throws Exception {
        Path pcap = Path.of(GoldenCaptureTest.class.getResource("/vectors/dns-forwarder-udp-tcp.pcap").toURI());
        byte[] pendingUdp = null;
        byte[] pendingTcp = null;
        for (CapturedFrame frame : PcapReader.read(pcap)) {
            Ipv6Packet ip = frame.ipv6().orElseThrow();
            if (ip.udp().isPresent()) {
                Ipv6Packet.UdpDatagram udp = ip.udp().get();
                if (udp.destinationPort() == 53) {
                    pendingUdp = udp.payload();
                } else {
                    EXCHANGES.add(new Exchange(pendingUdp, udp.payload(), false));
                }
            } else if (ip.tcp().isPresent() && ip.tcp().get().payload().length > 0) {
                Ipv6Packet.TcpSegment tcp = ip.tcp().get();
                byte[] message = unframe(tcp.payload());
                if (tcp.destinationPort() == 53) {
                    pendingTcp = message;
                } else {
                    EXCHANGES.add(new Exchange(pendingTcp, message, true));
                }
            }
        }
    }

    private static byte[] unframe(byte[] segment) {
        int length = ((segment[0] & 0xff) << 8) | (segment[1] & 0xff);
        assertEquals(segment.length - 2, length, "one whole DNS message per segment in this capture");
        return Arrays.copyOfRange(segment, 2, segment.length);
    }

    @Test
    void theCaptureHoldsFourExchangesOneOverTcp() {
        assertEquals(4, EXCHANGES.size());
        assertEquals(1, EXCHANGES.stream().filter(Exchange::tcp).count());
    }

    @Test
    void everyQueryReadsAsDnsjavaReadsIt() {
        DnsQueryView view = new DnsQueryView();
        for (Exchange exchange : EXCHANGES) {
            Message dnsjava = DnsTestMessages.parse(exchange.query());
            assertEquals(QueryStatus.OK, view.parse(Unpooled.wrappedBuffer(exchange.query())));
            assertEquals(dnsjava.getHeader().getID(), view.id());
            assertEquals(dnsjava.getQuestion().getName().toString(), view.nameString());
            assertEquals(dnsjava.getQuestion().getType(), view.qtype());
            assertEquals(dnsjava.getQuestion().getDClass(), view.qclass());
            assertTrue(view.hasEdns(), "dig 9.18 always sends EDNS");
            assertEquals(dnsjava.getOPT().getPayloadSize(), view.ednsUdpSize());
            assertEquals(dnsjava.getHeader().getFlag(org.xbill.DNS.Flags.RD), view.recursionDesired());
        }
    }

    @Test
    void everyAnswerIndexesWithTheCountsDnsjavaSeesAndCacheableTtls() throws Exception {
        for (Exchange exchange : EXCHANGES) {
            Message dnsjava = DnsTestMessages.parse(exchange.answer());
            DnsAnswer answer = DnsAnswer.index(Unpooled.wrappedBuffer(exchange.answer()));
            assertEquals(dnsjava.getSection(Section.ANSWER).size(), answer.answerCount());
            assertEquals(dnsjava.getSection(Section.AUTHORITY).size(), answer.authorityCount());
            assertEquals(dnsjava.getSection(Section.ADDITIONAL).size() - 1, answer.additionalCount(), "OPT removed");
            assertEquals(dnsjava.getRcode(), answer.rcode());
            assertTrue(answer.cacheTtl() > 0, "positive and NXDOMAIN-with-SOA answers are all cacheable");
        }
    }

    @Test
    void replayedThroughTheForwarderTheAnswersMatchDnsmasqs() throws Exception {
        try (FakeUpstream upstream = new FakeUpstream(r -> {
            for (Exchange exchange : EXCHANGES) {
                Message captured = DnsTestMessages.parse(exchange.answer());
                if (captured.getQuestion().equals(r.query().getQuestion())) {
                    captured.getHeader().setID(r.query().getHeader().getID());
                    return captured;
                }
            }
            return null;
        });
             DnsForwarder forwarder = DnsForwarder.start(DnsForwarderConfig.builder()
                     .listen(new InetSocketAddress(InetAddress.getByName("::1"), 0)).upstream(upstream.address())
                     .cacheEntries(0).build(), DnsForwarderListener.NONE)) {
            InetSocketAddress server = forwarder.boundAddresses().get(0);
            for (Exchange exchange : EXCHANGES) {
                byte[] ours = exchange.tcp() ? TestClient.tcp(server, exchange.query(), 5000)
                        : TestClient.udp(server, exchange.query(), 5000);
                assertNotNull(ours);
                Message mine = DnsTestMessages.parse(ours);
                Message theirs = DnsTestMessages.parse(exchange.answer());
                assertEquals(theirs.getHeader().getID(), mine.getHeader().getID());
                assertEquals(theirs.getQuestion(), mine.getQuestion());
                assertEquals(theirs.getRcode(), mine.getRcode());
                for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
                    assertEquals(theirs.getSection(section), mine.getSection(section), "section " + section);
                }
                assertNotNull(mine.getOPT(), "dig sent EDNS, so our answer has an OPT record");
            }
        }
    }
}
