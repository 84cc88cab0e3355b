package dev.ipv6boot.http;

import dev.ipv6boot.testkit.pcap.CapturedFrame;
import dev.ipv6boot.testkit.pcap.PcapReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replays, byte for byte, the HTTP requests real boot clients sent in the captures (see vectors/README.md). */
class CapturedRequestsTest {
    @TempDir
    Path root;
    ArtifactServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The TCP payload bytes each client connection sent to port 80, one entry per connection, in order. */
    static List<byte[]> requestsTo80(String capture) throws Exception {
        List<CapturedFrame> frames = PcapReader.read(vector(capture));
        java.util.Map<Integer, ByteArrayOutputStream> byClientPort = new java.util.LinkedHashMap<>();
        for (CapturedFrame frame : frames) {
            frame.ipv6().flatMap(ip -> ip.tcp()).ifPresent(tcp -> {
                if (tcp.destinationPort() == 80 && tcp.payload().length > 0) {
                    byClientPort.computeIfAbsent(tcp.sourcePort(), port -> new ByteArrayOutputStream()).writeBytes(tcp.payload());
                }
            });
        }
        List<byte[]> connections = new ArrayList<>();
        byClientPort.values().forEach(out -> connections.add(out.toByteArray()));
        return connections;
    }

    private static Path vector(String name) throws URISyntaxException {
        return Path.of(CapturedRequestsTest.class.getResource("/vectors/" + name).toURI());
    }

    private InetSocketAddress start() throws Exception {
        server = ArtifactServer.builder(ArtifactRoot.of(root)).listen(new InetSocketAddress("::1", 0)).threads(1).start();
        return server.localAddress();
    }

    @Test
    void curlGetOfThePreseedFile() throws Exception {
        Files.writeString(root.resolve("ubuntu.cfg"), "d-i debian-installer/locale string en_US\n");
        List<byte[]> connections = requestsTo80("http-get-ipv6.pcap");
        assertEquals(1, connections.size());
        assertTrue(new String(connections.get(0), StandardCharsets.US_ASCII).startsWith("GET /ubuntu.cfg HTTP/1.1\r\n"));
        try (HttpTestClient client = new HttpTestClient(start())) {
            HttpTestClient.Response response = client.send(connections.get(0)).read();
            assertEquals(200, response.status());
            assertEquals("d-i debian-installer/locale string en_US\n", response.text());
            assertEquals("text/plain; charset=utf-8", response.header("content-type"));
        }
    }

    @Test
    void edk2HttpBootHeadThenGetOnOneConnectionThenIpxe() throws Exception {
        byte[] efi = new byte[1 << 20];
        new Random(7).nextBytes(efi);
        Files.write(root.resolve("ipxe.efi"), efi);
        Files.writeString(root.resolve("ubuntu.cfg"), "#!ipxe\n");
        Files.writeString(root.resolve("marker-52-54-00-12-34-56.txt"), "seen\n");
        List<byte[]> connections = requestsTo80("ipxe-ovmfnet-boot.pcap");
        InetSocketAddress address = start();
        int edk2 = 0;
        int ipxe = 0;
        for (byte[] sent : connections) {
            String text = new String(sent, StandardCharsets.US_ASCII);
            try (HttpTestClient client = new HttpTestClient(address)) {
                if (text.startsWith("HEAD /ipxe.efi")) {
                    // EDK2 sent HEAD and GET on one connection; replay them one at a time, as it did.
                    int split = text.indexOf("GET /ipxe.efi");
                    client.send(java.util.Arrays.copyOfRange(sent, 0, split));
                    HttpTestClient.Response head = client.read(true);
                    assertEquals(200, head.status());
                    assertEquals("application/efi", head.header("content-type"));
                    assertEquals(String.valueOf(efi.length), head.header("content-length"));
                    client.send(java.util.Arrays.copyOfRange(sent, split, sent.length));
                    assertArrayEquals(efi, client.read().body());
                    edk2++;
                } else {
                    client.send(sent);
                    for (int at = text.indexOf("GET "); at >= 0; at = text.indexOf("GET ", at + 1)) {
                        assertEquals(200, client.read().status());
                        ipxe++;
                    }
                }
            }
        }
        assertEquals(1, edk2);
        assertEquals(2, ipxe);
        assertEquals(1, server.counters().get(HttpCounter.CONNECTIONS) - connections.size() + 1);
    }
}
