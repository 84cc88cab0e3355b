package dev.ipv6boot.dhcp6.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.lease.InMemoryLeaseStore;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.policy.PolicyText;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server over real UDP on the loopback, as a relay sees it (no root needed: an unprivileged port, the ::1
 * relay socket): Relay-repl to the relay's own source port (RFC 8357), the lease journaled before the reply,
 * counters by reason; on both transports (epoll is on this module's test class path).
 */
class Dhcp6ServerTest {

    @TempDir
    Path dir;

    private static byte[] relayedRequest(long mac, int type) {
        byte[] inner = type == 1 ? Dhcp6ResponderTest.solicit(mac, true)
                : Dhcp6ResponderTest.request(type, mac, true, 0, 0);
        return Dhcp6ResponderTest.relayForward(0x20010db800020000L, 1, "port9", inner);
    }

    @ParameterizedTest
    @EnumSource(names = {"NIO", "EPOLL"})
    void answersARelayAtItsSourcePortOnlyAfterTheLeaseIsDurable(Dhcp6Transport transport) throws Exception {
        Path journal = dir.resolve("leases");
        AtomicInteger bound = new AtomicInteger();
        Dhcp6ServerConfig config = new Dhcp6ServerConfig(List.of(), List.of("::1"), 0, 546, 1 << 20, journal,
                Dhcp6ResponderTest.SALT, Dhcp6ResponderTest.SERVER_MAC, 1000, 1024, transport);
        Dhcp6Server server = Dhcp6Server.start(PolicyText.parse(Dhcp6ResponderTest.POLICY), config, new Dhcp6Listener() {
            @Override
            public void leaseBound(Lease lease) {
                bound.incrementAndGet();
            }
        });
        assertEquals(transport.name().toLowerCase(java.util.Locale.ROOT), server.transportName());
        InetSocketAddress at = server.localAddresses().get(0);
        try (DatagramSocket relay = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            relay.setSoTimeout(5000);
            for (int i = 0; i < 50; i++) {
                byte[] request = relayedRequest(0x020000001000L + i, 1);   // Solicit with Rapid Commit: binds
                relay.send(new DatagramPacket(request, request.length, at));
                DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
                relay.receive(reply);
                Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
                assertTrue(v.wrap(Unpooled.wrappedBuffer(reply.getData(), 0, reply.getLength())));
                assertEquals(13, v.messageType());
                assertEquals(7, v.innermost().messageType(), "Reply with Rapid Commit");
                assertTrue(v.innermost().hasRapidCommit());
            }
            byte[] garbage = {1, 2, 3};
            relay.send(new DatagramPacket(garbage, garbage.length, at));
            byte[] notForUs = {7, 0, 0, 1};
            relay.send(new DatagramPacket(notForUs, notForUs.length, at));
            DatagramPacket nothing = new DatagramPacket(new byte[1500], 1500);
            relay.setSoTimeout(500);
            try {
                relay.receive(nothing);
                throw new AssertionError("no reply to garbage");
            } catch (SocketTimeoutException expected) {
                // dropped, as it must be
            }
        } finally {
            server.close();
        }
        assertEquals(50, server.counters().get(Outcome.REPLIED));
        assertEquals(1, server.counters().get(Outcome.MALFORMED));
        assertEquals(1, server.counters().get(Outcome.NOT_FOR_SERVER));
        assertEquals(50, bound.get());
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(journal, 64, 16, null)) {
            assertEquals(50, store.size(), "every answered lease was journaled before its reply");
        }
    }

    /**
     * A burst far larger than one read batch, sent without waiting, to a server without journal (so no fsync
     * callback flushes anything): every datagram is answered, so the replies written while a batch is read leave
     * at its end (one flush per batch, none per reply).
     */
    @ParameterizedTest
    @EnumSource(names = {"NIO", "EPOLL"})
    void aBurstOfSolicitsAndRequestsIsAnsweredWholeOnEitherTransport(Dhcp6Transport transport) throws Exception {
        Dhcp6ServerConfig config = new Dhcp6ServerConfig(List.of(), List.of("::1"), 0, 546, 4 << 20,
                null, Dhcp6ResponderTest.SALT, Dhcp6ResponderTest.SERVER_MAC, 0, 4096, transport);
        Dhcp6Server server = Dhcp6Server.start(PolicyText.parse(Dhcp6ResponderTest.POLICY), config, null);
        int burst = 400;
        Set<Integer> answered = new HashSet<>();
        try (DatagramSocket relay = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            relay.setReceiveBufferSize(4 << 20);
            relay.setSoTimeout(5000);
            InetSocketAddress at = server.localAddresses().get(0);
            for (int i = 0; i < burst; i++) {
                // first half: Solicit with Rapid Commit (binds, a Reply); second half: Solicit (an Advertise)
                byte[] inner = Dhcp6ResponderTest.solicit(0x020000002000L + i, i < burst / 2);
                inner[3] = (byte) i;                                   // transaction-id low octets: which one
                inner[2] = (byte) (i >> 8);
                byte[] datagram = Dhcp6ResponderTest.relayForward(0x20010db800020000L, 1, null, inner);
                relay.send(new DatagramPacket(datagram, datagram.length, at));
            }
            Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
            for (int i = 0; i < burst; i++) {
                DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
                relay.receive(reply);
                assertTrue(v.wrap(Unpooled.wrappedBuffer(reply.getData(), 0, reply.getLength())));
                int id = v.innermost().transactionId() & 0xffff;
                assertEquals(id < burst / 2 ? 7 : 2, v.innermost().messageType(), "reply to " + id);
                answered.add(id);
            }
        } finally {
            server.close();
        }
        assertEquals(burst, answered.size());
        assertEquals(burst, server.counters().get(Outcome.REPLIED));
    }

    @Test
    void theReceiveBufferIsAsConfiguredUpToWhatTheKernelAllows() throws Exception {
        int wanted = Dhcp6ServerConfig.STORM_RECEIVE_BUFFER;
        Dhcp6ServerConfig config = new Dhcp6ServerConfig(List.of(), List.of("::1"), 0, 546, wanted, null,
                Dhcp6ResponderTest.SALT, Dhcp6ResponderTest.SERVER_MAC, 0, 16);
        Dhcp6Server server = Dhcp6Server.start(PolicyText.parse(Dhcp6ResponderTest.POLICY), config, null);
        try {
            Path rmemMax = Path.of("/proc/sys/net/core/rmem_max");
            long cap = Files.exists(rmemMax) ? Long.parseLong(Files.readString(rmemMax).trim()) : wanted;
            int actual = server.receiveBuffers().get(0);
            // Linux reports twice the bytes set; without CAP_NET_ADMIN (or on NIO) rmem_max caps what is set
            assertTrue(actual >= Math.min(wanted, cap), "SO_RCVBUF " + actual + " for " + wanted + ", rmem_max " + cap);
        } finally {
            server.close();
        }
    }

    /** Leases whose valid lifetime ended are freed by the server's once-a-second maintenance. */
    @Test
    void expiredLeasesAreFreedByTheServerWithoutAnyMessage() throws Exception {
        String policy = Dhcp6ResponderTest.POLICY.replace("  reserve 02:00:00:00:00:77 2001:db8:2::77",
                "  lifetimes 1 1");
        Dhcp6ServerConfig config = new Dhcp6ServerConfig(List.of(), List.of("::1"), 0, 546, 1 << 20, null,
                Dhcp6ResponderTest.SALT, Dhcp6ResponderTest.SERVER_MAC, 0, 1024);
        Dhcp6Server server = Dhcp6Server.start(PolicyText.parse(policy), config, null);
        try (DatagramSocket relay = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            relay.setSoTimeout(5000);
            for (int i = 0; i < 20; i++) {
                byte[] request = relayedRequest(0x020000003000L + i, 1);
                relay.send(new DatagramPacket(request, request.length, server.localAddresses().get(0)));
                relay.receive(new DatagramPacket(new byte[1500], 1500));
            }
            assertEquals(20, storeSize(server), "bound, valid for 1 s");
            int size = 20;
            for (int wait = 0; wait < 100 && size > 0; wait++) {     // maintenance runs each second: bounded wait
                Thread.sleep(100);
                size = storeSize(server);
            }
            assertEquals(0, size, "every lease freed once its valid lifetime ended");
        } finally {
            server.close();
        }
    }

    private static int storeSize(Dhcp6Server server) throws Exception {
        CompletableFuture<Integer> size = new CompletableFuture<>();
        server.execute(() -> size.complete(server.store().size()));
        return size.get(5, TimeUnit.SECONDS);
    }

    @Test
    void replacedPolicyAnswersTheNextMessageAndKeepsTheLeases() throws Exception {
        Path journal = dir.resolve("leases");
        Dhcp6ServerConfig config = new Dhcp6ServerConfig(List.of(), List.of("::1"), 0, 546, 1 << 20, journal,
                Dhcp6ResponderTest.SALT, Dhcp6ResponderTest.SERVER_MAC, 0, 1024);
        Dhcp6Server server = Dhcp6Server.start(PolicyText.parse(Dhcp6ResponderTest.POLICY), config, Dhcp6Listener.NONE);
        InetSocketAddress at = server.localAddresses().get(0);
        try (DatagramSocket relay = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            relay.setSoTimeout(5000);
            Dhcp6MessageView before = exchange(relay, at, relayedRequest(0x020000002000L, 1));
            String address = address(before.innermost());
            assertEquals("2001:db8::1", text(before.innermost(), OptionCodes.DNS_SERVERS));

            server.replacePolicy(PolicyText.parse(Dhcp6ResponderTest.POLICY
                    .replace("option dns-servers 2001:db8::1", "option dns-servers 2001:db8::53"))).get();

            Dhcp6MessageView after = exchange(relay, at, relayedRequest(0x020000002000L, 1));
            assertEquals("2001:db8::53", text(after.innermost(), OptionCodes.DNS_SERVERS), "the new policy answers");
            assertEquals(address, address(after.innermost()), "the machine keeps its address");
            assertEquals(1, server.store().size(), "the lease survived the swap");
        } finally {
            server.close();
        }
    }

    private static Dhcp6MessageView exchange(DatagramSocket relay, InetSocketAddress at, byte[] request)
            throws Exception {
        relay.send(new DatagramPacket(request, request.length, at));
        DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
        relay.receive(reply);
        Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(v.wrap(Unpooled.wrappedBuffer(java.util.Arrays.copyOf(reply.getData(), reply.getLength()))));
        return v;
    }

    private static String text(Dhcp6MessageView v, int code) {
        int i = v.indexOf(code);
        assertTrue(i >= 0, "option " + code + " present");
        if (code == OptionCodes.DNS_SERVERS) {
            return Ipv6AddressFormat.toString(v.buffer().getLong(v.optionOffset(i)), v.buffer().getLong(v.optionOffset(i) + 8));
        }
        return v.buffer().toString(v.optionOffset(i), v.optionLength(i), java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String address(Dhcp6MessageView v) {
        int ia = v.indexOf(OptionCodes.IA_NA);
        assertTrue(ia >= 0, "IA_NA present");
        int inner = v.optionOffset(ia) + 12;                      // IAID, T1, T2 (RFC 9915 §21.4)
        assertEquals(OptionCodes.IA_ADDRESS, v.buffer().getUnsignedShort(inner));
        return Ipv6AddressFormat.toString(v.buffer().getLong(inner + 4), v.buffer().getLong(inner + 12));
    }

    @Test
    void udp6RcvbufErrorsIsReadFromProc() {
        long errors = Dhcp6Counters.udp6RcvbufErrors();
        assertTrue(errors >= 0 || !java.nio.file.Files.exists(Path.of("/proc/net/snmp6")), "got " + errors);
    }
}
