package dev.ipv6boot.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.server.Dhcp6Listener;
import dev.ipv6boot.examples.config.ConfigLoader;
import dev.ipv6boot.examples.config.ConfigTranslator;
import dev.ipv6boot.examples.config.Translation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server in-process on loopback ports: per-machine HTTP paths, DHCPv6 through a relay hop, reload, close. */
class Ipv6bootServerTest {

    @TempDir
    Path dir;

    private final int httpPort = freePort();

    private static int freePort() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String config(String dnsServer, String extraMachine) {
        return """
                site: {address: "::1", name: boot.test, state-directory: "%s"}
                ra: {enabled: false}
                dns: {enabled: false}
                tftp: {enabled: false}
                http: {listen: ["[::1]:%d"], root: "%s"}
                dhcp6:
                  unicast: ["[::1]:0"]
                  options: {dns-servers: "%s"}
                  rules:
                    - when: member('IPXE')
                      options: {bootfile-url: "http://[::1]/ipxe/boot.ipxe"}
                  subnets:
                    - prefix: 2001:db8::/64
                      pools: ["2001:db8::1:0 - 2001:db8::1:ffff"]
                profiles:
                  - {name: p, kernel: /linux, initrd: /initrd.gz}
                machines:
                  - {mac: "52:54:00:00:00:01", hostname: one, profile: p}
                %s
                """.formatted(dir.resolve("state"), httpPort, dir.resolve("root"), dnsServer, extraMachine);
    }

    private Translation translate(String text) throws Exception {
        Translation t = ConfigTranslator.translate(ConfigLoader.parse(text, "test.yaml"), text);
        assertFalse(t.hasErrors(), t.problems().toString());
        return t;
    }

