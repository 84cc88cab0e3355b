package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.NdpMessageView;
import dev.ipv6boot.ndp.codec.NdpStatus;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.codec.SourceLinkLayerAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Sends Router Advertisements on one interface, as radvd does: periodic multicast RAs every
 * [MinRtrAdvInterval, MaxRtrAdvInterval] (faster for the first three), answers to Router Solicitations after a
 * random 0-500 ms, unicast to the soliciting node up to a rate and by the next multicast RA beyond it, never two
 * multicast RAs within MinDelayBetweenRAs, and a last RA with router lifetime 0 on {@link #close()}
 * (RFC 4861 §6.2.4-6.2.6, RFC 7772 §5.1). An RA larger than the link MTU goes out as several (RFC 6980 §5).
 *
 * <pre>{@code
 * try (RouterAdvertiser advertiser = RouterAdvertiser.start("eth1", ra, AdvertisingSettings.radvdDefaults(),
 *         RouterAdvertiserListener.NONE)) {
 *     ...
 * }
 * }</pre>
 *
 * Needs Java 22+ and CAP_NET_RAW; {@link #start} says which is missing.
 */
public final class RouterAdvertiser implements AutoCloseable {
    /** All-nodes multicast, RFC 4291 §2.7.1. */
    public static final Ipv6Address ALL_NODES = new Ipv6Address(0xff02L << 48, 1);
    private static final Logger log = LoggerFactory.getLogger(RouterAdvertiser.class);
    private static final int RECEIVE_TIMEOUT_MILLIS = 200;
    private static final int DROP_HOP_LIMIT = NdpStatus.values().length;
    private static final int DROP_NOT_SOLICITATION = DROP_HOP_LIMIT + 1;

    private final Icmpv6Socket socket;
    private final AdvertisingSettings settings;
    private final RouterAdvertiserListener listener;
    private final List<RouterAdvertisement> parts;
    private final List<ByteBuf> encodedParts;
    private final ScheduledExecutorService scheduler;
    private final Thread receiver;
    private final AtomicBoolean solicitedMulticastPending = new AtomicBoolean();
    private final Runnable solicitedMulticast = this::scheduleSolicitedMulticast;
    private final Runnable periodicMulticast = this::sendPeriodicMulticast;
    private volatile boolean running = true;

    // Scheduler-thread state.
    private long lastMulticastNanos;
    private int multicastsSent;
    private ScheduledFuture<?> nextMulticast;
    private long nextMulticastAtNanos;

    // Receiver-thread state: the unicast budget of the current second.
    private long unicastWindowStart;
    private int unicastInWindow;

    private final AtomicLong solicitations = new AtomicLong();
    private final AtomicLong answeredUnicast = new AtomicLong();
    private final AtomicLong answeredByMulticast = new AtomicLong();
    private final AtomicLong multicastAdvertisements = new AtomicLong();
    private final AtomicLong unicastAdvertisements = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private final AtomicLong receiveErrors = new AtomicLong();
    private final AtomicLongArray drops = new AtomicLongArray(DROP_NOT_SOLICITATION + 1);

    private RouterAdvertiser(Icmpv6Socket socket, List<RouterAdvertisement> parts, AdvertisingSettings settings,
                             RouterAdvertiserListener listener) {
        this.socket = socket;
        this.parts = parts;
        this.settings = settings;
        this.listener = listener;
        this.encodedParts = encode(parts);
        String name = socket.interfaceName();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ipv6boot-ra-" + name);
            t.setDaemon(true);
            return t;
        });
        this.receiver = new Thread(this::receiveLoop, "ipv6boot-rs-" + name);
        this.receiver.setDaemon(true);
        this.lastMulticastNanos = System.nanoTime() - settings.minDelayBetweenRas().toNanos();
    }

    /**
     * Opens a raw ICMPv6 socket on {@code interfaceName} and starts advertising {@code ra} at once.
     *
     * @throws RawSocketException on Java older than 22, without CAP_NET_RAW, or when the interface is missing,
     *                            has no link-local address, or its MTU cannot carry even one option of {@code ra}
     */
    public static RouterAdvertiser start(String interfaceName, RouterAdvertisement ra, AdvertisingSettings settings,
                                         RouterAdvertiserListener listener) throws IOException {
        if (!Icmpv6Sockets.supported()) {
            Icmpv6Sockets.implementation();                     // throws the reason: "raw ICMPv6 needs Java 22+ ..."
        }
        NetworkInterface nif = NetworkInterface.getByName(interfaceName);
        if (nif == null) {
            throw new RawSocketException("no interface " + interfaceName + " in this network namespace");
        }
        RouterAdvertisement advertised = ra;
        byte[] mac = nif.getHardwareAddress();
        if (settings.addSourceLinkLayerAddress() && mac != null && mac.length == 6
                && ra.options(SourceLinkLayerAddress.class).isEmpty()) {
            long value = 0;
            for (byte b : mac) {
                value = (value << 8) | (b & 0xff);
            }
            advertised = ra.toBuilder().option(new SourceLinkLayerAddress(value)).build();
        }
        List<RouterAdvertisement> parts;
        try {
            parts = advertised.splitForMtu(nif.getMTU());
        } catch (IllegalArgumentException e) {
            throw new RawSocketException(e.getMessage(), e);
        }
        return start(Icmpv6Sockets.open(interfaceName, RECEIVE_TIMEOUT_MILLIS), parts, settings, listener);
    }

    /** Starts on an open socket, which the advertiser then owns; for tests with a socket of their own. */
    static RouterAdvertiser start(Icmpv6Socket socket, List<RouterAdvertisement> parts, AdvertisingSettings settings,
                                  RouterAdvertiserListener listener) {
        RouterAdvertiser advertiser = new RouterAdvertiser(socket, List.copyOf(parts), settings, listener);
        advertiser.receiver.start();
        advertiser.scheduler.execute(() -> advertiser.scheduleMulticastAt(System.nanoTime()));
        return advertiser;
    }

    /** Starts with radvd's default timing and no listener. */
    public static RouterAdvertiser start(String interfaceName, RouterAdvertisement ra) throws IOException {
        return start(interfaceName, ra, AdvertisingSettings.radvdDefaults(), RouterAdvertiserListener.NONE);
    }

    /** The RAs each multicast consists of: one, or several when the RA is larger than the link MTU. */
    public List<RouterAdvertisement> advertisements() {
        return parts;
    }

    public RouterAdvertiserCounters counters() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (NdpStatus status : NdpStatus.values()) {
            long count = drops.get(status.ordinal());
            if (count > 0) {
                byReason.put(status.name(), count);
            }
        }
        if (drops.get(DROP_HOP_LIMIT) > 0) {
            byReason.put("hop-limit", drops.get(DROP_HOP_LIMIT));
        }
        if (drops.get(DROP_NOT_SOLICITATION) > 0) {
            byReason.put("not-a-solicitation", drops.get(DROP_NOT_SOLICITATION));
        }
        return new RouterAdvertiserCounters(solicitations.get(), answeredUnicast.get(), answeredByMulticast.get(),
                multicastAdvertisements.get(), unicastAdvertisements.get(), sendErrors.get(), receiveErrors.get(),
                byReason);
    }

    private static List<ByteBuf> encode(List<RouterAdvertisement> advertisements) {
        List<ByteBuf> encoded = new ArrayList<>(advertisements.size());
        for (RouterAdvertisement ra : advertisements) {
            ByteBuf buf = Unpooled.buffer(ra.encodedLength());
            ra.writeTo(buf);
            encoded.add(buf);
        }
        return encoded;
    }

    // ---- receiving (receiver thread) ----

    private void receiveLoop() {
        ByteBuf buf = Unpooled.buffer(65536, 65536);
        long[] source = new long[2];
        NdpMessageView view = new NdpMessageView();
        try {
            while (running) {
                buf.clear();
                int hopLimit;
                try {
                    hopLimit = socket.receive(buf, source);
                } catch (IOException e) {
                    // Keep listening: a transient error (interface flapping, buffer shortage) must not end RS handling.
                    if (running && receiveErrors.getAndIncrement() % 1000 == 0) {
                        log.warn("receiving on {} failed: {}", socket.interfaceName(), e.getMessage());
                    }
                    if (!pause()) {
                        return;                                 // interrupted: the owner is shutting down
                    }
                    continue;
                }
                if (hopLimit >= 0) {
                    handle(view, buf, source, hopLimit);
                }
            }
        } finally {
            buf.release();
        }
    }

    private void handle(NdpMessageView view, ByteBuf buf, long[] source, int hopLimit) {
        if (hopLimit != 255) {                                  // off-link sender, RFC 4861 §6.1.1
            drops.incrementAndGet(DROP_HOP_LIMIT);
            return;
        }
        boolean unspecified = source[0] == 0 && source[1] == 0;
        NdpStatus status = view.parse(buf, unspecified);
        if (status != NdpStatus.OK) {
            drops.incrementAndGet(status.ordinal());
            return;
        }
        if (!view.isRouterSolicitation()) {
            drops.incrementAndGet(DROP_NOT_SOLICITATION);
            return;
        }
        solicitations.incrementAndGet();
        if (listener != RouterAdvertiserListener.NONE) {
            listener.solicited(new Ipv6Address(source[0], source[1]), view.sourceLinkLayerAddress());
        }
        if (!unspecified && takeUnicastBudget()) {
            answeredUnicast.incrementAndGet();
            Ipv6Address from = new Ipv6Address(source[0], source[1]);
            long delay = randomNanos(settings.maxResponseDelay().toNanos());
            scheduler.schedule(() -> sendUnicast(from), delay, TimeUnit.NANOSECONDS);
        } else {
            answeredByMulticast.incrementAndGet();
            if (solicitedMulticastPending.compareAndSet(false, true)) {
                scheduler.execute(solicitedMulticast);
            }
        }
    }

    private boolean takeUnicastBudget() {
        long now = System.nanoTime();
        if (now - unicastWindowStart >= 1_000_000_000L) {
            unicastWindowStart = now;
            unicastInWindow = 0;
        }
        if (unicastInWindow < settings.unicastResponsesPerSecond()) {
            unicastInWindow++;
            return true;
        }
        return false;
    }

    // ---- sending (scheduler thread) ----

    /** RFC 4861 §6.2.6: answer within MAX_RA_DELAY_TIME, but never sooner than MinDelayBetweenRAs after the last. */
    private void scheduleSolicitedMulticast() {
        long now = System.nanoTime();
        long at = Math.max(now + randomNanos(settings.maxResponseDelay().toNanos()),
                lastMulticastNanos + settings.minDelayBetweenRas().toNanos());
        if (nextMulticast == null || at < nextMulticastAtNanos) {
            scheduleMulticastAt(at);
        }
    }

    private void scheduleMulticastAt(long atNanos) {
        if (!running) {
            return;
        }
        if (nextMulticast != null) {
            nextMulticast.cancel(false);
        }
        nextMulticastAtNanos = atNanos;
        nextMulticast = scheduler.schedule(periodicMulticast, Math.max(0, atNanos - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    private void sendPeriodicMulticast() {
        if (!running) {
            return;
        }
        long now = System.nanoTime();
        long earliest = lastMulticastNanos + settings.minDelayBetweenRas().toNanos();
        if (now < earliest) {                                   // MinDelayBetweenRAs holds for every multicast
            scheduleMulticastAt(earliest);
            return;
        }
        solicitedMulticastPending.set(false);
        send(ALL_NODES, false);
        lastMulticastNanos = System.nanoTime();
        multicastsSent++;
        long min = settings.minInterval().toNanos();
        long gap = min + randomNanos(settings.maxInterval().toNanos() - min);
        if (multicastsSent < settings.maxInitialAdvertisements()) {
            gap = Math.min(gap, settings.maxInitialInterval().toNanos());   // RFC 4861 §6.2.4 fast start
        }
        nextMulticast = null;
        scheduleMulticastAt(lastMulticastNanos + Math.max(gap, settings.minDelayBetweenRas().toNanos()));
    }

    private void sendUnicast(Ipv6Address destination) {
        if (running) {
            send(destination, true);
        }
    }

    private void send(Ipv6Address destination, boolean solicited) {
        for (int i = 0; i < encodedParts.size(); i++) {
            ByteBuf part = encodedParts.get(i);
            try {
                socket.send(part, destination);
            } catch (IOException e) {
                if (sendErrors.getAndIncrement() % 1000 == 0) {  // rate-limited: one line per 1000 failures
                    log.warn("sending an RA to {} on {} failed: {}", destination, socket.interfaceName(), e.getMessage());
                }
                return;
            }
        }
        (solicited ? unicastAdvertisements : multicastAdvertisements).incrementAndGet();
        listener.advertised(destination, solicited);
    }

    /**
     * Stops answering, sends one last multicast RA with router lifetime 0 so hosts stop using this router at once
     * (RFC 4861 §6.2.5), and its DNS servers (RDNSS and DNSSL lifetime 0, RFC 8106), and closes the socket. Waits at most a few seconds.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            receiver.join(RECEIVE_TIMEOUT_MILLIS * 5L);
            scheduler.submit(() -> {
                if (nextMulticast != null) {
                    nextMulticast.cancel(false);
                }
                List<RouterAdvertisement> last = new ArrayList<>();
                for (RouterAdvertisement part : parts) {
                    last.add(part.finalAdvertisement());
                }
                List<ByteBuf> encoded = encode(last);
                try {
                    for (ByteBuf buf : encoded) {
                        socket.send(buf, ALL_NODES);
                    }
                    multicastAdvertisements.incrementAndGet();
                } catch (IOException e) {
                    sendErrors.incrementAndGet();
                    log.warn("the final RA on {} failed: {}", socket.interfaceName(), e.getMessage());
                } finally {
                    encoded.forEach(ByteBuf::release);
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("the final RA on {} was not sent: {}", socket.interfaceName(), e.toString());
        } finally {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!receiver.isAlive()) {
                socket.close();                                 // never under a thread still inside recvmsg
            }
            encodedParts.forEach(ByteBuf::release);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long randomNanos(long bound) {
        return bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
    }
}
