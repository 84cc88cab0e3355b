package dev.ipv6boot.examples.observe;

import dev.ipv6boot.examples.config.Addresses;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.server.Dhcp6Counters;
import dev.ipv6boot.dhcp6.server.Dhcp6Server;
import dev.ipv6boot.dhcp6.server.Outcome;
import dev.ipv6boot.dns.DnsCounters;
import dev.ipv6boot.dns.DnsForwarder;
import dev.ipv6boot.http.ArtifactServer;
import dev.ipv6boot.http.HttpCounter;
import dev.ipv6boot.http.tftp.TftpCounter;
import dev.ipv6boot.http.tftp.TftpServer;
import dev.ipv6boot.ndp.sender.RouterAdvertiser;
import dev.ipv6boot.ndp.sender.RouterAdvertiserCounters;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The server's Prometheus metrics, read from the modules' own counters when scraped (callback metrics), so that
 * nothing is done per packet: for each service {@code ipv6boot_<service>_received_total},
 * {@code _answered_total} and {@code _dropped_total{reason}}, with a {@code server} label naming the listening
 * address or interface; leases, bytes served, the kernel's {@code Udp6RcvbufErrors}, and the boot observer's
 * machines per stage and stuck machines. Exposed in the Prometheus text format 0.0.4 by the client's own writer.
 *
 * <pre>{@code
 * ServerMetrics metrics = new ServerMetrics(observer);
 * metrics.register(dhcp6Server);
 * metrics.register(artifactServer);
 * metrics.write(out);                                   // text exposition
 * }</pre>
 */
public final class ServerMetrics {
    private static final String DHCP6 = "dhcp6";
    private static final String RA = "ra";
    private static final String DNS = "dns";
    private static final String HTTP = "http";
    private static final String TFTP = "tftp";
    private static final String RECEIVED = "received";
    private static final String ANSWERED = "answered";
    private static final String DROPPED = "dropped";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final List<Source> sources = new CopyOnWriteArrayList<>();

    /** Metrics of the registered servers, and of {@code observer}'s machines when it is not null. */
    public ServerMetrics(BootObserver observer) {
        counter(DHCP6, RECEIVED, "message_type", "DHCPv6 messages received, by (outer) message type");
        counter(DHCP6, ANSWERED, null, "DHCPv6 messages answered");
        counter(DHCP6, DROPPED, "reason", "DHCPv6 messages dropped, by reason");
        gauge(DHCP6, "leases", "Leases in the DHCPv6 lease store");

        counter(RA, RECEIVED, null, "Valid Router Solicitations received");
        counter(RA, ANSWERED, "how", "Router Solicitations answered, by unicast RA or left to the next multicast one");
        counter(RA, DROPPED, "reason", "ICMPv6 messages dropped by the advertiser, by reason");
        counter(RA, "sent", "destination", "Router Advertisements sent (a split RA counted once)");
        counter(RA, "errors", "direction", "Socket sends and receives that failed");

        counter(DNS, RECEIVED, "transport", "DNS queries received");
        counter(DNS, ANSWERED, "source", "DNS queries answered, by where the answer came from");
        counter(DNS, "forwarded", "transport", "DNS queries sent upstream");
        counter(DNS, DROPPED, "reason", "DNS queries refused, dropped, or answered with an error, by reason");
        counter(DNS, "events", "event", "Other DNS forwarder events (upstream timeouts, coalesced misses, spoofing)");

        counter(HTTP, RECEIVED, null, "HTTP requests received");
        counter(HTTP, ANSWERED, "outcome", "HTTP requests answered, by outcome");
        counter(HTTP, DROPPED, "reason", "HTTP requests and connections refused or cut, by reason");
        counter(HTTP, "connections", null, "HTTP connections accepted");
        counter(HTTP, "served_bytes", null, "HTTP body bytes sent");
        gauge(HTTP, "large_downloads", "Large HTTP downloads in flight");

        counter(TFTP, RECEIVED, null, "TFTP datagrams received on the listening port");
        counter(TFTP, ANSWERED, "outcome", "TFTP read requests answered, by outcome");
        counter(TFTP, "transfers", "result", "TFTP transfers ended, by result");
        counter(TFTP, DROPPED, "reason", "TFTP requests and packets refused or ignored, by reason");
        counter(TFTP, "events", "event", "Other TFTP events (option acknowledgements, retransmissions)");
        counter(TFTP, "served_bytes", null, "TFTP file bytes acknowledged by clients");
        gauge(TFTP, "active_transfers", "TFTP transfers running");

        CounterWithCallback.builder().name("ipv6boot_udp6_rcvbuf_errors")
                .help("IPv6 datagrams the kernel dropped because a socket buffer was full (Udp6RcvbufErrors)")
                .callback(cb -> {
                    long errors = Dhcp6Counters.udp6RcvbufErrors();
                    if (errors >= 0) {
                        cb.call(errors);
                    }
                })
                .register(registry);
        if (observer != null) {
            GaugeWithCallback.builder().name("ipv6boot_machines").labelNames("stage")
                    .help("Machines followed, by the stage of their boot")
                    .callback(cb -> observer.machinesPerStage().forEach((stage, n) -> cb.call(n, stageLabel(stage))))
                    .register(registry);
            GaugeWithCallback.builder().name("ipv6boot_machines_stuck").labelNames("stage")
                    .help("Machines whose boot made no progress for longer than the stuck time, by stage")
                    .callback(cb -> observer.stuckPerStage().forEach((stage, n) -> cb.call(n, stageLabel(stage))))
                    .register(registry);
            CounterWithCallback.builder().name("ipv6boot_unattributed_requests").labelNames("service")
                    .help("Downloads and DNS queries from addresses no machine is known by")
                    .callback(cb -> {
                        cb.call(observer.unattributedDownloads(), "download");
                        cb.call(observer.unattributedDnsQueries(), DNS);
                    })
                    .register(registry);
        }
    }

