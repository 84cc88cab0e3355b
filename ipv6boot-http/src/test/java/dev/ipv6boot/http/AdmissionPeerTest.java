package dev.ipv6boot.http;

import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boot-storm admission with real clients: with the limit at N, N+K concurrent curl downloads give K answers
 * 503 with Retry-After and N complete transfers. The first N are rate-limited ({@code --limit-rate}) and
 * known to be in flight before the other K start, so the overlap is certain, not a race.
 */
@PeerTest
class AdmissionPeerTest {
    private static final int N = 3;
    private static final int K = 2;

    @TempDir
    Path temp;

    @Test
    void admitsNAndAnswersTheRest503WithRetryAfter() throws Exception {
        Peers.require("curl", "ip");
        Path root = Files.createDirectories(temp.resolve("root"));
        // Far more than the kernel's socket buffers hold (tcp_wmem + tcp_rmem, a few MiB), so a rate-limited
        // client keeps its download in flight for seconds.
        byte[] kernel = new byte[24 << 20];
        new Random(5).nextBytes(kernel);
        Files.write(root.resolve("vmlinuz"), kernel);
        try (PeerNetwork network = PeerNetwork.create("adm");
             ArtifactServer server = ArtifactServer.builder(ArtifactRoot.of(root))
                     .listen(new InetSocketAddress(network.serverAddress(), 0))
                     .admission(AdmissionPolicy.of(N, 100).withRetryAfter(Duration.ofSeconds(9)))
                     .start()) {
            String url = "http://[" + network.serverHost() + "]:" + server.localAddress().getPort() + "/vmlinuz";
            List<Process> clients = new ArrayList<>();
            for (int i = 0; i < N + K; i++) {
                if (i == N) {
                    await(() -> server.largeDownloadsInFlight() == N);
                }
                clients.add(network.client().start(temp.resolve("curl-" + i + ".log"), "curl", "-sS", "-g",
                        "--limit-rate", "3M", "--max-time", "60", "-D", temp.resolve("headers-" + i).toString(),
                        "-o", temp.resolve("body-" + i).toString(), "-w", "%{http_code}", url));
            }
            for (Process client : clients) {
                assertTrue(client.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "curl finished");
            }
            int complete = 0;
            int refused = 0;
            for (int i = 0; i < N + K; i++) {
                String code = Files.readString(temp.resolve("curl-" + i + ".log")).trim();
                String headers = Files.readString(temp.resolve("headers-" + i)).toLowerCase();
                if (code.equals("200")) {
                    assertArrayEquals(kernel, Files.readAllBytes(temp.resolve("body-" + i)));
                    complete++;
                } else {
                    assertEquals("503", code, headers);
                    assertTrue(headers.contains("retry-after: 9"), headers);
                    refused++;
                }
            }
            assertEquals(N, complete);
            assertEquals(K, refused);
            assertEquals(K, server.counters().get(HttpCounter.ADMISSION_REFUSED_GLOBAL));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "condition within 20 s");
    }
}
