package dev.ipv6boot.bench.dhcp6;

import dev.ipv6boot.dhcp6.lease.AddressChooser;
import dev.ipv6boot.dhcp6.lease.InMemoryLeaseStore;
import dev.ipv6boot.dhcp6.policy.Dhcp6Policy;
import dev.ipv6boot.dhcp6.policy.PolicyText;
import dev.ipv6boot.dhcp6.server.Dhcp6Responder;
import dev.ipv6boot.dhcp6.server.LinkContext;
import dev.ipv6boot.dhcp6.server.Outcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
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

/**
 * The whole classify-and-answer path of the server for one captured message: decode, classify (built-in and
 * configured classes), choose the subnet, identify the machine, choose (and for a Request bind) its address,
 * choose the options and write the reply, Relay-repl nesting included. No socket and no journal: what the event
 * loop spends per packet. Goal (issue 3): at most 1 µs/op and 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dio.netty.leakDetection.level=disabled"})
public class Dhcp6AnswerBenchmark extends CapturedMessageBuffers {

    private static final String POLICY = String.join("\n",
            "authoritative",
            "class RACK1 relay6[0].linkaddr == 0x20010db8000100000000000000000001",
            "option dns-servers 2001:db8::1",
            "option domain-search boot.example",
            "if member('IPXE')",
            "  option bootfile-url http://[2001:db8::1]/ubuntu.cfg",
            "elif member('EDK2_PXE')",
            "  option bootfile-url tftp://[2001:db8::1]/ipxe.efi",
            "elif member('UEFI_HTTP')",
            "  option bootfile-url http://[2001:db8::1]/ipxe.efi",
            "elif option[61].hex == 0x0007",
            "  option bootfile-url http://[2001:db8::1]/ipxe.efi",
            "end",
            "subnet 2001:db8::/64 interface eth0",
            "  pool 2001:db8::1:0 - 2001:db8::1:ffff",
            "end",
            "subnet 2001:db8:1::/64",
            "  pool 2001:db8:1::/64",
            "end");

    private Dhcp6Responder responder;
    private final LinkContext link = new LinkContext();
    private ByteBuf out;

    @Setup(Level.Trial)
    public void setUp() {
        allocateCapturedMessages();
        Dhcp6Policy policy = PolicyText.parse(POLICY);
        byte[] salt = new byte[16];
        responder = new Dhcp6Responder(policy, new InMemoryLeaseStore(1024), new AddressChooser(salt), 0x020000000001L);
        link.set("eth0", 0xfe80_0000_0000_0000L, 0x5054_00ff_fe12_3456L, 1_800_000_000L);
        out = PooledByteBufAllocator.DEFAULT.directBuffer(1500);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        releaseCapturedMessages();
        out.release();
    }

    private int answer(ByteBuf in) {
        out.clear();
        Outcome outcome = responder.respond(in, link, out);
        if (outcome != Outcome.REPLIED) {
            throw new IllegalStateException(outcome.description());
        }
        return out.writerIndex();
    }

    /** EDK2 PXE Solicit → Advertise with address, tftp:// URL, Preference 255. */
    @Benchmark
    public int answerUefiPxeSolicit() {
        return answer(uefiPxeSolicit);
    }

    /** iPXE Solicit → Advertise with the script URL. */
    @Benchmark
    public int answerIpxeSolicit() {
        return answer(ipxeSolicit);
    }

    /** dhclient Request → Reply, binding (and re-binding) the lease in the in-memory store. */
    @Benchmark
    public int answerDhclientRequest() {
        return answer(dhclientRequest);
    }

    /** Relay-forw two relays deep (a relayed Request) → Relay-repl in Relay-repl, Interface-ID echoed. */
    @Benchmark
    public int answerRelayedRequestTwoHops() {
        return answer(relayForwardTwoHops);
    }
}