    private static String stageLabel(BootStage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }

    // ---- registration ----------------------------------------------------------------------------------------

    /** Adds a DHCPv6 server's counters and lease count. */
    public void register(Dhcp6Server server) {
        Dhcp6Counters counters = server.counters();
        List<String> addresses = server.localAddresses().stream().map(Addresses::format).toList();
        Map<String, Sampler> families = new TreeMap<>();
        families.put(RECEIVED, sink -> {
            for (int type = 0; type < 256; type++) {
                long n = counters.receivedOfType(type);
                if (n > 0) {
                    sink.add(Dhcp6MessageType.valueOf(type).name().toLowerCase(Locale.ROOT), n);
                }
            }
        });
        families.put(ANSWERED, sink -> sink.add("", counters.get(Outcome.REPLIED)));
        families.put(DROPPED, sink -> {
            for (Outcome outcome : Outcome.values()) {
                if (outcome != Outcome.REPLIED) {
                    sink.add(outcome.name().toLowerCase(Locale.ROOT), counters.get(outcome));
                }
            }
        });
        families.put("leases", sink -> {
            long leases = leaseCount(server);
            if (leases >= 0) {
                sink.add("", leases);
            }
        });
        sources.add(new Source(DHCP6, String.join(",", addresses), families));
    }

    /** The store is read on the server's own event loop (its rule); a scrape waits at most a second for it. */
    private static long leaseCount(Dhcp6Server server) {
        CompletableFuture<Integer> size = new CompletableFuture<>();
        try {
            server.execute(() -> size.complete(server.store().size()));
            return size.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;                                          // closed or busy: no sample this scrape
        }
    }

    /** Adds a DNS forwarder's counters. */
    public void register(DnsForwarder forwarder) {
        DnsCounters counters = forwarder.counters();
        String server = String.join(",", forwarder.boundAddresses().stream().map(Addresses::format).toList());
        sources.add(new Source(DNS, server, byFamily(DnsCounters.Reason.class, counters::get, ServerMetrics::dnsFamily,
                ServerMetrics::dnsLabel)));
    }

