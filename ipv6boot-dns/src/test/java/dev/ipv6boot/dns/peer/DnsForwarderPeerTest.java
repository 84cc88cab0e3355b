package dev.ipv6boot.dns.peer;

import dev.ipv6boot.dns.DnsCounters.Reason;
import dev.ipv6boot.dns.DnsForwarder;
import dev.ipv6boot.dns.DnsForwarderConfig;
import dev.ipv6boot.dns.DnsForwarderListener;
import dev.ipv6boot.dns.acl.AccessAction;
import dev.ipv6boot.dns.acl.AccessControl;
import dev.ipv6boot.dns.acl.AccessRule;
import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.NetworkNamespace;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dig through our forwarder to a real unbound serving a test zone, compared with dig asking unbound directly.
 * Everything runs on loopback, except the access-control test, whose client sits in a network namespace
 * behind a veth pair so that it has an address of its own.
 */
@PeerTest
class DnsForwarderPeerTest {
    static final String TXT_CHUNK = "\"" + "ipv6boot-large-txt-".repeat(10) + "\"";   // 190 bytes of text

    static String zone() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 10; i++) {                  // 10 x ~200 bytes: over 1232, so unbound truncates too
            big.append("big IN TXT \"").append(i).append("-").append("ipv6boot-large-txt-".repeat(10)).append("\"\n");
        }
        return """
                $ORIGIN boot.example.
                $TTL 300
                @ IN SOA ns.boot.example. hostmaster.boot.example. 1 3600 600 86400 60
                @ IN NS ns
                @ IN MX 10 mail
                ns IN AAAA 2001:db8::53
                mirror IN AAAA 2001:db8::80
                mirror IN AAAA 2001:db8::81
                mirror IN A 192.0.2.80
                mail IN AAAA 2001:db8::25
                info IN TXT "ipv6boot test zone" "second string"
                www IN CNAME mirror
                """ + big;
    }

    static String reverseZone() {
        return """
                $ORIGIN 8.b.d.0.1.0.0.2.ip6.arpa.
                $TTL 300
                @ IN SOA ns.boot.example. hostmaster.boot.example. 1 3600 600 86400 60
                @ IN NS ns.boot.example.
                0.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 IN PTR mirror.boot.example.
                """;
    }

    private UnboundPeer unbound;
    private DnsForwarder forwarder;

    @BeforeEach
    void startUnbound(@TempDir Path dir) throws Exception {
        Peers.require("dig", "unbound", "unbound-checkconf");
        unbound = UnboundPeer.start(dir.resolve("unbound"), zone(), reverseZone());
    }

    @AfterEach
    void stop() throws Exception {
        if (forwarder != null) {
            forwarder.close();
        }
        if (unbound != null) {
            unbound.close();
        }
    }

    private InetSocketAddress startForwarder(DnsForwarderConfig.Builder builder) throws Exception {
        forwarder = DnsForwarder.start(builder.listen(new InetSocketAddress(InetAddress.getByName("::1"), 0))
                .upstream(unbound.address()).build(), DnsForwarderListener.NONE);
        return forwarder.boundAddresses().get(0);
    }

    @Test
    void answersAreTheSameAsAskingUnboundDirectly() throws Exception {
        InetSocketAddress ours = startForwarder(DnsForwarderConfig.builder());
        List<String[]> questions = List.of(
                new String[] {"mirror.boot.example", "AAAA"},
                new String[] {"mirror.boot.example", "A"},
                new String[] {"www.boot.example", "AAAA"},
                new String[] {"boot.example", "MX"},
                new String[] {"info.boot.example", "TXT"},
                new String[] {"-x", "2001:db8::80"},
                new String[] {"nothing.boot.example", "AAAA"},
                new String[] {"mail.boot.example", "A"});
        for (int round = 0; round < 2; round++) {               // a miss, then a cache hit
            for (String[] q : questions) {
                Dig.Answer direct = Dig.ask(unbound.address(), q);
                Dig.Answer forwarded = Dig.ask(ours, q);
                String what = String.join(" ", q) + " round " + round;
                assertEquals(direct.status(), forwarded.status(), what + "\n" + forwarded.output());
                assertEquals(direct.answer(), forwarded.answer(), what);
                assertTrue(forwarded.flags().contains("ra"), what);
            }
        }
        assertEquals("NXDOMAIN", Dig.ask(ours, "nothing.boot.example", "AAAA").status());
        assertEquals(questions.size(), forwarder.counters().get(Reason.ANSWERED_UPSTREAM));
        assertTrue(forwarder.counters().get(Reason.ANSWERED_CACHE) >= questions.size());
    }

    @Test
    void aLargeAnswerIsTruncatedForAClientWithoutEdnsAndWholeOverTcp() throws Exception {
        InetSocketAddress ours = startForwarder(DnsForwarderConfig.builder());
        Dig.Answer classic = Dig.ask(ours, "+noedns", "+ignore", "big.boot.example", "TXT");
        Dig.Answer tcp = Dig.ask(ours, "+noedns", "+tcp", "big.boot.example", "TXT");
        Dig.Answer direct = Dig.ask(unbound.address(), "+tcp", "big.boot.example", "TXT");

        assertTrue(classic.flags().contains("tc"), classic.output());
        assertTrue(classic.answer().size() < 10, "only whole records that fit in 512 bytes");
        assertFalse(tcp.flags().contains("tc"), tcp.output());
        assertEquals(10, direct.answer().size());
        assertEquals(direct.answer(), tcp.answer());
        assertEquals(1, forwarder.counters().get(Reason.FORWARDED_TCP),
                "unbound truncated at our EDNS 1232, so we asked again over TCP");
    }

    @Test
    void failsOverWhenAnUpstreamStopsAnswering(@TempDir Path dir) throws Exception {
        try (UnboundPeer second = UnboundPeer.start(dir.resolve("second"), zone(), reverseZone())) {
            forwarder = DnsForwarder.start(DnsForwarderConfig.builder()
                    .listen(new InetSocketAddress(InetAddress.getByName("::1"), 0))
                    .upstream(unbound.address()).upstream(second.address())
                    .upstreamTimeout(Duration.ofMillis(1000)).failuresBeforeDown(1).build(), DnsForwarderListener.NONE);
            InetSocketAddress ours = forwarder.boundAddresses().get(0);
            assertEquals("NOERROR", Dig.ask(ours, "mirror.boot.example", "AAAA").status());

            unbound.freeze(true);
            Dig.Answer failedOver = Dig.ask(ours, "+tries=1", "+time=5", "mail.boot.example", "AAAA");
            Dig.Answer skipped = Dig.ask(ours, "+tries=1", "+time=5", "ns.boot.example", "AAAA");
            unbound.freeze(false);

            assertEquals("NOERROR", failedOver.status(), failedOver.output());
            assertEquals(List.of("mail.boot.example. IN AAAA 2001:db8::25"), failedOver.answer());
            assertEquals("NOERROR", skipped.status());
            assertEquals(1, forwarder.counters().get(Reason.UPSTREAM_TIMEOUT), "the frozen upstream is then skipped");
            assertEquals(1, forwarder.counters().get(Reason.UPSTREAM_FAILOVER));
        }
    }

    /**
     * A relay between our forwarder and unbound that, before passing each query on, injects three forged answers
     * at the forwarder's upstream socket: wrong ID from the right source, right ID from a wrong port, right ID
     * and source for another question. dig must get unbound's real answer.
     */
    @Test
    void forgedAnswersInjectedBeforeUnboundsAreIgnored() throws Exception {
        InetAddress loopback = InetAddress.getByName("::1");
        try (java.net.DatagramSocket relay = new java.net.DatagramSocket(new InetSocketAddress(loopback, 0));
             java.net.DatagramSocket attacker = new java.net.DatagramSocket(new InetSocketAddress(loopback, 0));
             java.net.DatagramSocket toUnbound = new java.net.DatagramSocket(new InetSocketAddress(loopback, 0))) {
            toUnbound.setSoTimeout(5000);
            Thread relaying = new Thread(() -> {
                try {
                    byte[] buffer = new byte[65535];
                    java.net.DatagramPacket in = new java.net.DatagramPacket(buffer, buffer.length);
                    relay.receive(in);
                    byte[] query = java.util.Arrays.copyOf(buffer, in.getLength());
                    org.xbill.DNS.Message q = new org.xbill.DNS.Message(query);
                    org.xbill.DNS.Message forged = new org.xbill.DNS.Message(q.getHeader().getID());
                    forged.getHeader().setFlag(org.xbill.DNS.Flags.QR);
                    forged.addRecord(q.getQuestion(), org.xbill.DNS.Section.QUESTION);
                    forged.addRecord(new org.xbill.DNS.AAAARecord(q.getQuestion().getName(), org.xbill.DNS.DClass.IN,
                            86400, InetAddress.getByName("2001:db8::bad")), org.xbill.DNS.Section.ANSWER);
                    byte[] rightId = forged.toWire();
                    attacker.send(new java.net.DatagramPacket(rightId, rightId.length, in.getSocketAddress()));
                    forged.getHeader().setID(q.getHeader().getID() ^ 0x0101);
                    byte[] wrongId = forged.toWire();
                    relay.send(new java.net.DatagramPacket(wrongId, wrongId.length, in.getSocketAddress()));
                    org.xbill.DNS.Message other = new org.xbill.DNS.Message(q.getHeader().getID());
                    other.getHeader().setFlag(org.xbill.DNS.Flags.QR);
                    other.addRecord(org.xbill.DNS.Record.newRecord(org.xbill.DNS.Name.fromString("evil.example."),
                            org.xbill.DNS.Type.AAAA, org.xbill.DNS.DClass.IN), org.xbill.DNS.Section.QUESTION);
                    byte[] otherQuestion = other.toWire();
                    relay.send(new java.net.DatagramPacket(otherQuestion, otherQuestion.length, in.getSocketAddress()));
                    toUnbound.send(new java.net.DatagramPacket(query, query.length, unbound.address()));
                    java.net.DatagramPacket answer = new java.net.DatagramPacket(buffer, buffer.length);
                    toUnbound.receive(answer);
                    relay.send(new java.net.DatagramPacket(buffer, answer.getLength(), in.getSocketAddress()));
                } catch (Exception e) {
                    // the test's assertions show what went missing
                }
            });
            relaying.setDaemon(true);
            relaying.start();
            forwarder = DnsForwarder.start(DnsForwarderConfig.builder()
                    .listen(new InetSocketAddress(loopback, 0))
                    .upstream((InetSocketAddress) relay.getLocalSocketAddress())
                    .upstreamTimeout(Duration.ofSeconds(4)).build(), DnsForwarderListener.NONE);

            Dig.Answer viaForwarder = Dig.ask(forwarder.boundAddresses().get(0), "+tries=1", "+time=8",
                    "mirror.boot.example", "AAAA");
            relaying.join(10_000);
            Dig.Answer direct = Dig.ask(unbound.address(), "mirror.boot.example", "AAAA");

            assertEquals("NOERROR", viaForwarder.status(), viaForwarder.output());
            assertEquals(direct.answer(), viaForwarder.answer());
            assertFalse(viaForwarder.output().contains("2001:db8::bad"));
            assertEquals(1, forwarder.counters().get(Reason.SPOOF_WRONG_SOURCE));
            assertEquals(1, forwarder.counters().get(Reason.SPOOF_WRONG_ID));
            assertEquals(1, forwarder.counters().get(Reason.SPOOF_WRONG_QUESTION));
        }
    }

    @Test
    void aClientOutsideTheAccessListIsRefusedOrGetsNothing() throws Exception {
        String prefix = "fd00:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff)) + ":53:";
        String rootSide = "i6d" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        try (NetworkNamespace client = NetworkNamespace.create("dnscli")) {
            try {
                Command.run(Duration.ofSeconds(10), "ip", "link", "add", rootSide, "type", "veth", "peer", "name", "veth0",
                        "netns", client.name()).orThrow();
                Command.run(Duration.ofSeconds(10), "ip", "-6", "addr", "add", prefix + ":1/64", "dev", rootSide, "nodad").orThrow();
                Command.run(Duration.ofSeconds(10), "ip", "link", "set", rootSide, "up").orThrow();
                client.exec(Duration.ofSeconds(10), "ip", "-6", "addr", "add", prefix + ":2/64", "dev", "veth0", "nodad").orThrow();
                client.exec(Duration.ofSeconds(10), "ip", "link", "set", "veth0", "up").orThrow();
                InetAddress serverAddress = InetAddress.getByName(prefix + ":1");

                try (DnsForwarder refusing = DnsForwarder.start(DnsForwarderConfig.builder()
                        .listen(new InetSocketAddress(serverAddress, 0)).upstream(unbound.address())
                        .accessControl(AccessControl.of(List.of(AccessRule.parse(prefix + ":/64", AccessAction.REFUSE))))
                        .build(), DnsForwarderListener.NONE);
                     DnsForwarder denying = DnsForwarder.start(DnsForwarderConfig.builder()
                             .listen(new InetSocketAddress(serverAddress, 0)).upstream(unbound.address())
                             .build(), DnsForwarderListener.NONE);
                     DnsForwarder allowing = DnsForwarder.start(DnsForwarderConfig.builder()
                             .listen(new InetSocketAddress(serverAddress, 0)).upstream(unbound.address())
                             .accessControl(AccessControl.of(List.of(AccessRule.parse(prefix + ":/64", AccessAction.ALLOW))))
                             .build(), DnsForwarderListener.NONE)) {
                    Dig.Answer allowed = Dig.askFrom(client.name(), allowing.boundAddresses().get(0),
                            "+tries=1", "+time=3", "mirror.boot.example", "AAAA");
                    Dig.Answer refused = Dig.askFrom(client.name(), refusing.boundAddresses().get(0),
                            "+tries=1", "+time=3", "mirror.boot.example", "AAAA");
                    Dig.Answer denied = Dig.askFrom(client.name(), denying.boundAddresses().get(0),
                            "+tries=1", "+time=2", "mirror.boot.example", "AAAA");

                    assertEquals("NOERROR", allowed.status(), "the veth path works: " + allowed.output());
                    assertEquals("REFUSED", refused.status(), refused.output());
                    assertTrue(denied.output().contains("timed out"), denied.output());
                    assertEquals(1, refusing.counters().get(Reason.ACL_REFUSED));
                    assertEquals(1, denying.counters().get(Reason.ACL_DENIED));
                }
            } finally {
                Command.run(Duration.ofSeconds(10), "ip", "link", "del", rootSide);
            }
        }
    }
}
