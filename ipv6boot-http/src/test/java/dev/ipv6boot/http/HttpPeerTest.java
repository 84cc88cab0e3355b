package dev.ipv6boot.http;

import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.NetworkNamespace;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** curl and wget, in their own namespace, fetch from {@link ArtifactServer} over a veth link. */
@PeerTest
class HttpPeerTest {
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path temp;
    Path root;
    byte[] efi;
    byte[] kernel;
    PeerNetwork network;
    ArtifactServer server;
    String base;
    final List<ServeEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Peers.require("curl", "wget", "ip");
        root = Files.createDirectories(temp.resolve("root"));
        efi = random(1 << 20, 1);
        kernel = random(6 << 20, 2);
        Files.write(root.resolve("ipxe.efi"), efi);
        Files.write(root.resolve("vmlinuz"), kernel);
        Files.writeString(root.resolve("ubuntu.cfg"), "d-i debian-installer/locale string en_US\n");
        Files.writeString(temp.resolve("secret.txt"), "SECRET-OUTSIDE-THE-ROOT");
        Files.writeString(root.resolve(".htpasswd"), "SECRET-DOT-FILE");
        Files.createSymbolicLink(root.resolve("escape"), temp.resolve("secret.txt"));
        network = PeerNetwork.create("http");
        server = ArtifactServer.builder(ArtifactRoot.of(root))
                .listen(new InetSocketAddress(network.serverAddress(), 0))
                .route("/boot/{mac}.ipxe", request -> DynamicResponse.text("#!ipxe\n# " + request.parameter("mac") + " "
                        + request.client().getAddress().getHostAddress() + "\n"))
                .listener(events::add)
                .start();
        base = "http://[" + network.serverHost() + "]:" + server.localAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (network != null) {
            network.close();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private Command.Result curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-g", "--max-time", "30"));
        command.addAll(List.of(args));
        return network.client().exec(RUN, command.toArray(String[]::new));
    }

    @Test
    void curlFetchesByteIdenticalFiles() throws IOException {
        Path out = temp.resolve("ipxe.efi");
        curl("-o", out.toString(), base + "/ipxe.efi").orThrow();
        assertArrayEquals(efi, Files.readAllBytes(out));
        Path dynamic = temp.resolve("boot.ipxe");
        curl("-o", dynamic.toString(), base + "/boot/52-54-00-12-34-56.ipxe").orThrow();
        String clientAddress = java.net.InetAddress.getByName(network.clientHost()).getHostAddress();
        assertEquals("#!ipxe\n# 52-54-00-12-34-56 " + clientAddress + "\n", Files.readString(dynamic),
                "the handler sees the booting client's own address");
    }

    @Test
    void curlHeadShowsLengthTypeAndValidators() {
        String headers = curl("-I", base + "/ipxe.efi").orThrow().output().toLowerCase();
        assertTrue(headers.startsWith("http/1.1 200"), headers);
        assertTrue(headers.contains("content-length: " + efi.length), headers);
        assertTrue(headers.contains("content-type: application/efi"), headers);
        assertTrue(headers.contains("etag: \""), headers);
        assertTrue(headers.contains("last-modified: "), headers);
    }

    @Test
    void curlFetchesRangesAndResumes() throws IOException {
        Path part = temp.resolve("part");
        Command.Result result = curl("-r", "1000-1999", "-o", part.toString(), "-w", "%{http_code}", base + "/vmlinuz").orThrow();
        assertEquals("206", result.output().trim());
        assertArrayEquals(java.util.Arrays.copyOfRange(kernel, 1000, 2000), Files.readAllBytes(part));
        // An interrupted download, resumed with -C - (Range from the local size), ends byte-identical.
        Path resumed = temp.resolve("resumed");
        Files.write(resumed, java.util.Arrays.copyOfRange(kernel, 0, 1_234_567));
        assertEquals("206", curl("-C", "-", "-o", resumed.toString(), "-w", "%{http_code}", base + "/vmlinuz").orThrow().output().trim());
        assertArrayEquals(kernel, Files.readAllBytes(resumed));
    }