    /** Adds an HTTP artifact server's counters. */
    public void register(ArtifactServer server) {
        Map<String, Sampler> families = byFamily(HttpCounter.class, server.counters()::get, ServerMetrics::httpFamily,
                c -> c.name().toLowerCase(Locale.ROOT));
        families.put("large_downloads", sink -> sink.add("", server.largeDownloadsInFlight()));
        sources.add(new Source(HTTP, Addresses.format(server.localAddress()), families));
    }

    /** Adds a TFTP server's counters. */
    public void register(TftpServer server) {
        Map<String, Sampler> families = byFamily(TftpCounter.class, server.counters()::get, ServerMetrics::tftpFamily,
                c -> c.name().toLowerCase(Locale.ROOT).replace("transfers_", ""));
        families.put("active_transfers", sink -> sink.add("", server.activeTransfers()));
        sources.add(new Source(TFTP, Addresses.format(server.localAddress()), families));
    }

    /** Adds a Router Advertiser's counters; it does not know its interface's name, so it is given here. */
    public void register(String interfaceName, RouterAdvertiser advertiser) {
        register(interfaceName, advertiser::counters);
    }

    void register(String interfaceName, Supplier<RouterAdvertiserCounters> counters) {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Map<String, Sampler> families = new TreeMap<>();
        families.put(RECEIVED, sink -> sink.add("", counters.get().solicitations()));
        families.put(ANSWERED, sink -> {
            RouterAdvertiserCounters c = counters.get();
            sink.add("unicast", c.answeredUnicast());
            sink.add("multicast", c.answeredByMulticast());
        });
        families.put(DROPPED, sink -> counters.get().drops().forEach(sink::add));
        families.put("sent", sink -> {
            RouterAdvertiserCounters c = counters.get();
            sink.add("multicast", c.multicastAdvertisements());
            sink.add("unicast", c.unicastAdvertisements());
        });
        families.put("errors", sink -> {
            RouterAdvertiserCounters c = counters.get();
            sink.add("send", c.sendErrors());
            sink.add("receive", c.receiveErrors());
        });
        sources.add(new Source(RA, interfaceName, families));
    }

    // ---- what each module's counters mean --------------------------------------------------------------------

    static String httpFamily(HttpCounter c) {
        return switch (c) {
            case REQUESTS -> RECEIVED;
            case FILES_SERVED, RANGES_SERVED, NOT_MODIFIED, PRECONDITION_FAILED, RANGE_NOT_SATISFIABLE, DYNAMIC,
                 NOT_FOUND -> ANSWERED;
            case CONNECTIONS -> "connections";
            case BODY_BYTES -> "served_bytes";
            // A counter added to the module later is a refusal unless listed above.
            default -> DROPPED;
        };
    }

    static String tftpFamily(TftpCounter c) {
        return switch (c) {
            case REQUESTS -> RECEIVED;
            case TRANSFERS_STARTED, NOT_FOUND -> ANSWERED;
            case TRANSFERS_COMPLETED, TRANSFERS_TIMED_OUT, TRANSFERS_ABORTED_BY_CLIENT -> "transfers";
            case OPTIONS_ACKNOWLEDGED, RETRANSMISSIONS -> "events";
            case DATA_BYTES -> "served_bytes";
            default -> DROPPED;
        };
    }

    static String dnsFamily(DnsCounters.Reason r) {
        return switch (r) {
            case RECEIVED_UDP, RECEIVED_TCP -> RECEIVED;
            case ANSWERED_LOCAL, ANSWERED_CACHE, ANSWERED_UPSTREAM, ANSWERED_DNS64 -> ANSWERED;
            case FORWARDED_UDP, FORWARDED_TCP -> "forwarded";
            case REFUSED_NO_RECURSION, ACL_REFUSED, ACL_DENIED, MALFORMED_TOO_SHORT, MALFORMED_NOT_A_QUERY,
                 MALFORMED_OPCODE, MALFORMED_COUNTS, MALFORMED_NAME, MALFORMED_TRUNCATED, MALFORMED_OPT,
                 MALFORMED_TRAILING_BYTES, BAD_EDNS_VERSION, REFUSED_QUERY_TYPE, TCP_REJECTED, OVERLOADED,
                 SERVFAIL_SENT, REPLY_FAILED -> DROPPED;
            default -> "events";
        };
    }

