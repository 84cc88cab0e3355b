package dev.ipv6boot.dns;

import dev.ipv6boot.dns.DnsCounters.Reason;
import dev.ipv6boot.dns.acl.AccessAction;
import dev.ipv6boot.dns.acl.AccessControl;
import dev.ipv6boot.dns.acl.AccessRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.ipv6boot.dns.DnsTestMessages.answer;
import static dev.ipv6boot.dns.DnsTestMessages.name;
import static dev.ipv6boot.dns.DnsTestMessages.query;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forwarder end to end on loopback, against a scripted upstream. */
class DnsForwarderTest {
    /**
     * For tests that count upstream queries: a loaded build machine can take longer than the default 1.5 s to
     * answer on loopback, and the forwarder's retry would then count twice. The test client waits 5 s.
     */
    private static final Duration PATIENT = Duration.ofSeconds(4);

    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(loopback(), 0);

    private final List<AutoCloseable> resources = new ArrayList<>();

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("::1");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private FakeUpstream upstream(Function<FakeUpstream.Received, Message> answers) throws IOException {
        FakeUpstream upstream = new FakeUpstream(answers);
        resources.add(upstream);
        return upstream;
    }

    private static Message aaaaFor(FakeUpstream.Received r, String address) {
        try {
            Record q = r.query().getQuestion();
            return answer(r.query(), List.of(new AAAARecord(q.getName(), DClass.IN, 300, InetAddress.getByName(address))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private DnsForwarder forwarder(DnsForwarderConfig.Builder builder) throws IOException {
        return forwarder(builder, DnsForwarderListener.NONE);
    }

    private DnsForwarder forwarder(DnsForwarderConfig.Builder builder, DnsForwarderListener listener) throws IOException {
        DnsForwarder forwarder = DnsForwarder.start(builder.listen(ANY_LOOPBACK_PORT).ioThreads(2).build(), listener);
        resources.add(forwarder);
        return forwarder;
    }

    private static InetSocketAddress at(DnsForwarder forwarder) {
        return forwarder.boundAddresses().get(0);
    }

    private static String firstAddress(Message answer) {
        Record first = answer.getSection(Section.ANSWER).get(0);
        InetAddress address = first instanceof AAAARecord aaaa ? aaaa.getAddress() : ((ARecord) first).getAddress();
        return address.getHostAddress();
    }

    private static String ip(String literal) {
        return v4(literal).getHostAddress();
    }

    @Test
    void forwardsAMissThenAnswersTheSameQuestionFromTheCache() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()).upstreamTimeout(PATIENT));

        Message first = TestClient.udp(at(forwarder), query("mirror.example", Type.AAAA, true));
        Message second = TestClient.udp(at(forwarder), query("MIRROR.example", Type.AAAA, true));

        assertEquals(ip("2001:db8::10"), firstAddress(first));
        assertEquals(ip("2001:db8::10"), firstAddress(second));
        assertEquals(1, upstream.udpQueries.get(), "the second query must not go upstream");
        assertEquals(1, forwarder.counters().get(Reason.ANSWERED_UPSTREAM));
        assertEquals(1, forwarder.counters().get(Reason.ANSWERED_CACHE));
        assertTrue(first.getHeader().getFlag(Flags.RA));
        assertNotNull(second.getOPT(), "an EDNS client gets an OPT record back");
    }

    @Test
    void echoesTheClientsIdAndQuestionByteForByte() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()));
        for (String spelling : List.of("MiRrOr.ExAmPle.", "mirror.EXAMPLE.")) {   // miss, then cache hit
            Message query = query(spelling, Type.AAAA, false);
            query.getHeader().setID(0xbeef);
            byte[] wire = query.toWire();
            byte[] answer = TestClient.udp(at(forwarder), wire, 5000);
            assertNotNull(answer);
            assertEquals((byte) 0xbe, answer[0]);
            assertEquals((byte) 0xef, answer[1]);
            int questionLength = wire.length - 12;
            for (int i = 0; i < questionLength; i++) {
                assertEquals(wire[12 + i], answer[12 + i], "question byte " + i + " for " + spelling);
            }
        }
    }

    @Test
    void asksUpstreamWithFreshIdsFreshPortsRecursionAndEdns1232() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()));
        Set<Integer> ports = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Message query = query("host" + i + ".example", Type.AAAA, false);
            query.getHeader().setID(0x1111);
            assertNotNull(TestClient.udp(at(forwarder), query));
            FakeUpstream.Received r = upstream.received.poll(5, TimeUnit.SECONDS);
            assertNotNull(r);
            ports.add(r.source().getPort());
            ids.add(r.query().getHeader().getID());
            assertTrue(r.query().getHeader().getFlag(Flags.RD));
            assertNotNull(r.query().getOPT(), "EDNS towards upstream even for a client without it");
            assertEquals(1232, r.query().getOPT().getPayloadSize());
        }
        assertTrue(ports.size() > 1, "one source port for every query: " + ports);
        assertTrue(ids.size() > 1 || !ids.contains(0x1111), "upstream IDs are not the client's: " + ids);
    }

    @Test
    void ignoresAnswersWithWrongIdWrongSourceOrWrongQuestion() throws Exception {
        FakeUpstream upstream = upstream(r -> null);                     // the test answers by hand
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address())
                .upstreamTimeout(Duration.ofSeconds(5)));
        CopyOnWriteArrayList<Message> answers = new CopyOnWriteArrayList<>();
        Thread client = new Thread(() -> {
            try {
                answers.add(TestClient.udp(at(forwarder), query("mirror.example", Type.AAAA, false)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        client.start();
        FakeUpstream.Received r = upstream.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(r);
        Message spoof = aaaaFor(r, "2001:db8::bad");
        spoof.getHeader().setID(r.query().getHeader().getID() ^ 0x5555);   // wrong ID, right source
        upstream.sendFromUpstream(spoof.toWire(), r.source());
        try (DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(loopback(), 0))) {
            byte[] forged = aaaaFor(r, "2001:db8::bad").toWire();              // right ID, wrong source port
            attacker.send(new DatagramPacket(forged, forged.length, r.source()));
        }
        Message otherQuestion = answer(query("evil.example", Type.AAAA, true), List.of(
                new AAAARecord(name("evil.example"), DClass.IN, 300, InetAddress.getByName("2001:db8::bad"))));
        otherQuestion.getHeader().setID(r.query().getHeader().getID());      // right ID and source, wrong question
        upstream.sendFromUpstream(otherQuestion.toWire(), r.source());
        Thread.sleep(200);                                                    // the forgeries arrive first
        upstream.sendFromUpstream(aaaaFor(r, "2001:db8::10").toWire(), r.source());
        client.join(10_000);

        assertEquals(1, answers.size());
        assertEquals(ip("2001:db8::10"), firstAddress(answers.get(0)));
        assertEquals(1, forwarder.counters().get(Reason.SPOOF_WRONG_ID));
        assertEquals(1, forwarder.counters().get(Reason.SPOOF_WRONG_SOURCE));
        assertEquals(1, forwarder.counters().get(Reason.SPOOF_WRONG_QUESTION));
        assertNull(forwarder.cache().lookup(dev.ipv6boot.dns.wire.QuestionKey.of(name("evil.example").toWire(),
                Type.AAAA, DClass.IN, 0), System.nanoTime()), "a forgery must not reach the cache");
    }

    @Test
    void carriesManyQueriesOnOnePooledSocketAndMatchesAnswersById() throws Exception {
        FakeUpstream upstream = upstream(r -> null);                     // the test answers, in reverse order
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address())
                .upstreamSockets(1).upstreamSocketQueries(1000).upstreamTimeout(Duration.ofSeconds(8)));
        int count = 40;
        List<DatagramSocket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                DatagramSocket socket = new DatagramSocket();
                socket.setSoTimeout(10_000);
                clients.add(socket);
                byte[] wire = query("host" + i + ".example", Type.AAAA, false).toWire();
                socket.send(new DatagramPacket(wire, wire.length, at(forwarder)));
            }
            List<FakeUpstream.Received> asked = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                FakeUpstream.Received r = upstream.received.poll(5, TimeUnit.SECONDS);
                assertNotNull(r, "query " + i + " reached the upstream");
                asked.add(r);
            }
            Set<Integer> ports = new HashSet<>();
            Set<String> portAndId = new HashSet<>();
            for (FakeUpstream.Received r : asked) {
                ports.add(r.source().getPort());
                assertTrue(portAndId.add(r.source().getPort() + "/" + r.query().getHeader().getID()),
                        "two queries in flight with the same ID on one socket");
            }
            assertTrue(ports.size() <= 2, "one socket per event loop (2 loops): " + ports);
            for (int i = count - 1; i >= 0; i--) {
                FakeUpstream.Received r = asked.get(i);
                String host = r.query().getQuestion().getName().getLabelString(0);   // "hostN"
                upstream.sendFromUpstream(aaaaFor(r, "2001:db8::" + (0x100 + Integer.parseInt(host.substring(4))))
                        .toWire(), r.source());
            }
            for (int i = 0; i < count; i++) {
                DatagramPacket packet = new DatagramPacket(new byte[512], 512);
                clients.get(i).receive(packet);
                Message answer = DnsTestMessages.parse(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                assertEquals(name("host" + i + ".example"), answer.getQuestion().getName());
                assertEquals(ip("2001:db8::" + (0x100 + i)), firstAddress(answer), "host" + i + " got its own answer");
            }
        } finally {
            clients.forEach(DatagramSocket::close);
        }
        assertEquals(count, forwarder.counters().get(Reason.ANSWERED_UPSTREAM));
        assertEquals(0, forwarder.counters().get(Reason.SPOOF_WRONG_ID));
    }

    @Test
    void replacesAnUpstreamSocketWithOneOnANewPortAfterItsQuota() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address())
                .upstreamSockets(1).upstreamSocketQueries(2));
        java.util.Map<Integer, Integer> queriesPerPort = new java.util.HashMap<>();
        int count = 12;
        for (int i = 0; i < count; i++) {
            assertNotNull(TestClient.udp(at(forwarder), query("quota" + i + ".example", Type.AAAA, false)));
            FakeUpstream.Received r = upstream.received.poll(5, TimeUnit.SECONDS);
            assertNotNull(r);
            queriesPerPort.merge(r.source().getPort(), 1, Integer::sum);
        }
        // 2 event loops with one socket each: however the clients spread, no port carries more than its quota.
        assertTrue(queriesPerPort.values().stream().allMatch(n -> n <= 2), "queries per port: " + queriesPerPort);
        assertTrue(queriesPerPort.size() >= count / 2, "queries per port: " + queriesPerPort);
    }

    @Test
    void countsAnAnswerArrivingAfterItsTimeoutAndNeverCachesIt() throws Exception {
        FakeUpstream upstream = upstream(r -> null);
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address())
                .upstreamTimeout(Duration.ofMillis(200)).attempts(1));
        Message servfail = TestClient.udp(at(forwarder), query("late.example", Type.AAAA, false));
        assertEquals(Rcode.SERVFAIL, servfail.getRcode());
        FakeUpstream.Received r = upstream.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(r);
        upstream.sendFromUpstream(aaaaFor(r, "2001:db8::bad").toWire(), r.source());
        for (int i = 0; i < 100 && forwarder.counters().get(Reason.SPOOF_WRONG_ID) == 0; i++) {
            Thread.sleep(50);                                                 // bounded wait for the late packet
        }
        assertEquals(1, forwarder.counters().get(Reason.SPOOF_WRONG_ID));
        assertEquals(0, forwarder.counters().get(Reason.ANSWERED_UPSTREAM));
        assertNull(forwarder.cache().lookup(dev.ipv6boot.dns.wire.QuestionKey.of(name("late.example").toWire(),
                Type.AAAA, DClass.IN, 0), System.nanoTime()), "a late answer must not reach the cache");
    }

    @Test
    void failsOverToTheNextUpstreamAndThenSkipsTheDeadOne() throws Exception {
        FakeUpstream dead = upstream(r -> null);
        FakeUpstream alive = upstream(r -> aaaaFor(r, "2001:db8::20"));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(dead.address())
                .upstream(alive.address()).upstreamTimeout(Duration.ofMillis(800)).failuresBeforeDown(1));

        Message first = TestClient.udp(at(forwarder), query("one.example", Type.AAAA, false));
        Message second = TestClient.udp(at(forwarder), query("two.example", Type.AAAA, false));

        assertEquals(ip("2001:db8::20"), firstAddress(first));
        assertEquals(ip("2001:db8::20"), firstAddress(second));
        assertEquals(1, dead.udpQueries.get(), "a dead upstream is skipped once marked down");
        assertEquals(1, forwarder.counters().get(Reason.UPSTREAM_TIMEOUT));
        assertEquals(1, forwarder.counters().get(Reason.UPSTREAM_FAILOVER));
    }

    @Test
    void answersServfailWhenNoUpstreamAnswers() throws Exception {
        FakeUpstream dead = upstream(r -> null);
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(dead.address())
                .upstreamTimeout(Duration.ofMillis(200)).attempts(2));
        Message answer = TestClient.udp(at(forwarder), query("one.example", Type.AAAA, false));
        assertEquals(Rcode.SERVFAIL, answer.getRcode());
        assertEquals(2, dead.udpQueries.get());
        assertEquals(1, forwarder.counters().get(Reason.SERVFAIL_SENT));
    }

    private static Message bigTxt(FakeUpstream.Received r) {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(new TXTRecord(r.query().getQuestion().getName(), DClass.IN, 300, ("record " + i + " ").repeat(20)));
        }
        return answer(r.query(), records);
    }

    @Test
    void truncatesToWholeRecordsWithTcForClientsWithoutEdnsAndAnswersWholeOverTcp() throws Exception {
        FakeUpstream upstream = upstream(DnsForwarderTest::bigTxt);     // about 1 KB: over 512, under 1232
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()));

        byte[] classic = TestClient.udp(at(forwarder), query("big.example", Type.TXT, false).toWire(), 5000);
        Message withEdns = TestClient.udp(at(forwarder), query("big.example", Type.TXT, true));
        Message overTcp = TestClient.tcp(at(forwarder), query("big.example", Type.TXT, false));

        assertTrue(classic.length <= 512, "classic UDP answer is " + classic.length + " bytes");
        Message truncated = DnsTestMessages.parse(classic);
        assertTrue(truncated.getHeader().getFlag(Flags.TC));
        int kept = truncated.getSection(Section.ANSWER).size();
        assertTrue(kept >= 1 && kept < 5, "whole records that fit are kept: " + kept);
        assertFalse(withEdns.getHeader().getFlag(Flags.TC));
        assertEquals(5, withEdns.getSection(Section.ANSWER).size());
        assertFalse(overTcp.getHeader().getFlag(Flags.TC));
        assertEquals(5, overTcp.getSection(Section.ANSWER).size());
        assertEquals(1, forwarder.counters().get(Reason.TRUNCATED));
    }

    @Test
    void retriesATruncatedUpstreamAnswerOverTcp() throws Exception {
        FakeUpstream upstream = upstream(r -> {
            Message tc = answer(r.query(), List.of());
            tc.getHeader().setFlag(Flags.TC);
            return tc;
        });
        upstream.answerTcp(DnsForwarderTest::bigTxt);
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()));

        Message answer = TestClient.tcp(at(forwarder), query("big.example", Type.TXT, false));

        assertEquals(5, answer.getSection(Section.ANSWER).size());
        assertEquals(1, upstream.tcpQueries.get());
        assertEquals(1, forwarder.counters().get(Reason.FORWARDED_TCP));
    }

    @Test
    void refusesOrDropsClientsAsTheAccessControlSays() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        DnsForwarder refusing = forwarder(DnsForwarderConfig.builder().upstream(upstream.address())
                .accessControl(AccessControl.of(List.of(AccessRule.parse("::1", AccessAction.REFUSE)))));
        DnsForwarder denying = forwarder(DnsForwarderConfig.builder().upstream(upstream.address())
                .accessControl(AccessControl.of(List.of(AccessRule.parse("::1", AccessAction.DENY)))));

        Message refused = TestClient.udp(at(refusing), query("mirror.example", Type.AAAA, false));
        byte[] denied = TestClient.udp(at(denying), query("mirror.example", Type.AAAA, false).toWire(), 500);
        byte[] deniedTcp = TestClient.tcp(at(denying), query("mirror.example", Type.AAAA, false).toWire(), 2000);

        assertEquals(Rcode.REFUSED, refused.getRcode());
        assertNull(denied);
        assertNull(deniedTcp, "a denied TCP client is disconnected without an answer");
        assertEquals(0, upstream.udpQueries.get());
        assertEquals(1, refusing.counters().get(Reason.ACL_REFUSED));
        assertEquals(2, denying.counters().get(Reason.ACL_DENIED));
    }

    @Test
    void refusesQueriesWithoutRecursionUnderAllowButNotUnderAllowSnoop() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        DnsForwarder allow = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()));
        DnsForwarder snoop = forwarder(DnsForwarderConfig.builder().upstream(upstream.address())
                .accessControl(AccessControl.of(List.of(AccessRule.parse("::1", AccessAction.ALLOW_SNOOP)))));
        Message noRd = query("mirror.example", Type.AAAA, false);
        noRd.getHeader().unsetFlag(Flags.RD);

        assertEquals(Rcode.REFUSED, TestClient.udp(at(allow), noRd).getRcode());
        assertEquals(Rcode.NOERROR, TestClient.udp(at(snoop), noRd).getRcode());
        assertEquals(1, allow.counters().get(Reason.REFUSED_NO_RECURSION));
    }

    @Test
    void answersMalformedQueriesWithTypedErrorsOrDropsAndKeepsListening() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()).upstreamTimeout(PATIENT));
        byte[] good = query("mirror.example", Type.AAAA, false).toWire();

        assertNull(TestClient.udp(at(forwarder), new byte[] {1, 2, 3}, 300));
        byte[] response = good.clone();
        response[2] |= (byte) 0x80;
        assertNull(TestClient.udp(at(forwarder), response, 300), "QR set: never answered");
        byte[] twoQuestions = good.clone();
        twoQuestions[5] = 2;
        assertEquals(Rcode.FORMERR, rcode(TestClient.udp(at(forwarder), twoQuestions, 2000)));
        byte[] notify = good.clone();
        notify[2] = (byte) (4 << 3);
        assertEquals(Rcode.NOTIMP, rcode(TestClient.udp(at(forwarder), notify, 2000)));
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 3);
        assertEquals(Rcode.FORMERR, rcode(TestClient.udp(at(forwarder), trailing, 2000)));
        byte[] pointer = good.clone();
        pointer[12] = (byte) 0xc0;
        assertEquals(Rcode.FORMERR, rcode(TestClient.udp(at(forwarder), pointer, 2000)));
        Message ednsVersion1 = query("mirror.example", Type.AAAA, false);
        ednsVersion1.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 1), Section.ADDITIONAL);
        Message badvers = TestClient.udp(at(forwarder), ednsVersion1);
        assertEquals(Rcode.BADVERS, badvers.getRcode());
        assertEquals(Rcode.REFUSED, TestClient.udp(at(forwarder), query("zone.example", Type.AXFR, false)).getRcode());

        assertEquals(ip("2001:db8::10"), firstAddress(DnsTestMessages.parse(TestClient.udp(at(forwarder), good, 5000))));
        DnsCounters c = forwarder.counters();
        assertEquals(1, c.get(Reason.MALFORMED_TOO_SHORT));
        assertEquals(1, c.get(Reason.MALFORMED_NOT_A_QUERY));
        assertEquals(1, c.get(Reason.MALFORMED_COUNTS));
        assertEquals(1, c.get(Reason.MALFORMED_OPCODE));
        assertEquals(1, c.get(Reason.MALFORMED_TRAILING_BYTES));
        assertEquals(1, c.get(Reason.MALFORMED_NAME));
        assertEquals(1, c.get(Reason.BAD_EDNS_VERSION));
        assertEquals(1, c.get(Reason.REFUSED_QUERY_TYPE));
        assertEquals(1, upstream.udpQueries.get());
    }

    private static int rcode(byte[] answer) {
        assertNotNull(answer, "expected an error answer");
        return answer[3] & 0x0f;
    }

    @Test
    void answersLocalRecordsAuthoritativelyIncludingThoseAddedAtRunTime() throws Exception {
        FakeUpstream upstream = upstream(r -> answer(r.query(), Rcode.NXDOMAIN, List.of(), List.of()));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()).upstreamTimeout(PATIENT)
                .localHost("boot.example", InetAddress.getByName("2001:db8::1")));
        forwarder.localRecords().putHost("node-17.boot.example", InetAddress.getByName("2001:db8::17"));

        Message boot = TestClient.udp(at(forwarder), query("BOOT.example", Type.AAAA, false));
        Message node = TestClient.udp(at(forwarder), query("node-17.boot.example", Type.AAAA, true));
        Name reverse = ReverseMap.fromAddress(InetAddress.getByName("2001:db8::17"));
        Message ptr = TestClient.udp(at(forwarder), Message.newQuery(Record.newRecord(reverse, Type.PTR, DClass.IN)));
        Message noA = TestClient.udp(at(forwarder), query("node-17.boot.example", Type.A, false));

        assertEquals(ip("2001:db8::1"), firstAddress(boot));
        assertTrue(boot.getHeader().getFlag(Flags.AA));
        assertEquals(ip("2001:db8::17"), firstAddress(node));
        assertEquals("node-17.boot.example.", ((PTRRecord) ptr.getSection(Section.ANSWER).get(0)).getTarget().toString());
        assertEquals(Rcode.NOERROR, noA.getRcode(), "a local name without an A record is NODATA, not forwarded");
        assertEquals(0, noA.getSection(Section.ANSWER).size());
        assertEquals(0, upstream.udpQueries.get());

        forwarder.localRecords().removeHost("node-17.boot.example", InetAddress.getByName("2001:db8::17"));
        Message gone = TestClient.udp(at(forwarder), query("node-17.boot.example", Type.AAAA, false));
        assertEquals(Rcode.NXDOMAIN, gone.getRcode(), "after removal the name is forwarded");
        assertEquals(1, upstream.udpQueries.get());
    }

    private static InetAddress v4(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static SOARecord soa(long ttl, long minimum) {
        return new SOARecord(name("example"), DClass.IN, ttl, name("ns.example"), name("hostmaster.example"),
                1, 3600, 600, 86400, minimum);
    }

    @Test
    void cachesNxdomainForTheSoaMinimumAndNotWithoutSoa() throws Exception {
        FakeUpstream upstream = upstream(r -> answer(r.query(), Rcode.NXDOMAIN, List.of(),
                r.query().getQuestion().getName().toString().startsWith("withsoa") ? List.of(soa(3600, 60)) : List.of()));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()).upstreamTimeout(PATIENT));
        for (int i = 0; i < 2; i++) {
            assertEquals(Rcode.NXDOMAIN, TestClient.udp(at(forwarder), query("withsoa.example", Type.AAAA, false)).getRcode());
            assertEquals(Rcode.NXDOMAIN, TestClient.udp(at(forwarder), query("nosoa.example", Type.AAAA, false)).getRcode());
        }
        assertEquals(3, upstream.udpQueries.get(), "once for withsoa (then cached), twice for nosoa");
        Message cached = TestClient.udp(at(forwarder), query("withsoa.example", Type.AAAA, false));
        assertTrue(cached.getSection(Section.AUTHORITY).get(0).getTTL() <= 3600);
    }

    @Test
    void synthesizesAaaaFromAWithDns64WhenTheNameHasNoAaaa() throws Exception {
        FakeUpstream upstream = upstream(r -> r.query().getQuestion().getType() == Type.AAAA
                ? answer(r.query(), Rcode.NOERROR, List.of(), List.of(soa(3600, 120)))
                : answer(r.query(), List.of(new ARecord(r.query().getQuestion().getName(), DClass.IN, 600,
                        v4("192.0.2.33")))));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()).upstreamTimeout(PATIENT)
                .dns64Prefix((java.net.Inet6Address) InetAddress.getByName("64:ff9b::")));

        Message answer = TestClient.udp(at(forwarder), query("v4only.example", Type.AAAA, false));

        Record aaaa = answer.getSection(Section.ANSWER).get(0);
        assertEquals(ip("64:ff9b::c000:221"), ((AAAARecord) aaaa).getAddress().getHostAddress());
        assertEquals(120, aaaa.getTTL(), "min(A TTL, SOA minimum of the AAAA answer), RFC 6147 §5.1.7");
        assertEquals(1, forwarder.counters().get(Reason.ANSWERED_DNS64));
        Message again = TestClient.udp(at(forwarder), query("v4only.example", Type.AAAA, false));
        assertEquals(ip("64:ff9b::c000:221"), firstAddress(again));
        assertEquals(2, upstream.udpQueries.get(), "AAAA then A, then the synthesized answer is cached");
    }

    @Test
    void tellsTheListenerWhatHappened() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        List<String> events = new CopyOnWriteArrayList<>();
        DnsForwarderListener listener = new DnsForwarderListener() {
            @Override
            public void queryForwarded(InetSocketAddress client, String name, int type, InetSocketAddress to) {
                events.add("forwarded " + name + " " + type);
            }

            @Override
            public void queryAnswered(InetSocketAddress client, String name, int type, AnswerSource source, int rcode,
                                      boolean truncated) {
                events.add("answered " + name + " " + source + " " + rcode);
            }

            @Override
            public void queryRejected(InetSocketAddress client, Reason reason) {
                events.add("rejected " + reason);
            }
        };
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()), listener);
        TestClient.udp(at(forwarder), query("mirror.example", Type.AAAA, false));
        TestClient.udp(at(forwarder), query("mirror.example", Type.AAAA, false));
        TestClient.udp(at(forwarder), new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 300);

        assertEquals(List.of("forwarded mirror.example. 28", "answered mirror.example. UPSTREAM 0",
                "answered mirror.example. CACHE 0", "rejected MALFORMED_COUNTS"), events);
    }

    @Test
    void aListenerThatThrowsCostsNoAnswer() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        DnsForwarderListener broken = new DnsForwarderListener() {
            @Override
            public void queryForwarded(InetSocketAddress client, String name, int type, InetSocketAddress to) {
                throw new IllegalStateException("application bug");
            }

            @Override
            public void queryAnswered(InetSocketAddress client, String name, int type, AnswerSource source, int rcode,
                                      boolean truncated) {
                throw new IllegalStateException("application bug");
            }
        };
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()), broken);
        assertEquals(ip("2001:db8::10"), firstAddress(TestClient.udp(at(forwarder), query("a.example", Type.AAAA, false))));
        assertEquals(ip("2001:db8::10"), firstAddress(TestClient.udp(at(forwarder), query("a.example", Type.AAAA, false))));
        assertEquals(3, forwarder.counters().get(Reason.LISTENER_FAILED));
    }

    @Test
    void servesSeveralPipelinedQueriesOnOneTcpConnection() throws Exception {
        FakeUpstream upstream = upstream(r -> aaaaFor(r, "2001:db8::10"));
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()));
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(at(forwarder), 2000);
            socket.setSoTimeout(5000);
            java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(both);
            for (int id : new int[] {7, 8}) {
                Message q = query("host" + id + ".example", Type.AAAA, false);
                q.getHeader().setID(id);
                byte[] wire = q.toWire();
                out.writeShort(wire.length);
                out.write(wire);
            }
            socket.getOutputStream().write(both.toByteArray());      // one segment, two queries
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            Set<Integer> ids = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                byte[] answer = new byte[in.readUnsignedShort()];
                in.readFully(answer);
                Message m = DnsTestMessages.parse(answer);
                ids.add(m.getHeader().getID());
                assertEquals(ip("2001:db8::10"), firstAddress(m));
            }
            assertEquals(Set.of(7, 8), ids);
        }
        assertEquals(2, forwarder.counters().get(Reason.RECEIVED_TCP));
    }

    @Test
    void answersServfailAtOnceWhenTooManyQueriesWaitUpstream() throws Exception {
        FakeUpstream silent = upstream(r -> null);
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(silent.address())
                .upstreamTimeout(Duration.ofSeconds(3)).attempts(1).maxOutstanding(1));
        byte[] first = query("one.example", Type.AAAA, false).toWire();
        try (DatagramSocket waiting = new DatagramSocket()) {
            waiting.send(new DatagramPacket(first, first.length, at(forwarder)));
            assertNotNull(silent.received.poll(5, TimeUnit.SECONDS), "the first query is upstream");
            Message second = TestClient.udp(at(forwarder), query("two.example", Type.AAAA, false));
            assertEquals(Rcode.SERVFAIL, second.getRcode());
        }
        assertEquals(1, forwarder.counters().get(Reason.OVERLOADED));
        assertEquals(1, silent.udpQueries.get());
    }

    @Test
    void identicalQuestionsInFlightShareOneUpstreamQuery() throws Exception {
        FakeUpstream slow = upstream(r -> {
            try {
                Thread.sleep(1500);                      // long enough for every client to ask meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return aaaaFor(r, "2001:db8::10");
        });
        DnsForwarder forwarder = forwarder(DnsForwarderConfig.builder().upstream(slow.address())
                .upstreamTimeout(Duration.ofSeconds(5)));
        List<DatagramSocket> clients = new ArrayList<>();
        try {
            for (int id = 1; id <= 5; id++) {
                DatagramSocket socket = new DatagramSocket();
                socket.setSoTimeout(8000);
                clients.add(socket);
                Message q = query("mirror.example", Type.AAAA, false);
                q.getHeader().setID(id);
                byte[] wire = q.toWire();
                socket.send(new DatagramPacket(wire, wire.length, at(forwarder)));
            }
            for (int id = 1; id <= 5; id++) {
                DatagramPacket packet = new DatagramPacket(new byte[512], 512);
                clients.get(id - 1).receive(packet);
                Message answer = DnsTestMessages.parse(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                assertEquals(id, answer.getHeader().getID(), "each client gets its own ID back");
                assertEquals(ip("2001:db8::10"), firstAddress(answer));
            }
        } finally {
            clients.forEach(DatagramSocket::close);
        }
        assertEquals(1, slow.udpQueries.get());
        assertEquals(4, forwarder.counters().get(Reason.COALESCED));
        assertEquals(5, forwarder.counters().get(Reason.ANSWERED_UPSTREAM));
    }

    @Test
    void refusesToStartOnAnAddressInUse() throws Exception {
        FakeUpstream upstream = upstream(r -> null);
        DnsForwarder first = forwarder(DnsForwarderConfig.builder().upstream(upstream.address()));
        DnsForwarderConfig clash = DnsForwarderConfig.builder().listen(at(first)).upstream(upstream.address()).build();
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> DnsForwarder.start(clash, DnsForwarderListener.NONE));
        assertTrue(e.getMessage().contains("cannot listen"));
        assertArrayEquals(new byte[0], new byte[0]);
    }
}
