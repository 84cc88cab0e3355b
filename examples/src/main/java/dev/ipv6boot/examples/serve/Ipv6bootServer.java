package dev.ipv6boot.examples.serve;

import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import dev.ipv6boot.dhcp6.server.Dhcp6Listener;
import dev.ipv6boot.dhcp6.server.Dhcp6Server;
import dev.ipv6boot.dhcp6.server.Outcome;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dns.DnsForwarder;
import dev.ipv6boot.examples.config.Addresses;
import dev.ipv6boot.examples.config.BootCatalog;
import dev.ipv6boot.examples.config.Translation;
import dev.ipv6boot.http.ArtifactRoot;
import dev.ipv6boot.http.ArtifactServer;
import dev.ipv6boot.http.DynamicRequest;
import dev.ipv6boot.http.DynamicResponse;
import dev.ipv6boot.http.tftp.TftpServer;
import dev.ipv6boot.ndp.sender.RouterAdvertiser;
import dev.ipv6boot.preseed.Machine;
import dev.ipv6boot.preseed.net.MacAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running ipv6boot services of one {@link Translation}: the DNS forwarder, the HTTP and TFTP artifact servers,
 * the DHCPv6 server and one Router Advertiser per interface, started in that order (RAs last, so that hosts are
 * told about this server only once everything they will ask for is up) and closed in the reverse order.
 *
 * <p>HTTP serves, besides the files under its root, the per-machine paths of {@link BootCatalog}: the generic
 * {@value BootCatalog#IPXE_ENTRY} the iPXE rule's boot URL names, which chains to {@code /ipxe/<mac>.ipxe}
 * (rendered by the preseed module: kernel, initrd, kernel command line), and {@code /preseed/<mac>.cfg}.
 *
 * <pre>{@code
 * try (Ipv6bootServer server = Ipv6bootServer.start(translation, BootListeners.of(observer))) {
 *     server.reload(ConfigTranslator.translate(newConfig, newText));   // leases kept
 * }
 * }</pre>
 */
public final class Ipv6bootServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ipv6bootServer.class);

    private final BootListeners listeners;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<RouterAdvertiser> advertisers = new ArrayList<>();
    private DnsForwarder dns;
    private ArtifactServer http;
    private TftpServer tftp;
    private Dhcp6Server dhcp6;
    private volatile Translation current;
    private volatile boolean closed;

    private Ipv6bootServer(Translation translation, BootListeners listeners) {
        this.current = translation;
        this.listeners = listeners;
    }

    /**
     * Starts every service {@code translation} holds.
     *
     * @throws IllegalArgumentException when the translation has errors
     * @throws IOException              when a socket cannot be bound, an interface or the HTTP root is missing, or
     *                                  RAs cannot be sent (CAP_NET_RAW); whatever had started is closed again
     */
    public static Ipv6bootServer start(Translation translation, BootListeners listeners)
            throws IOException, InterruptedException {
        if (translation.hasErrors()) {
            throw new IllegalArgumentException("the configuration has errors: " + translation.problems());
        }
        Ipv6bootServer server = new Ipv6bootServer(translation, listeners == null ? BootListeners.NONE : listeners);
        try {
            server.startAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void startAll() throws IOException, InterruptedException {
        Translation t = current;
        if (t.dns() != null) {
            dns = DnsForwarder.start(t.dns(), listeners.dns());
            started.add(dns);
            LOG.info("dns listening on {}", BootEventLog.text(dns.boundAddresses()));
        }
        if (t.http() != null) {
            ArtifactRoot root = ArtifactRoot.of(t.http().root());
            http = ArtifactServer.builder(root).listen(t.http().listen())
                    .route(BootCatalog.IPXE_ENTRY, request -> ipxe(current.boot().entryScript()))
                    .route(BootCatalog.IPXE_PER_MACHINE, this::machineScript)
                    .route(BootCatalog.PRESEED_PER_MACHINE, this::preseed)
                    .listener(listeners.serve())
                    .start();
            started.add(http);
            LOG.info("http listening on {} root {}", BootEventLog.text(http.localAddresses()), t.http().root());
        }
        if (t.tftp() != null) {
            tftp = TftpServer.builder(ArtifactRoot.of(t.tftp().root())).listen(t.tftp().listen())
                    .listener(listeners.serve()).start();
            started.add(tftp);
            LOG.info("tftp listening on {} root {}", BootEventLog.text(tftp.localAddresses()), t.tftp().root());
        }
        if (t.dhcp6Policy() != null && t.dhcp6Server() != null) {
            if (t.dhcp6Server().journal() != null) {
                Files.createDirectories(t.dhcp6Server().journal().getParent());
            }
            dhcp6 = Dhcp6Server.start(t.dhcp6Policy(), t.dhcp6Server(), new MachineRecords(listeners.dhcp6()));
            started.add(dhcp6);
            LOG.info("dhcp6 listening on {}", BootEventLog.text(dhcp6.localAddresses()));
        }
        for (Translation.Advertising a : t.advertising()) {
            RouterAdvertiser advertiser = RouterAdvertiser.start(a.interfaceName(), a.advertisement(), a.settings(),
                    listeners.ra());
            advertisers.add(advertiser);
            started.add(advertiser);
            LOG.info("ra advertising on {}", a.interfaceName());
        }
    }

    // ---- per-machine HTTP paths ------------------------------------------------------------------------------

    private static DynamicResponse ipxe(String script) {
        return DynamicResponse.text(script);
    }

    private DynamicResponse machineScript(DynamicRequest request) {
        return current.boot().ipxeScript(request.parameter("mac")).map(Ipv6bootServer::ipxe).orElse(null);
    }

    private DynamicResponse preseed(DynamicRequest request) {
        return current.boot().preseed(request.parameter("mac")).map(DynamicResponse::text).orElse(null);
    }

    /**
     * Puts each configured machine's host name in the forwarder's local records with the address it was leased
     * ({@code dns.machine-records}), then tells the application's listener.
     */
    private final class MachineRecords implements Dhcp6Listener {
        private final Dhcp6Listener next;

        MachineRecords(Dhcp6Listener next) {
            this.next = next;
        }

        @Override
        public void answered(Dhcp6MessageView request, int replyType, long identity) {
            next.answered(request, replyType, identity);
        }

        @Override
        public void leaseBound(Lease lease) {
            Translation t = current;
            if (dns != null && t.source().dns().machineRecords() && lease.type() == Lease.ADDRESS
                    && MachineIdentity.kind(lease.identity()) == MachineIdentity.KIND_MAC) {
                Machine machine = t.boot().machines().get(new MacAddress(lease.identity() & 0xffff_ffff_ffffL));
                String name = machine == null ? null : fqdn(machine.hostname(), t.source().site().name());
                if (name != null) {
                    dns.localRecords().putHost(name, Addresses.address(lease.high(), lease.low()));
                }
            }
            next.leaseBound(lease);
        }

        @Override
        public void dropped(Outcome reason) {
            next.dropped(reason);
        }
    }

    /** {@code node-1} in the domain of the site's name ({@code boot.example} → {@code node-1.example}). */
    static String fqdn(String hostname, String siteName) {
        if (hostname.contains(".")) {
            return hostname;
        }
        if (siteName == null || siteName.indexOf('.') < 0) {
            return null;
        }
        return hostname + siteName.substring(siteName.indexOf('.'));
    }

    // ---- running -----------------------------------------------------------------------------------------------

    /**
     * Applies a new translation of the (edited) configuration without dropping leases: the DHCPv6 policy is
     * swapped on its event loop, the per-machine scripts and answers come from the new machines and profiles at
     * the next request. What cannot change in place (listen addresses, interfaces, the journal, RA contents,
     * DNS settings) is reported in the returned list and takes a restart.
     *
     * @throws IllegalArgumentException when the new translation has errors (nothing is changed)
     */
    public List<String> reload(Translation next) throws InterruptedException {
        if (next.hasErrors()) {
            throw new IllegalArgumentException("the configuration has errors; still serving the previous one");
        }
        Translation previous = current;
        List<String> needRestart = new ArrayList<>();
        if (dhcp6 != null && next.dhcp6Policy() != null) {
            try {
                dhcp6.replacePolicy(next.dhcp6Policy()).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the DHCPv6 event loop refused the new policy", e.getCause());
            }
            if (!sameListening(previous, next)) {
                needRestart.add("dhcp6 listening (interfaces, unicast, port, journal, salt)");
            }
        } else if ((dhcp6 == null) != (next.dhcp6Policy() == null)) {
            needRestart.add("dhcp6 enabled/disabled");
        }
        // DnsForwarderConfig holds an AccessControl without value equality: compare what it was made from
        if (!Objects.equals(previous.source().dns(), next.source().dns())
                || !Objects.equals(previous.source().site(), next.source().site())) {
            needRestart.add("dns");
        }
        if (!Objects.equals(previous.http(), next.http())) {
            needRestart.add("http listen/root");
        }
        if (!Objects.equals(previous.tftp(), next.tftp())) {
            needRestart.add("tftp listen/root");
        }
        if (!previous.advertising().toString().equals(next.advertising().toString())) {
            needRestart.add("ra");
        }
        current = next;
        return needRestart;
    }

    private static boolean sameListening(Translation a, Translation b) {
        var x = a.dhcp6Server();
        var y = b.dhcp6Server();
        return x != null && y != null && x.interfaces().equals(y.interfaces())
                && x.unicastAddresses().equals(y.unicastAddresses()) && x.serverPort() == y.serverPort()
                && Objects.equals(x.journal(), y.journal()) && java.util.Arrays.equals(x.salt(), y.salt());
    }

    /** The translation being served. */
    public Translation translation() {
        return current;
    }

    /** The DHCPv6 server (counters, lease store), if started. */
    public Optional<Dhcp6Server> dhcp6() {
        return Optional.ofNullable(dhcp6);
    }

    /** The DNS forwarder, if started. */
    public Optional<DnsForwarder> dns() {
        return Optional.ofNullable(dns);
    }

    /** The HTTP artifact server, if started. */
    public Optional<ArtifactServer> http() {
        return Optional.ofNullable(http);
    }

    /** The TFTP server, if started. */
    public Optional<TftpServer> tftp() {
        return Optional.ofNullable(tftp);
    }

    /** One advertiser per interface. */
    public List<RouterAdvertiser> advertisers() {
        return Collections.unmodifiableList(advertisers);
    }

    /** Where DHCPv6 listens (the first socket), for a relay or a test. */
    public Optional<InetSocketAddress> dhcp6Address() {
        return dhcp6 == null || dhcp6.localAddresses().isEmpty() ? Optional.empty()
                : Optional.of(dhcp6.localAddresses().get(0));
    }

    /**
     * Stops in the reverse order of starting: the RAs first (each sends a final RA with router lifetime 0, so hosts
     * stop using this router at once), then DHCPv6 (held replies dropped, the journal synced and closed), TFTP,
     * HTTP and DNS. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            AutoCloseable service = started.get(i);
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", service.getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