    private static String dnsLabel(DnsCounters.Reason r) {
        String name = r.name().toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"received_", "answered_", "forwarded_"}) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    private static <E extends Enum<E>> Map<String, Sampler> byFamily(Class<E> type, ToLongFunction<E> value,
                                                                     Function<E, String> family,
                                                                     Function<E, String> label) {
        Map<String, Sampler> families = new TreeMap<>();
        for (E constant : type.getEnumConstants()) {
            String name = family.apply(constant);
            String labelValue = label.apply(constant);
            Sampler previous = families.get(name);
            Sampler one = sink -> sink.add(labelValue, value.applyAsLong(constant));
            families.put(name, previous == null ? one : sink -> {
                previous.sample(sink);
                one.sample(sink);
            });
        }
        return families;
    }

    // ---- metrics ---------------------------------------------------------------------------------------------

    private void counter(String service, String family, String label, String help) {
        CounterWithCallback.builder().name("ipv6boot_" + service + "_" + family).help(help)
                .labelNames(label == null ? new String[] {"server"} : new String[] {"server", label})
                .callback(cb -> each(service, family, (server, l, v) -> {
                    if (label == null) {
                        cb.call(v, server);
                    } else {
                        cb.call(v, server, l);
                    }
                }))
                .register(registry);
    }

    private void gauge(String service, String family, String help) {
        GaugeWithCallback.builder().name("ipv6boot_" + service + "_" + family).help(help).labelNames("server")
                .callback(cb -> each(service, family, (server, l, v) -> cb.call(v, server)))
                .register(registry);
    }

    private void each(String service, String family, LabelledSink sink) {
        for (Source source : sources) {
            Sampler sampler = source.service().equals(service) ? source.families().get(family) : null;
            if (sampler != null) {
                sampler.sample((label, value) -> sink.add(source.server(), label, value));
            }
        }
    }

    /** The registry the metrics live in, to add more or to expose it another way. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Writes every metric in the Prometheus text format 0.0.4. */
    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    /** The Content-Type of {@link #write}'s output. */
    public String contentType() {
        return writer.getContentType();
    }

    /** Per registered server: received, answered, dropped (by reason), for {@code /status}. */
    public List<ServiceSummary> summary() {
        List<ServiceSummary> out = new ArrayList<>();
        for (Source source : sources) {
            long[] totals = new long[2];
            Map<String, Long> dropped = new TreeMap<>();
            sample(source, RECEIVED, (label, v) -> totals[0] += v);
            sample(source, ANSWERED, (label, v) -> totals[1] += v);
            sample(source, DROPPED, (label, v) -> {
                if (v != 0) {
                    dropped.merge(label, v, Long::sum);
                }
            });
            long droppedTotal = dropped.values().stream().mapToLong(Long::longValue).sum();
            out.add(new ServiceSummary(source.service(), source.server(), totals[0], totals[1], droppedTotal, dropped));
        }
        return out;
    }

    private static void sample(Source source, String family, Sink sink) {
        Sampler sampler = source.families().get(family);
        if (sampler != null) {
            sampler.sample(sink);
        }
    }

    /** One registered server: its service, its label, and how to read each family of its counters. */
    private record Source(String service, String server, Map<String, Sampler> families) {
    }

    @FunctionalInterface
    private interface Sampler {
        void sample(Sink sink);
    }

    @FunctionalInterface
    private interface Sink {
        void add(String label, long value);
    }

    @FunctionalInterface
    private interface LabelledSink {
        void add(String server, String label, long value);
    }
}
