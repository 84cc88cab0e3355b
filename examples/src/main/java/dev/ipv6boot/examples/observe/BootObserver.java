package dev.ipv6boot.examples.observe;

import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import dev.ipv6boot.dhcp6.server.Dhcp6Listener;
import dev.ipv6boot.dns.DnsCounters;
import dev.ipv6boot.dns.DnsForwarderListener;
import dev.ipv6boot.http.ServeEvent;
import dev.ipv6boot.http.ServeListener;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.sender.RouterAdvertiserListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ipv6boot.examples.config.Addresses;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows every machine's boot across the four services, keyed by MAC (DESIGN.md: identity is the MAC): give it
 * to each module as its listener. DHCPv6 messages and leases name the machine; HTTP and TFTP clients and DNS
 * queries are tied to one by the addresses its leases and Router Solicitations showed, by the MAC inside an
 * EUI-64 (link-local or SLAAC) address, or by a MAC in the requested path ({@code /boot/52-54-00-12-34-56.ipxe}).
 *
 * <pre>{@code
 * BootObserver observer = BootObserver.builder().stuckAfter(Duration.ofMinutes(15))
 *         .hostname("52:54:00:00:00:01", "alpha").build();
 * Dhcp6Server.start(policy, config, observer);                       // and RouterAdvertiser, DnsForwarder,
 * ArtifactServer.builder(root).listener(observer).start();            // ArtifactServer, TftpServer
 * observer.machines();                                                 // timelines, stages, stuck flags
 * }</pre>
 *
 * <p>Callbacks run on the services' event loops: each copies a few values and updates the machine under one
 * short lock, nothing else. Memory is bounded: at most {@code maxMachines} machines (the least recently active is
 * forgotten first), {@code maxEventsPerMachine} timeline entries each (oldest forgotten first, counted), DNS
 * queries only counted. One log line per stage change, never one per packet.
 */