    @Test
    void curlConditionalRequestsGet304() throws IOException {
        Path out = temp.resolve("cfg");
        Path etag = temp.resolve("etag");
        curl("--etag-save", etag.toString(), "-o", out.toString(), base + "/ubuntu.cfg").orThrow();
        assertTrue(Files.readString(etag).startsWith("\""), Files.readString(etag));
        assertEquals("304", curl("--etag-compare", etag.toString(), "-o", "/dev/null", "-w", "%{http_code}",
                base + "/ubuntu.cfg").orThrow().output().trim());
        // -z sends If-Modified-Since with the local file's time, which is after the server's copy.
        assertEquals("304", curl("-z", out.toString(), "-o", "/dev/null", "-w", "%{http_code}", base + "/ubuntu.cfg")
                .orThrow().output().trim());
        assertEquals("200", curl("-z", "Thu, 01 Jan 1970 00:00:00 GMT", "-o", "/dev/null", "-w", "%{http_code}",
                base + "/ubuntu.cfg").orThrow().output().trim());
        assertEquals(2, server.counters().get(HttpCounter.NOT_MODIFIED));
    }

    @Test
    void curlReusesOneConnectionForHeadThenGet() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        String verbose = curl("-v", "-o", a.toString(), base + "/ipxe.efi", "-o", b.toString(), base + "/vmlinuz")
                .orThrow().output();
        assertTrue(verbose.contains("Re-using existing connection"), verbose);
        assertArrayEquals(efi, Files.readAllBytes(a));
        assertArrayEquals(kernel, Files.readAllBytes(b));
        String headThenGet = curl("-v", "-I", base + "/ipxe.efi", "--next", "-o", a.toString(), base + "/ipxe.efi")
                .orThrow().output();
        assertTrue(headThenGet.contains("Re-using existing connection"), headThenGet);
        assertArrayEquals(efi, Files.readAllBytes(a));
        assertEquals(2, server.counters().get(HttpCounter.CONNECTIONS));
    }

    @Test
    void wgetFetchesByteIdenticalFiles() throws IOException {
        Path out = temp.resolve("vmlinuz");
        network.client().exec(RUN, "wget", "-q", "-O", out.toString(), base + "/vmlinuz").orThrow();
        assertArrayEquals(kernel, Files.readAllBytes(out));
        Path cfg = temp.resolve("ubuntu.cfg");
        network.client().exec(RUN, "wget", "-q", "-O", cfg.toString(), base + "/ubuntu.cfg").orThrow();
        assertEquals("d-i debian-installer/locale string en_US\n", Files.readString(cfg));
    }

    @Test
    void knownTraversalPayloadsAllGet4xxAndNothingOutsideIsRead() throws IOException {
        List<String> payloads = List.of(
                "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
                "/%2E%2E/%2E%2E/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/%252e%252e/secret.txt",
                "/%252e%252e%252fsecret.txt", "/..%252fsecret.txt", "/..\\secret.txt", "/..%5csecret.txt",
                "/%5c..%5c..%5cetc%5cpasswd", "/%c0%ae%c0%ae/secret.txt", "/%c0%af../secret.txt",
                "/%e0%80%ae%e0%80%ae/secret.txt", "/ipxe.efi%00.txt", "/secret.txt%00", "/./../secret.txt",
                "/.%2e/secret.txt", "/escape", "/.htpasswd", "/%2ehtpasswd", "//etc/passwd", "/" + temp.resolve("secret.txt"),
                "/....//secret.txt", "/..;/secret.txt", "/ubuntu.cfg/../../secret.txt");
        List<String> failures = new ArrayList<>();
        for (String payload : payloads) {
            Path body = temp.resolve("body");
            Files.deleteIfExists(body);
            Command.Result result = curl("--path-as-is", "-o", body.toString(), "-w", "%{http_code}", base + payload);
            String code = result.output().trim();
            String content = Files.exists(body) ? Files.readString(body, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
            if (!code.matches("4\\d\\d") || content.contains("SECRET") || content.contains("root:")) {
                failures.add(payload + " -> " + code + " " + content);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(0, server.counters().get(HttpCounter.FILES_SERVED));
        assertFalse(events.stream().anyMatch(event -> event.status() < 400), events.toString());
    }
}
