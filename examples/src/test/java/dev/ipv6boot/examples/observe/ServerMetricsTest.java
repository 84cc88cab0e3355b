package dev.ipv6boot.examples.observe;

import dev.ipv6boot.examples.config.Addresses;
import dev.ipv6boot.dhcp6.policy.PolicyText;
import dev.ipv6boot.dhcp6.server.Dhcp6Counters;
import dev.ipv6boot.dhcp6.server.Dhcp6Server;
import dev.ipv6boot.dhcp6.server.Dhcp6ServerConfig;
import dev.ipv6boot.dhcp6.server.Outcome;
import dev.ipv6boot.dns.DnsForwarder;
import dev.ipv6boot.dns.DnsForwarderConfig;
import dev.ipv6boot.http.ArtifactRoot;
import dev.ipv6boot.http.ArtifactServer;
import dev.ipv6boot.http.HttpCounter;
import dev.ipv6boot.http.tftp.TftpServer;
import dev.ipv6boot.ndp.sender.RouterAdvertiserCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerMetricsTest {
    private static final String POLICY = String.join("\n",
            "authoritative",
            "option dns-servers 2001:db8::1",
            "if member('EDK2_PXE')",
            "  option bootfile-url tftp://[2001:db8::1]/ipxe.efi",
            "end",
            "subnet 2001:db8::/64",
            "  pool 2001:db8::1:0 - 2001:db8::1:ffff",
            "end");
    private static final int FILE_SIZE = 50_000;

    @TempDir
    Path root;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final BootObserver observer = BootObserver.builder().clock(clock).build();
    private final ServerMetrics metrics = new ServerMetrics(observer);

    static String scrape(ServerMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Servers count a request when it is finished, which may be just after the client has the answer. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within 5 s");
    }

    @Test
    void readsTheRealServersCountersAfterTrafficOnLoopback() throws Exception {
        Files.write(root.resolve("ipxe.efi"), new byte[FILE_SIZE]);
        Dhcp6ServerConfig dhcpConfig = new Dhcp6ServerConfig(List.of(), List.of("::1"), 0, 546, 1 << 20, null,
                HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"), 0x020000000001L, 1000, 1024);
        DnsForwarderConfig dnsConfig = DnsForwarderConfig.builder()
                .listen(new InetSocketAddress("::1", 0))
                .upstream(new InetSocketAddress("::1", 9))
                .localHost("boot.example", InetAddress.getByName("2001:db8::1"))
                .build();
        try (ArtifactServer http = ArtifactServer.builder(ArtifactRoot.of(root)).listen(new InetSocketAddress("::1", 0))
                     .threads(1).listener(observer).start();
             TftpServer tftp = TftpServer.builder(ArtifactRoot.of(root)).listen(new InetSocketAddress("::1", 0))
                     .threads(1).listener(observer).start();
             Dhcp6Server dhcp = Dhcp6Server.start(PolicyText.parse(POLICY), dhcpConfig, observer);
             DnsForwarder dns = DnsForwarder.start(dnsConfig, observer)) {
            metrics.register(http);
            metrics.register(tftp);
            metrics.register(dhcp);
            metrics.register(dns);
            metrics.register("eth9", () -> new RouterAdvertiserCounters(5, 3, 2, 7, 3, 0, 1, Map.of("hop-limit", 2L)));

            String base = "http://" + Addresses.format(http.localAddress());
            try (HttpClient client = HttpClient.newHttpClient()) {
                for (String path : List.of("/ipxe.efi", "/ipxe.efi", "/missing.efi")) {
                    client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("::1", 0))) {
                socket.setSoTimeout(5000);
                byte[] rrq = "\0\1missing.efi\0octet\0".getBytes(StandardCharsets.US_ASCII);   // RFC 1350 §5 RRQ
                socket.send(new DatagramPacket(rrq, rrq.length, tftp.localAddress()));
                socket.receive(new DatagramPacket(new byte[600], 600));                      // ERROR 1
                for (byte[] message : List.of(BootMessages.capturedEdk2Solicit(), BootMessages.capturedEdk2Request())) {
                    byte[] relayed = BootMessages.relayed(message);
                    socket.send(new DatagramPacket(relayed, relayed.length, dhcp.localAddresses().getFirst()));
                    socket.receive(new DatagramPacket(new byte[1500], 1500));
                }
                byte[] garbage = {1, 2, 3};
                socket.send(new DatagramPacket(garbage, garbage.length, dhcp.localAddresses().getFirst()));
            }
            SimpleResolver resolver = new SimpleResolver(InetAddress.getByName("::1"));
            resolver.setPort(dns.boundAddresses().getFirst().getPort());
            Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString("boot.example."),
                    Type.AAAA, DClass.IN)));
            assertEquals(Rcode.NOERROR, answer.getRcode());
            await(() -> http.counters().get(HttpCounter.REQUESTS) == 3 && dhcp.counters().get(Outcome.MALFORMED) == 1);

            String text = scrape(metrics);
            Scrape s = new Scrape(text);
            String h = Addresses.format(http.localAddress());
            assertEquals("counter", s.type("ipv6boot_http_received_total"), text);
            assertEquals(3, s.value("ipv6boot_http_received_total", "server", h));
            assertEquals(2, s.value("ipv6boot_http_answered_total", "server", h, "outcome", "files_served"));
            assertEquals(1, s.value("ipv6boot_http_answered_total", "server", h, "outcome", "not_found"));
            assertEquals(0, s.value("ipv6boot_http_dropped_total", "server", h, "reason", "refused_traversal"));
            double bytes = s.value("ipv6boot_http_served_bytes_total", "server", h);
            assertTrue(bytes >= 2 * FILE_SIZE && bytes < 2 * FILE_SIZE + 1024, "bytes " + bytes);

            String t = Addresses.format(tftp.localAddress());
            assertEquals(1, s.value("ipv6boot_tftp_received_total", "server", t));
            assertEquals(1, s.value("ipv6boot_tftp_answered_total", "server", t, "outcome", "not_found"));
            assertEquals(0, s.value("ipv6boot_tftp_active_transfers", "server", t));

            String d = Addresses.format(dhcp.localAddresses().getFirst());
            assertEquals(2, s.value("ipv6boot_dhcp6_received_total", "server", d, "message_type", "relay-forw"));
            assertEquals(2, s.value("ipv6boot_dhcp6_answered_total", "server", d));
            assertEquals(1, s.value("ipv6boot_dhcp6_dropped_total", "server", d, "reason", "malformed"));
            assertEquals(1, s.value("ipv6boot_dhcp6_leases", "server", d), "the Request bound one address");
            assertEquals("gauge", s.type("ipv6boot_dhcp6_leases"));

            String n = Addresses.format(dns.boundAddresses().getFirst());
            assertEquals(1, s.value("ipv6boot_dns_received_total", "server", n, "transport", "udp"));
            assertEquals(1, s.value("ipv6boot_dns_answered_total", "server", n, "source", "local"));

            assertEquals(5, s.value("ipv6boot_ra_received_total", "server", "eth9"));
            assertEquals(3, s.value("ipv6boot_ra_answered_total", "server", "eth9", "how", "unicast"));
            assertEquals(2, s.value("ipv6boot_ra_dropped_total", "server", "eth9", "reason", "hop-limit"));
            assertEquals(1, s.value("ipv6boot_ra_errors_total", "server", "eth9", "direction", "receive"));

            // The observer saw the firmware through the DHCPv6 listener: one machine, at the firmware stage.
            assertEquals(1, s.value("ipv6boot_machines", "stage", "firmware"));
            assertEquals(0, s.value("ipv6boot_machines_stuck", "stage", "firmware"));
            assertEquals(4, s.value("ipv6boot_unattributed_requests_total", "service", "download"),
                    "downloads from ::1 belong to no machine");
            long rcvbuf = Dhcp6Counters.udp6RcvbufErrors();
            if (rcvbuf >= 0) {
                assertNotNull(s.value("ipv6boot_udp6_rcvbuf_errors_total"));
            } else {
                assertNull(s.value("ipv6boot_udp6_rcvbuf_errors_total"));
            }

            List<ServiceSummary> summary = metrics.summary();
            ServiceSummary dhcpSummary = summary.stream().filter(x -> x.service().equals("dhcp6")).findFirst().orElseThrow();
            assertEquals(new ServiceSummary("dhcp6", d, 3, 2, 1, Map.of("malformed", 1L)), dhcpSummary);
        }
        assertTrue(observer.machine(BootMessages.MAC_TEXT).orElseThrow().events().stream()
                .anyMatch(e -> e.kind() == BootEvent.Kind.LEASE), "leaseBound reached the observer");
    }

    @Test
    void stuckMachinesShowPerStage() throws Exception {
        BootMessages.answer(observer, BootMessages.capturedEdk2Solicit(), 2);
        clock.advance(Duration.ofMinutes(16));
        Scrape s = new Scrape(scrape(metrics));
        assertEquals(1, s.value("ipv6boot_machines_stuck", "stage", "firmware"));
        assertEquals(0, s.value("ipv6boot_machines", "stage", "kernel"));
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
    }
}
