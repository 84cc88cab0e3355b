package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.NdpFormatException;
import dev.ipv6boot.ndp.codec.PrefixInformation;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The advertiser's timing and dropping rules, on an in-memory socket (the peer tests use the real one). */
class RouterAdvertiserTest {
    private static final Ipv6Address CLIENT = Ipv6Address.parse("fe80::ff:fe00:2");
    private static final byte[] RS = HexFormat.of().parseHex("85000000000000000101020000000002");
    private static final RouterAdvertisement RA = RouterAdvertisement.builder().otherConfig(true).routerLifetime(180)
            .option(PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64)).build();

    /** A socket fed by the test; it records what the advertiser sends and when. */
    static final class FakeSocket implements Icmpv6Socket {
        record Incoming(byte[] message, Ipv6Address source, int hopLimit) {
        }

        record Sent(long nanos, Ipv6Address destination, RouterAdvertisement ra) {
        }

        final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>();
        final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        final List<Sent> sent = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void send(ByteBuf message, Ipv6Address destination) {
            try {
                sent.add(new Sent(System.nanoTime(), destination, RouterAdvertisement.read(message)));
            } catch (NdpFormatException e) {
                throw new AssertionError("the advertiser sent an invalid RA", e);
            }
        }

        @Override
        public int receive(ByteBuf into, long[] source) throws java.io.IOException {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new java.io.IOException("ENOBUFS, say");
            }
            try {
                Incoming next = incoming.poll(50, TimeUnit.MILLISECONDS);
                if (next == null) {
                    return -1;
                }
                into.writeBytes(next.message());
                source[0] = next.source().high();
                source[1] = next.source().low();
                return next.hopLimit();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public String interfaceName() {
            return "fake0";
        }

        @Override
        public void close() {
            closed = true;
        }

        long multicasts() {
            return sent.stream().filter(s -> s.destination().equals(RouterAdvertiser.ALL_NODES)).count();
        }
    }

    private static AdvertisingSettings settings(long minDelayMillis, int unicastPerSecond) {
        return new AdvertisingSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMillis(minDelayMillis),
                3, Duration.ofSeconds(16), Duration.ofMillis(50), unicastPerSecond, false);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void advertisesAtOnceAndSendsLifetimeZeroOnClose() throws Exception {
        FakeSocket socket = new FakeSocket();
        RouterAdvertiser advertiser = RouterAdvertiser.start(socket, List.of(RA), settings(3000, 10),
                RouterAdvertiserListener.NONE);
        await("first multicast RA", () -> socket.multicasts() == 1);
        assertEquals(RA, socket.sent.get(0).ra());
        advertiser.close();
        FakeSocket.Sent last = socket.sent.get(socket.sent.size() - 1);
        assertEquals(RouterAdvertiser.ALL_NODES, last.destination());
        assertEquals(0, last.ra().routerLifetime());
        assertEquals(RA.options(), last.ra().options());
        assertTrue(socket.closed);
    }

    @Test
    void answersSolicitationsByUnicastUpToTheRateThenByOneMulticastAfterMinDelay() throws Exception {
        FakeSocket socket = new FakeSocket();
        try (RouterAdvertiser advertiser = RouterAdvertiser.start(socket, List.of(RA), settings(1000, 5),
                RouterAdvertiserListener.NONE)) {
            await("first multicast RA", () -> socket.multicasts() == 1);
            long first = socket.sent.get(0).nanos();
            for (int i = 0; i < 50; i++) {
                socket.incoming.add(new FakeSocket.Incoming(RS, CLIENT, 255));
            }
            await("all 50 RS counted", () -> advertiser.counters().solicitations() == 50);
            await("5 unicast answers", () -> advertiser.counters().unicastAdvertisements() == 5);
            await("one solicited multicast", () -> socket.multicasts() == 2);
            Thread.sleep(500);
            RouterAdvertiserCounters counters = advertiser.counters();
            assertEquals(5, counters.answeredUnicast());
            assertEquals(45, counters.answeredByMulticast());
            assertEquals(2, socket.multicasts(), "45 RS folded into one multicast RA");
            long second = socket.sent.stream().filter(s -> s.destination().equals(RouterAdvertiser.ALL_NODES))
                    .skip(1).findFirst().orElseThrow().nanos();
            assertTrue(second - first >= 990_000_000L, "MinDelayBetweenRAs: " + (second - first) / 1_000_000 + " ms");
            assertTrue(socket.sent.stream().filter(s -> s.destination().equals(CLIENT)).count() == 5);
        }
    }

    @Test
    void countsAndDropsWhatIsNotAValidSolicitation() throws Exception {
        FakeSocket socket = new FakeSocket();
        try (RouterAdvertiser advertiser = RouterAdvertiser.start(socket, List.of(RA), settings(3000, 100),
                RouterAdvertiserListener.NONE)) {
            socket.incoming.add(new FakeSocket.Incoming(RS, CLIENT, 64));                        // routed from afar
            socket.incoming.add(new FakeSocket.Incoming(HexFormat.of().parseHex("8501000000000000"), CLIENT, 255));
            socket.incoming.add(new FakeSocket.Incoming(HexFormat.of().parseHex("85000000000000000100"), CLIENT, 255));
            socket.incoming.add(new FakeSocket.Incoming(RS, new Ipv6Address(0, 0), 255));         // :: with SLLA
            socket.incoming.add(new FakeSocket.Incoming(HexFormat.of().parseHex("8600000040000000000000000000000"
                    + "0"), CLIENT, 255));                                                          // another RA
            await("five drops", () -> advertiser.counters().dropped() == 5);
            assertEquals(java.util.Map.of("hop-limit", 1L, "BAD_CODE", 1L, "ZERO_LENGTH_OPTION", 1L,
                    "UNSPECIFIED_SOURCE_WITH_LINK_LAYER_ADDRESS", 1L, "not-a-solicitation", 1L),
                    advertiser.counters().drops());
            assertEquals(0, advertiser.counters().solicitations());
        }
    }

    @Test
    void keepsListeningAfterAReceiveError() throws Exception {
        FakeSocket socket = new FakeSocket();
        socket.failures.set(2);
        try (RouterAdvertiser advertiser = RouterAdvertiser.start(socket, List.of(RA), settings(3000, 100),
                RouterAdvertiserListener.NONE)) {
            socket.incoming.add(new FakeSocket.Incoming(RS, CLIENT, 255));
            await("the RS after two failed receives", () -> advertiser.counters().solicitations() == 1);
            assertEquals(2, advertiser.counters().receiveErrors());
            await("answered", () -> advertiser.counters().unicastAdvertisements() == 1);
        }
    }

    @Test
    void sendsEveryPartOfASplitRa() throws Exception {
        RouterAdvertisement.Builder big = RouterAdvertisement.builder();
        for (int i = 0; i < 60; i++) {
            big.option(PrefixInformation.slaac(new Ipv6Address(0x20010db800000000L | ((long) i << 16), 0), 64));
        }
        List<RouterAdvertisement> parts = big.build().splitForMtu(1280);
        FakeSocket socket = new FakeSocket();
        try (RouterAdvertiser advertiser = RouterAdvertiser.start(socket, parts, settings(3000, 100),
                RouterAdvertiserListener.NONE)) {
            await("all parts sent", () -> socket.sent.size() == parts.size());
            for (int i = 0; i < parts.size(); i++) {
                assertEquals(parts.get(i), socket.sent.get(i).ra());
            }
            assertEquals(1, advertiser.counters().multicastAdvertisements(), "one RA, in " + parts.size() + " parts");
        }
    }
}