public final class BootObserver implements Dhcp6Listener, RouterAdvertiserListener, ServeListener,
        DnsForwarderListener {
    private static final Logger LOG = LoggerFactory.getLogger(BootObserver.class);
    private static final long MAC_MASK = (1L << 48) - 1;
    private static final int MAX_TARGET = 160;

    private final Clock clock;
    private final Duration stuckAfter;
    private final int maxMachines;
    private final int maxEventsPerMachine;
    private final Map<String, String> hostnames;
    private final DownloadClassifier downloads;

    // Guarded by "this". Access order: a lookup marks a machine (an address) recently active.
    private final LinkedHashMap<String, Machine> machines;
    private final LinkedHashMap<AddressKey, String> macByAddress;
    private final AtomicLong unattributedDownloads = new AtomicLong();
    private final AtomicLong unattributedDnsQueries = new AtomicLong();
    private final AtomicLong forgottenMachines = new AtomicLong();

    private BootObserver(Builder b) {
        this.clock = b.clock;
        this.stuckAfter = b.stuckAfter;
        this.maxMachines = b.maxMachines;
        this.maxEventsPerMachine = b.maxEventsPerMachine;
        this.hostnames = Map.copyOf(b.hostnames);
        this.downloads = b.downloads;
        this.machines = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Machine> eldest) {
                if (size() > maxMachines) {
                    forgottenMachines.incrementAndGet();
                    return true;
                }
                return false;
            }
        };
        int maxAddresses = maxMachines * 4;
        this.macByAddress = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AddressKey, String> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- DHCPv6 ----------------------------------------------------------------------------------------------

    @Override
    public void answered(Dhcp6MessageView request, int replyType, long identity) {
        if (identity < 0) {
            return;
        }
        Dhcp6Facts facts = Dhcp6Facts.of(request, replyType);
        record(machineKey(identity), BootEvent.Kind.DHCPV6, facts.stage(), facts.describe());
    }

    @Override
    public void leaseBound(Lease lease) {
        long identity = lease.identity();
        if (identity < 0) {
            return;
        }
        String key = machineKey(identity);
        String address = Ipv6AddressFormat.toString(lease.high(), lease.low());
        String what = lease.type() == Lease.ADDRESS ? "address " + address
                : "prefix " + address + "/" + lease.prefixLength();
        Instant until = Instant.ofEpochSecond(lease.validUntil());
        synchronized (this) {
            if (lease.type() == Lease.ADDRESS) {
                macByAddress.put(new AddressKey(lease.high(), lease.low()), key);
                tracked(key).address(address);
            }
        }
        record(key, BootEvent.Kind.LEASE, null, what + " until " + until);
    }

    private static String machineKey(long identity) {
        return MachineIdentity.kind(identity) == MachineIdentity.KIND_MAC ? Macs.format(identity & MAC_MASK)
                : MachineIdentity.toString(identity);
    }

    // ---- Router Advertisements -------------------------------------------------------------------------------

    @Override
    public void solicited(Ipv6Address source, long mac) {
        if (mac < 0 && !source.isUnspecified()) {
            mac = Macs.ofEui64(source.low());
        }
        if (mac < 0) {
            return;                                             // nothing names the machine
        }
        String key = Macs.format(mac);
        if (!source.isUnspecified()) {
            synchronized (this) {
                macByAddress.put(new AddressKey(source.high(), source.low()), key);
                tracked(key).address(source.toString());
            }
        }
        record(key, BootEvent.Kind.ROUTER_SOLICITATION, null, "from " + source);
    }

    // ---- HTTP and TFTP ---------------------------------------------------------------------------------------

    @Override
    public void served(ServeEvent event) {
        String path = event.target();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String key = attribute(event.client(), path);
        if (key == null) {
            unattributedDownloads.incrementAndGet();
            return;
        }
        boolean http = event.protocol() == ServeEvent.Protocol.HTTP;
        boolean fetched = http ? "GET".equals(event.method()) && (event.status() / 100 == 2 || event.status() == 304)
                : "RRQ".equals(event.method()) && event.status() == 0;
        BootStage shows = fetched ? downloads.classify(path.startsWith("/") ? path : "/" + path) : null;
        String outcome = http ? String.valueOf(event.status())
                : switch (event.status()) {
                    case ServeEvent.TFTP_COMPLETE -> "complete";
                    case ServeEvent.TFTP_STOPPED_BY_CLIENT -> "stopped by the client (a size query)";
                    case ServeEvent.TFTP_CLIENT_VANISHED -> "client vanished";
                    default -> "error " + event.status();
                };
        String target = event.target().length() <= MAX_TARGET ? event.target()
                : event.target().substring(0, MAX_TARGET) + "...";
        String detail = event.method() + " " + target + " " + outcome + ", " + event.bytes() + " bytes in "
                + event.duration().toMillis() + " ms";
        record(key, http ? BootEvent.Kind.HTTP : BootEvent.Kind.TFTP, shows, detail);
    }

    // ---- DNS -------------------------------------------------------------------------------------------------

    @Override
    public void queryAnswered(InetSocketAddress client, String name, int type, AnswerSource source, int rcode,
                              boolean truncated) {
        countDns(client, false);
    }

    @Override
    public void queryRejected(InetSocketAddress client, DnsCounters.Reason reason) {
        countDns(client, true);
    }

    private void countDns(InetSocketAddress client, boolean rejected) {
        String key = attribute(client, null);
        if (key == null) {
            unattributedDnsQueries.incrementAndGet();
            return;
        }
        Instant now = clock.instant();
        synchronized (this) {
            Machine m = tracked(key);
            m.lastSeen = now;
            if (rejected) {
                m.dnsRejected++;
            } else {
                m.dnsQueries++;
            }
        }
    }

    // ---- attribution and recording ---------------------------------------------------------------------------

    /** The machine behind {@code client}: by a known address, then EUI-64, then a MAC in the path; or null. */
    private String attribute(InetSocketAddress client, String path) {
        long[] halves = client == null ? null : Addresses.halves(client.getAddress());
        if (halves == null) {
            return path == null ? null : Macs.inPath(path);
        }
        AddressKey address = new AddressKey(halves[0], halves[1]);
        String key;
        synchronized (this) {
            key = macByAddress.get(address);
        }
        if (key == null) {
            long mac = Macs.ofEui64(halves[1]);
            key = mac >= 0 ? Macs.format(mac) : path == null ? null : Macs.inPath(path);
            if (key != null) {
                String text = Ipv6AddressFormat.toString(halves[0], halves[1]);
                synchronized (this) {
                    macByAddress.put(address, key);
                    tracked(key).address(text);
                }
            }
        }
        return key;
    }

    private void record(String key, BootEvent.Kind kind, BootStage shows, String detail) {
        Instant now = clock.instant();
        boolean changed;
        BootStage stage;
        synchronized (this) {
            Machine m = tracked(key);
            changed = m.record(now, kind, shows, detail);
            stage = m.stage;
        }
        if (changed) {
            String host = hostnames.get(key);
            LOG.info("{}{} {}: {}", key, host == null ? "" : " (" + host + ")", stage.label(), detail);
        }
    }

    /** The machine with {@code key}, followed from now on if it was not; the caller holds the lock. */
    private Machine tracked(String key) {
        Machine m = machines.get(key);
        if (m == null) {
            m = new Machine(key, clock.instant(), maxEventsPerMachine);
            machines.put(key, m);
        }
        return m;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** Every machine's timeline, ordered by MAC. */
    public List<MachineTimeline> machines() {
        Instant now = clock.instant();
        List<MachineTimeline> out;
        synchronized (this) {
            out = new ArrayList<>(machines.size());
            for (Machine m : machines.values()) {
                out.add(m.snapshot(hostnames.get(m.mac), now, stuckAfter));
            }
        }
        out.sort(Comparator.comparing(MachineTimeline::mac));
        return out;
    }

    /** The timeline of the machine with {@code mac} (any case, ':' or '-'), if it was seen. */
    public Optional<MachineTimeline> machine(String mac) {
        String key = Objects.requireNonNullElse(Macs.normalize(mac), mac);
        Instant now = clock.instant();
        synchronized (this) {
            Machine m = machines.get(key);
            return m == null ? Optional.empty() : Optional.of(m.snapshot(hostnames.get(key), now, stuckAfter));
        }
    }

    /** How many machines are at each stage (every stage present, zeros included). */
    public Map<BootStage, Integer> machinesPerStage() {
        return countPerStage(false);
    }

    /** How many stuck machines are at each stage (every stage present, zeros included). */
    public Map<BootStage, Integer> stuckPerStage() {
        return countPerStage(true);
    }

    private Map<BootStage, Integer> countPerStage(boolean onlyStuck) {
        Instant now = clock.instant();
        Map<BootStage, Integer> out = new EnumMap<>(BootStage.class);
        for (BootStage s : BootStage.values()) {
            out.put(s, 0);
        }
        synchronized (this) {
            for (Machine m : machines.values()) {
                if (!onlyStuck || m.stuck(now, stuckAfter)) {
                    out.merge(m.stage, 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /** HTTP and TFTP requests from addresses no machine is known by. */
    public long unattributedDownloads() {
        return unattributedDownloads.get();
    }

    /** DNS queries from addresses no machine is known by. */
    public long unattributedDnsQueries() {
        return unattributedDnsQueries.get();
    }

    /** Machines forgotten because {@code maxMachines} were followed. */
    public long forgottenMachines() {
        return forgottenMachines.get();
    }

    /** After how long without progress an unfinished boot counts as stuck. */
    public Duration stuckAfter() {
        return stuckAfter;
    }

    /** The observer's clock's time. */
    public Instant now() {
        return clock.instant();
    }

    private record AddressKey(long high, long low) {
    }

    /** Settings of a {@link BootObserver}; every one has a default. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration stuckAfter = Duration.ofMinutes(15);
        private int maxMachines = 25_000;
        private int maxEventsPerMachine = 32;
        private final Map<String, String> hostnames = new HashMap<>();
        private DownloadClassifier downloads = DownloadClassifier.byFileName();

        private Builder() {
        }

        /** The clock events are stamped with; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** An unfinished boot without progress for longer than this is stuck; 15 minutes by default. */
        public Builder stuckAfter(Duration stuckAfter) {
            if (stuckAfter.isNegative() || stuckAfter.isZero()) {
                throw new IllegalArgumentException("stuckAfter " + stuckAfter);
            }
            this.stuckAfter = stuckAfter;
            return this;
        }

        /** Machines followed at most; 25,000 by default (the design target is a 20,000-machine site). */
        public Builder maxMachines(int maxMachines) {
            if (maxMachines < 1) {
                throw new IllegalArgumentException("maxMachines " + maxMachines);
            }
            this.maxMachines = maxMachines;
            return this;
        }

        /** Timeline entries kept per machine; 32 by default (a whole install takes about 16). */
        public Builder maxEventsPerMachine(int maxEvents) {
            if (maxEvents < 1) {
                throw new IllegalArgumentException("maxEventsPerMachine " + maxEvents);
            }
            this.maxEventsPerMachine = maxEvents;
            return this;
        }

        /** Shows {@code hostname} beside the machine with {@code mac}. */
        public Builder hostname(String mac, String hostname) {
            String key = Macs.normalize(mac);
            if (key == null) {
                throw new IllegalArgumentException("not a MAC: " + mac);
            }
            hostnames.put(key, Objects.requireNonNull(hostname));
            return this;
        }

        /** How downloaded paths map to stages; {@link DownloadClassifier#byFileName()} by default. */
        public Builder downloads(DownloadClassifier classifier) {
            this.downloads = Objects.requireNonNull(classifier);
            return this;
        }

        public BootObserver build() {
            return new BootObserver(this);
        }
    }
}
