package dev.ipv6boot.bench.ndp;

import dev.ipv6boot.ndp.codec.DnsSearchList;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.NdpFormatException;
import dev.ipv6boot.ndp.codec.NdpMessageView;
import dev.ipv6boot.ndp.codec.NdpStatus;
import dev.ipv6boot.ndp.codec.PrefixInformation;
import dev.ipv6boot.ndp.codec.RecursiveDnsServers;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.codec.SourceLinkLayerAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.ndp.NeighborDiscoveryOptions;
import org.onlab.packet.ndp.RouterSolicitation;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The advertiser's two hot paths, each beside ONOS's {@code org.onlab.packet.ndp} (onlab-misc 2.7.0):
 * writing the configured RA (PIO + RDNSS + DNSSL + SLLA) into a reused buffer, and parsing an incoming RS for
 * its source link-layer address. ONOS has no typed PIO/RDNSS/DNSSL, so its RA gets the same option bodies as
 * bytes, as an ONOS application would have to supply them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NdpCodecBenchmark {
    /** rdisc6's RS with a source link-layer address, from ndp-radvd-rs-ra.pcap. */
    private static final byte[] RS = HexFormat.of().parseHex("8500a1b4000000000101020000000002");

    private RouterAdvertisement ra;
    private ByteBuf out;
    private ByteBuf rsBuf;
    private ByteBuf raBuf;
    private NdpMessageView view;
    private byte[] raBytes;
    private byte[] onosPio;
    private byte[] onosRdnss;
    private byte[] onosDnssl;
    private byte[] onosSlla;

    @Setup(Level.Trial)
    public void setUp() {
        ra = RouterAdvertisement.builder().otherConfig(true).routerLifetime(180)
                .option(PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64))
                .option(new RecursiveDnsServers(60, List.of(Ipv6Address.parse("2001:db8::1"))))
                .option(new DnsSearchList(60, List.of("boot.example")))
                .option(new SourceLinkLayerAddress(0x020000000001L))
                .build();
        out = Unpooled.buffer(1500, 1500);           // heap, as the advertiser keeps its encoded RAs
        rsBuf = Unpooled.wrappedBuffer(RS);
        view = new NdpMessageView();
        ra.writeTo(out);
        raBytes = new byte[out.readableBytes()];
        out.getBytes(0, raBytes);
        onosPio = body(raBytes, 16, 32);
        onosRdnss = body(raBytes, 48, 24);
        onosDnssl = body(raBytes, 72, 24);
        onosSlla = body(raBytes, 96, 8);
        raBuf = Unpooled.wrappedBuffer(raBytes);
        byte[] onos = onosBuildAndSerializeRa();
        if (!HexFormat.of().formatHex(onos).equals(HexFormat.of().formatHex(raBytes, 4, raBytes.length))) {
            throw new IllegalStateException("both sides must produce the same RA: " + HexFormat.of().formatHex(onos));
        }
    }

    private static byte[] body(byte[] message, int optionStart, int optionLength) {
        byte[] body = new byte[optionLength - 2];
        System.arraycopy(message, optionStart + 2, body, 0, body.length);
        return body;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
        rsBuf.release();
        raBuf.release();
    }

    /** Ours: the configured RA written into the advertiser's reused buffer. */
    @Benchmark
    public ByteBuf ndpWriteRa() {
        out.clear();
        ra.writeTo(out);
        return out;
    }

    /** Ours: building the RA from its values too (what a configuration change costs). */
    @Benchmark
    public ByteBuf ndpBuildAndWriteRa() {
        out.clear();
        RouterAdvertisement built = RouterAdvertisement.builder().otherConfig(true).routerLifetime(180)
                .option(ra.options().get(0)).option(ra.options().get(1)).option(ra.options().get(2))
                .option(ra.options().get(3)).build();
        built.writeTo(out);
        return out;
    }

    /** ONOS: build the RA object with the same option bodies and serialize it. */
    @Benchmark
    public byte[] onosBuildAndSerializeRa() {
        org.onlab.packet.ndp.RouterAdvertisement onos = new org.onlab.packet.ndp.RouterAdvertisement();
        onos.setCurrentHopLimit((byte) 64);
        onos.setOFlag((byte) 1);
        onos.setRouterLifetime((short) 180);
        onos.addOption(NeighborDiscoveryOptions.TYPE_PREFIX_INFORMATION, onosPio);
        onos.addOption((byte) 25, onosRdnss);
        onos.addOption((byte) 31, onosDnssl);
        onos.addOption(NeighborDiscoveryOptions.TYPE_SOURCE_LL_ADDRESS, onosSlla);
        return onos.serialize();
    }

    /** Ours: validate an RS and take its source link-layer address. */
    @Benchmark
    public long ndpParseRs() {
        NdpStatus status = view.parse(rsBuf, false);
        return status == NdpStatus.OK ? view.sourceLinkLayerAddress() : -2;
    }

    /** ONOS: deserialize the same RS and take its source link-layer address option. */
    @Benchmark
    public int onosParseRs() throws DeserializationException {
        RouterSolicitation rs = RouterSolicitation.deserializer().deserialize(RS, 4, RS.length - 4);
        return rs.getOptions().get(0).data().length;
    }

    /** Ours: read a whole RA into values (what a monitoring tool does; the advertiser never needs it). */
    @Benchmark
    public RouterAdvertisement ndpReadRa() throws NdpFormatException {
        return RouterAdvertisement.read(raBuf);
    }

    /** ONOS: deserialize the same RA. */
    @Benchmark
    public org.onlab.packet.ndp.RouterAdvertisement onosReadRa() throws DeserializationException {
        return org.onlab.packet.ndp.RouterAdvertisement.deserializer().deserialize(raBytes, 4, raBytes.length - 4);
    }
}