    @Test
    void servesMachinesAndReloadsWithoutDroppingLeases() throws Exception {
        Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("root/linux"), "kernel");
        List<Lease> bound = new CopyOnWriteArrayList<>();
        Dhcp6Listener leases = new Dhcp6Listener() {
            @Override
            public void leaseBound(Lease lease) {
                bound.add(new Lease().set(lease.type(), lease.identity(), lease.ordinal(), lease.iaid(), lease.high(),
                        lease.low(), lease.prefixLength(), lease.validUntil(), lease.attempt()));
            }
        };
        Ipv6bootServer server = Ipv6bootServer.start(translate(config("2001:db8::1", "")),
                new BootListeners(leases, null, null, null));
        try (DatagramSocket relay = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0));
             HttpClient http = HttpClient.newHttpClient()) {
            relay.setSoTimeout(5000);
            String base = "http://[::1]:" + server.http().orElseThrow().localAddress().getPort();
            assertTrue(get(http, base + "/ipxe/boot.ipxe").body().contains("/ipxe/${netX/mac:hexhyp}.ipxe"));
            HttpResponse<String> script = get(http, base + "/ipxe/52-54-00-00-00-01.ipxe");
            assertEquals(200, script.statusCode());
            assertTrue(script.body().contains("preseed/url=http://[::1]:" + httpPort + "/preseed/52-54-00-00-00-01.cfg"), script.body());
            assertTrue(get(http, base + "/preseed/52-54-00-00-00-01.cfg").body().contains("get_hostname string one"));
            assertEquals(404, get(http, base + "/ipxe/52-54-00-00-00-02.ipxe").statusCode(), "not configured yet");
            assertEquals("kernel", get(http, base + "/linux").body(), "files come from the root");

            InetSocketAddress dhcp6 = server.dhcp6Address().orElseThrow();
            Dhcp6MessageView first = exchange(relay, dhcp6, 0x525400000001L);
            assertEquals("2001:db8::1", dns(first));

            List<String> needRestart = server.reload(translate(config("2001:db8::53",
                    "  - {mac: \"52:54:00:00:00:02\", hostname: two, profile: p}")));
            assertTrue(needRestart.isEmpty(), needRestart.toString());

            Dhcp6MessageView second = exchange(relay, dhcp6, 0x525400000001L);
            assertEquals("2001:db8::53", dns(second), "the new policy answers");
            assertEquals(address(first), address(second), "the machine keeps its address across the reload");
            assertEquals(1, server.dhcp6().orElseThrow().store().size(), "no lease dropped, none added");
            assertEquals(200, get(http, base + "/ipxe/52-54-00-00-00-02.ipxe").statusCode(), "the new machine");
        } finally {
            server.close();
        }
        server.close();                                            // idempotent
        assertEquals(2, bound.size(), "bound, then extended");
        List<LeasesCommand.Row> journal = LeasesCommand.read(dir.resolve("state/dhcp6.journal"));
        assertEquals(1, journal.size(), "the journal was synced and closed on close()");
        assertEquals(address(bound.get(0).high(), bound.get(0).low()),
                address(journal.get(0).high(), journal.get(0).low()));
    }

    @Test
    void servesHttpOnEveryListenAddress() throws Exception {
        Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("root/linux"), "kernel");
        String first = "\"[::1]:" + httpPort + "\"";
        String text = config("2001:db8::1", "").replace("[" + first + "]", "[" + first + ", \"[::1]:0\"]");
        Ipv6bootServer server = Ipv6bootServer.start(translate(text), BootListeners.NONE);
        try (HttpClient http = HttpClient.newHttpClient()) {
            List<InetSocketAddress> listening = server.http().orElseThrow().localAddresses();
            assertEquals(2, listening.size(), listening.toString());
            assertEquals(httpPort, listening.get(0).getPort());
            for (InetSocketAddress address : listening) {
                assertEquals("kernel", get(http, "http://[::1]:" + address.getPort() + "/linux").body(), address.toString());
            }
        } finally {
            server.close();
        }
    }

    @Test
    void aTranslationWithErrorsIsNotStarted() throws Exception {
        String text = "site: {address: \"::1\"}\ndhcp6: {subnets: [{prefix: nope}]}\n";
        Translation t = ConfigTranslator.translate(ConfigLoader.parse(text, "bad.yaml"), text);
        try {
            Ipv6bootServer.start(t, BootListeners.NONE).close();
            throw new AssertionError("started with errors");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("errors"));
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A Solicit with Rapid Commit (binds at once), relayed from link 2001:db8::ff with the client's MAC in option 79. */
    private static Dhcp6MessageView exchange(DatagramSocket relay, InetSocketAddress server, long mac) throws Exception {
        ByteBuf out = Unpooled.buffer(512);
        Dhcp6Writer w = new Dhcp6Writer().begin(out, 512)
                .relayHeader(12, 0, 0x20010db800000000L, 0xffL, 0xfe80_0000_0000_0000L, 1)
                .clientLinkLayerAddress(1, mac)
                .relayMessage()
                .header(1, 0x010203)
                .beginOption(OptionCodes.CLIENT_ID).duidUuid(0, 0).endOption()
                .iaNa(1, 0, 0).endOption()
                .optionRequest(new int[] {OptionCodes.DNS_SERVERS, OptionCodes.BOOT_FILE_URL})
                .userClass("iPXE")
                .rapidCommit()
                .endOption();
        assertTrue(w.finish());
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        relay.send(new DatagramPacket(bytes, bytes.length, server));
        DatagramPacket reply = new DatagramPacket(new byte[1500], 1500);
        relay.receive(reply);
        Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(v.wrap(Unpooled.wrappedBuffer(java.util.Arrays.copyOf(reply.getData(), reply.getLength()))));
        assertEquals(7, v.innermost().messageType(), "a Reply (Rapid Commit)");
        String url = text(v.innermost(), OptionCodes.BOOT_FILE_URL);
        assertEquals("http://[::1]/ipxe/boot.ipxe", url);
        return v.innermost();
    }

    private static String text(Dhcp6MessageView v, int code) {
        int i = v.indexOf(code);
        assertTrue(i >= 0, "option " + code);
        return v.buffer().toString(v.optionOffset(i), v.optionLength(i), StandardCharsets.US_ASCII);
    }

    private static String dns(Dhcp6MessageView v) {
        int i = v.indexOf(OptionCodes.DNS_SERVERS);
        assertTrue(i >= 0, "DNS servers present");
        return address(v.buffer().getLong(v.optionOffset(i)), v.buffer().getLong(v.optionOffset(i) + 8));
    }

    private static String address(Dhcp6MessageView v) {
        int ia = v.indexOf(OptionCodes.IA_NA);
        int inner = v.optionOffset(ia) + 12;
        return address(v.buffer().getLong(inner + 4), v.buffer().getLong(inner + 12));
    }

    private static String address(long high, long low) {
        return Ipv6AddressFormat.toString(high, low);
    }
}
