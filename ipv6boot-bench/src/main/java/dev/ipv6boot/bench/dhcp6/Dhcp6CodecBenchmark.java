package dev.ipv6boot.bench.dhcp6;

import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.onlab.packet.DHCP6;
import org.onlab.packet.DeserializationException;
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

import java.util.concurrent.TimeUnit;

/**
 * Parsing the messages of a boot storm and building the Advertise that answers them: ipv6boot's flyweight view
 * and writer against the ONOS DHCPv6 codec ({@code onos…} methods) on the same captured bytes.
 *
 * <p>{@code parse…}: ours validates the whole message (nested regions included) and indexes its options; ONOS
 * deserialises it into its object graph. The plain {@code parse…} methods read a pooled direct buffer, as the
 * server's datagram reads deliver it, which the view first copies into its own array (about 7 ns for the iPXE
 * Solicit); {@code parse…Heap} read a heap buffer over a Java array, in place: the input ONOS's methods get, so the
 * like-for-like comparison of the two codecs. {@code classify…} adds, on our side, the reads a classifier makes next
 * (architecture type, user class, vendor class), which ONOS's graph would answer from fields. Run with
 * {@code -prof gc}: the point is as much {@code gc.alloc.rate.norm} as time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dio.netty.leakDetection.level=disabled"})
public class Dhcp6CodecBenchmark extends CapturedMessageBuffers {
    private static final String BOOT_URL = "tftp://[2001:db8::1]/ipxe.efi";
    private static final long SERVER_MAC = 0x020000000001L;
    private static final long DNS_HIGH = 0x20010db800000000L;
    private static final long DNS_LOW = 1L;
    private static final long ADDRESS_HIGH = 0x20010db800000000L;
    private static final long ADDRESS_LOW = 0x0000000000010006L;
    /** EDK2's PXE receive buffer (see the captures' README): a reply must fit. */
    private static final int EDK2_MAX_REPLY = 1472;

    private final Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
    private final Dhcp6MessageView solicit = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
    private final Dhcp6Writer writer = new Dhcp6Writer();

    private ByteBuf reply;
    private final ByteBuf uefiPxeSolicitHeap = Unpooled.wrappedBuffer(CapturedMessages.UEFI_PXE_SOLICIT);
    private final ByteBuf ipxeSolicitHeap = Unpooled.wrappedBuffer(CapturedMessages.IPXE_SOLICIT);
    private final ByteBuf dhclientRequestHeap = Unpooled.wrappedBuffer(CapturedMessages.DHCLIENT_REQUEST);
    private final ByteBuf relayForwardTwoHopsHeap = Unpooled.wrappedBuffer(CapturedMessages.RELAY_FORWARD_TWO_HOPS);
    private int solicitClientIdOffset;
    private int solicitClientIdLength;
    private int transactionId;

    private OnosAdvertiseBuilder onosAdvertise;
    private byte[] clientDuid;

    @Setup(Level.Trial)
    public void setUp() {
        allocateCapturedMessages();
        reply = PooledByteBufAllocator.DEFAULT.directBuffer(EDK2_MAX_REPLY, EDK2_MAX_REPLY);
        for (ByteBuf message : new ByteBuf[]{uefiPxeSolicit, ipxeSolicit, dhclientRequest, relayForwardTwoHops,
                uefiPxeSolicitHeap, ipxeSolicitHeap, dhclientRequestHeap, relayForwardTwoHopsHeap}) {
            if (!view.wrap(message)) {
                throw new IllegalStateException("captured message does not decode: " + view.error());
            }
        }
        if (!solicit.wrap(uefiPxeSolicit)) {
            throw new IllegalStateException(solicit.error().description());
        }
        int clientId = solicit.clientIdIndex();
        solicitClientIdOffset = solicit.optionOffset(clientId);
        solicitClientIdLength = solicit.optionLength(clientId);
        transactionId = solicit.transactionId();
        clientDuid = new byte[solicitClientIdLength];
        uefiPxeSolicit.getBytes(solicitClientIdOffset, clientDuid);
        onosAdvertise = new OnosAdvertiseBuilder(clientDuid, new byte[]{2, 0, 0, 0, 0, 1},
                address(ADDRESS_HIGH, ADDRESS_LOW), address(DNS_HIGH, DNS_LOW), BOOT_URL);
        if (buildAdvertise() < 0) {
            throw new IllegalStateException("advertise does not encode: " + writer.error());
        }
        byte[] ours = new byte[reply.readableBytes()];
        reply.getBytes(reply.readerIndex(), ours);
        byte[] theirs = onosAdvertise.build(transactionId, 0xfab37777);
        if (!java.util.Arrays.equals(ours, theirs)) {
            throw new IllegalStateException("the two Advertises differ, the comparison would be unfair:\n"
                    + java.util.HexFormat.of().formatHex(ours) + "\n" + java.util.HexFormat.of().formatHex(theirs));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        releaseCapturedMessages();
        reply.release();
    }

    /** What a classifier reads first: arch type, user class iPXE, vendor class; -1 when malformed. */
    private int classify(ByteBuf message) {
        if (!view.wrap(message)) {
            return -1;
        }
        Dhcp6MessageView client = view.innermost();
        int arch = client.archTypeCount() > 0 ? client.archType(0) : 0;
        boolean ipxe = client.hasUserClass("iPXE");
        boolean pxeClient = client.vendorClassStartsWith("PXEClient");
        return client.transactionId() ^ arch ^ (ipxe ? 1 << 24 : 0) ^ (pxeClient ? 1 << 25 : 0);
    }

    /** Parsing alone: validate the whole message (nested regions included) and index its options. */
    private int parse(ByteBuf message) {
        return view.wrap(message) ? view.innermost().optionCount() : -1;
    }

    @Benchmark
    public int parseUefiPxeSolicit() {
        return parse(uefiPxeSolicit);
    }

    @Benchmark
    public int parseIpxeSolicit() {
        return parse(ipxeSolicit);
    }

    @Benchmark
    public int parseDhclientRequest() {
        return parse(dhclientRequest);
    }

    @Benchmark
    public int parseRelayForwardTwoHops() {
        return parse(relayForwardTwoHops);
    }

    @Benchmark
    public int parseUefiPxeSolicitHeap() {
        return parse(uefiPxeSolicitHeap);
    }

    @Benchmark
    public int parseIpxeSolicitHeap() {
        return parse(ipxeSolicitHeap);
    }

    @Benchmark
    public int parseDhclientRequestHeap() {
        return parse(dhclientRequestHeap);
    }

    @Benchmark
    public int parseRelayForwardTwoHopsHeap() {
        return parse(relayForwardTwoHopsHeap);
    }

    @Benchmark
    public int classifyUefiPxeSolicit() {
        return classify(uefiPxeSolicit);
    }

    @Benchmark
    public int classifyIpxeSolicit() {
        return classify(ipxeSolicit);
    }

    /** Advertise to the UEFI PXE Solicit: Server-ID, echoed Client-ID, IA_NA/IAADDR, Preference, DNS, boot URL. */
    @Benchmark
    public int buildAdvertise() {
        reply.clear();
        boolean written = writer.begin(reply, EDK2_MAX_REPLY)
                .header(Dhcp6MessageType.ADVERTISE.value(), transactionId)
                .serverIdLl(SERVER_MAC)
                .clientId(uefiPxeSolicit, solicitClientIdOffset, solicitClientIdLength)
                .iaNa(0xfab37777L, 1800, 2880).iaAddress(ADDRESS_HIGH, ADDRESS_LOW, 3600, 7200).endOption()
                .preference(255)
                .dnsServers(DNS_HIGH, DNS_LOW)
                .bootFileUrl(BOOT_URL)
                .finish();
        return written ? writer.length() : -1;
    }

    @Benchmark
    public DHCP6 onosParseUefiPxeSolicit() throws DeserializationException {
        return onosParse(CapturedMessages.UEFI_PXE_SOLICIT);
    }

    @Benchmark
    public DHCP6 onosParseIpxeSolicit() throws DeserializationException {
        return onosParse(CapturedMessages.IPXE_SOLICIT);
    }

    @Benchmark
    public DHCP6 onosParseDhclientRequest() throws DeserializationException {
        return onosParse(CapturedMessages.DHCLIENT_REQUEST);
    }

    @Benchmark
    public DHCP6 onosParseRelayForwardTwoHops() throws DeserializationException {
        return onosParse(CapturedMessages.RELAY_FORWARD_TWO_HOPS);
    }

    @Benchmark
    public byte[] onosBuildAdvertise() {
        return onosAdvertise.build(transactionId, 0xfab37777);
    }

    private static DHCP6 onosParse(byte[] message) throws DeserializationException {
        return DHCP6.deserializer().deserialize(message, 0, message.length);
    }

    private static byte[] address(long high, long low) {
        return java.nio.ByteBuffer.allocate(16).putLong(high).putLong(low).array();
    }
}
