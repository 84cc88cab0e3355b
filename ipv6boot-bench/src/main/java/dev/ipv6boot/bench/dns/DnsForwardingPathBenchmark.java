package dev.ipv6boot.bench.dns;

import dev.ipv6boot.dns.cache.CachedAnswer;
import dev.ipv6boot.dns.cache.DnsCache;
import dev.ipv6boot.dns.wire.DnsAnswer;
import dev.ipv6boot.dns.wire.DnsQueryView;
import dev.ipv6boot.dns.wire.QueryStatus;
import dev.ipv6boot.dns.wire.QuestionKey;
import dev.ipv6boot.dns.wire.ResponseWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsSection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The per-query answering path of a cache hit, ours against dnsjava's, on dig's real AAAA query and dnsmasq's
 * real answer (ipv6boot-dns/src/test/resources/vectors/dns-forwarder-udp-tcp.pcap, frames 1 and 2).
 *
 * <ul>
 *   <li>{@code ipv6bootCacheHitPath}: view over the query (header, question, OPT), cache lookup with the
 *       view's probe key, response written with the client's ID, question and an OPT into a reused buffer.</li>
 *   <li>{@code ipv6bootQueryView}: the view alone.</li>
 *   <li>{@code ipv6bootAccessDecision}: the access-control decision made for every query, for a client
 *       address in the allowed /64 of a list shaped like the seed's (loopback, the /32, the /64).</li>
 *   <li>{@code dnsjavaMessageParse}: dnsjava's full {@code Message} parse of the same query.</li>
 *   <li>{@code dnsjavaCacheHitPath}: the same hit with dnsjava: parse the query, look the cached answer up by
 *       its question, copy it with the client's ID and serialize it.</li>
 * </ul>
 * <ul>
 *   <li>{@code nettyDatagramDnsQueryDecoder}: Netty's {@code DatagramDnsQueryDecoder} decoding the same query from
 *       a {@code DatagramPacket}, as a Netty DNS server's pipeline would (the packet and its duplicate are what
 *       a channel read hands the decoder).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DnsForwardingPathBenchmark {
    /** dig 9.18: AAAA www.lab.example, RD, EDNS 1232 with a cookie. Frame 1. */
    static final byte[] DIG_QUERY = HexFormat.of().parseHex(
            "fb250120000100000000000103777777036c6162076578616d706c6500001c000100002904d000000000000c000a0008c5873781bf8f1ef7");
    /** dnsmasq 2.90's answer: one AAAA, OPT. Frame 2. */
    static final byte[] DNSMASQ_ANSWER = HexFormat.of().parseHex(
            "fb258580000100010000000103777777036c6162076578616d706c6500001c0001c00c001c000100000e10001020010db800000000000000000000008000002904d0000000000000");

    private ByteBuf query;
    private ByteBuf out;
    private DnsQueryView view;
    private DnsCache cache;
    private long now;

    private java.util.Map<org.xbill.DNS.Record, Message> dnsjavaCache;
    private dev.ipv6boot.dns.acl.AccessControl accessControl;
    private java.net.InetAddress client;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        query = Unpooled.directBuffer(DIG_QUERY.length).writeBytes(DIG_QUERY);
        out = Unpooled.directBuffer(1500);
        view = new DnsQueryView();
        cache = new DnsCache(10_000, 86400, 3600);
        now = System.nanoTime();
        // Fill the cache with other names too, so the lookup is not into a one-entry map.
        for (int i = 0; i < 5000; i++) {
            byte[] other = DNSMASQ_ANSWER.clone();
            other[13] = (byte) ('a' + i % 26);
            other[14] = (byte) ('a' + (i / 26) % 26);
            other[15] = (byte) ('a' + (i / 676) % 26);
            DnsAnswer answer = DnsAnswer.index(Unpooled.wrappedBuffer(other));
            cache.store(answer.question(), answer, now);
        }
        if (view.parse(query) != QueryStatus.OK) {
            throw new IllegalStateException("captured query does not parse");
        }
        cache.store(view.key(), DnsAnswer.index(Unpooled.wrappedBuffer(DNSMASQ_ANSWER)), now);
        accessControl = dev.ipv6boot.dns.acl.AccessControl.of(List.of(
                dev.ipv6boot.dns.acl.AccessRule.parse("2001:db8::/32", dev.ipv6boot.dns.acl.AccessAction.REFUSE),
                dev.ipv6boot.dns.acl.AccessRule.parse("2001:db8::/64", dev.ipv6boot.dns.acl.AccessAction.ALLOW)));
        client = java.net.InetAddress.getByName("2001:db8::1234");
        dnsjavaCache = new java.util.HashMap<>();
        Message cached = new Message(DNSMASQ_ANSWER);
        dnsjavaCache.put(cached.getQuestion(), cached);
        for (int i = 0; i < 5000; i++) {
            dnsjavaCache.put(org.xbill.DNS.Record.newRecord(org.xbill.DNS.Name.fromString("n" + i + ".lab.example."),
                    28, 1), cached);
        }
    }

    @Benchmark
    public int ipv6bootCacheHitPath() {
        if (view.parse(query) != QueryStatus.OK) {
            return -1;
        }
        CachedAnswer hit = cache.lookup(view.key(), now);
        out.clear();
        ResponseWriter.writeAnswer(out, view, hit.answer(), ResponseWriter.udpLimit(view, 1232),
                hit.elapsedSeconds(now), 1232);
        return out.readableBytes();
    }

    @Benchmark
    public dev.ipv6boot.dns.acl.AccessAction ipv6bootAccessDecision() {
        return accessControl.decide(client);
    }

    @Benchmark
    public QuestionKey ipv6bootQueryView() {
        view.parse(query);
        return view.key();
    }

    @Benchmark
    public int nettyDatagramDnsQueryDecoder() throws Exception {
        DnsQuery decoded = nettyDecoder.decodeOne(new DatagramPacket(query.duplicate(), NETTY_RECIPIENT, NETTY_SENDER));
        try {
            return decoded.id() + decoded.count(DnsSection.QUESTION);
        } finally {
            decoded.release();
        }
    }

    /** Exposes the decoder's protected {@code decode}; it does not use the context. */
    private static final class ExposedQueryDecoder extends DatagramDnsQueryDecoder {
        private final List<Object> out = new ArrayList<>(1);

        DnsQuery decodeOne(DatagramPacket packet) throws Exception {
            out.clear();
            decode(null, packet, out);
            return (DnsQuery) out.get(0);
        }
    }

    private static final InetSocketAddress NETTY_SENDER = new InetSocketAddress("::1", 40000);
    private static final InetSocketAddress NETTY_RECIPIENT = new InetSocketAddress("::1", 53);
    private final ExposedQueryDecoder nettyDecoder = new ExposedQueryDecoder();

    @Benchmark
    public Message dnsjavaMessageParse() throws IOException {
        return new Message(DIG_QUERY);
    }

    @Benchmark
    public byte[] dnsjavaCacheHitPath() throws IOException {
        Message q = new Message(DIG_QUERY);
        Message cached = dnsjavaCache.get(q.getQuestion());
        Message reply = cached.clone();
        reply.getHeader().setID(q.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        if (q.getOPT() == null) {
            reply.removeAllRecords(Section.ADDITIONAL);
        }
        return reply.toWire(q.getOPT() == null ? 512 : 1232);
    }
}
