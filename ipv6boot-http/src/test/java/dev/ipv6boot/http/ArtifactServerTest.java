package dev.ipv6boot.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArtifactServerTest {
    private static final int EFI_SIZE = 300_000;

    @TempDir
    Path temp;
    Path rootDir;
    byte[] efi;
    ArtifactServer server;
    final List<ServeEvent> events = new CopyOnWriteArrayList<>();
    final List<String> accessLog = new CopyOnWriteArrayList<>();

    @BeforeEach
    void files() throws IOException {
        rootDir = Files.createDirectories(temp.resolve("root"));
        efi = new byte[EFI_SIZE];
        new Random(6).nextBytes(efi);
        Files.write(rootDir.resolve("ipxe.efi"), efi);
        Files.writeString(rootDir.resolve("ubuntu.cfg"), "d-i debian-installer/locale string en_US\n");
        Files.writeString(temp.resolve("secret.txt"), "outside the root");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private InetSocketAddress start(ArtifactServer.Builder builder) throws InterruptedException {
        server = builder.listen(new InetSocketAddress("::1", 0)).threads(2)
                .listener(events::add).listener(AccessLog.common(accessLog::add)).start();
        return server.localAddress();
    }

    private InetSocketAddress start() throws Exception {
        return start(ArtifactServer.builder(ArtifactRoot.of(rootDir)));
    }

    @Test
    void servesAWholeFileWithValidatorsAndEfiContentType() throws Exception {
        try (HttpTestClient client = new HttpTestClient(start())) {
            HttpTestClient.Response response = client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals(200, response.status());
            assertArrayEquals(efi, response.body());
            assertEquals("application/efi", response.header("content-type"));
            assertEquals(String.valueOf(EFI_SIZE), response.header("content-length"));
            assertEquals("bytes", response.header("accept-ranges"));
            assertTrue(response.header("etag").matches("\"[0-9a-f]+-[0-9a-f]+\""), response.header("etag"));
            assertTrue(response.header("last-modified").endsWith(" GMT"));
        }
        assertEquals(1, server.counters().get(HttpCounter.FILES_SERVED));
        assertEquals(EFI_SIZE, server.counters().get(HttpCounter.BODY_BYTES));
    }

    @Test
    void headThenGetOnOneConnectionAsEdk2Does() throws Exception {
        try (HttpTestClient client = new HttpTestClient(start())) {
            HttpTestClient.Response head = client.send("HEAD /ipxe.efi HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
            assertEquals(200, head.status());
            assertEquals(String.valueOf(EFI_SIZE), head.header("content-length"));
            assertEquals(0, head.body().length);
            HttpTestClient.Response get = client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertArrayEquals(efi, get.body());
        }
        assertEquals(1, server.counters().get(HttpCounter.CONNECTIONS));
    }

    @Test
    void answersPipelinedRequestsInOrder() throws Exception {
        try (HttpTestClient client = new HttpTestClient(start())) {
            client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\n\r\nGET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /missing HTTP/1.1\r\nHost: x\r\n\r\n");
            assertArrayEquals(efi, client.read().body());
            assertEquals("d-i debian-installer/locale string en_US\n", client.read().text());
            assertEquals(404, client.read().status());
        }
    }

    @Test
    void servesOneRange() throws Exception {
        try (HttpTestClient client = new HttpTestClient(start())) {
            HttpTestClient.Response response = client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\nRange: bytes=1000-1999\r\n\r\n").read();
            assertEquals(206, response.status());
            assertEquals("bytes 1000-1999/" + EFI_SIZE, response.header("content-range"));
            assertArrayEquals(Arrays.copyOfRange(efi, 1000, 2000), response.body());
            HttpTestClient.Response suffix = client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\nRange: bytes=-10\r\n\r\n").read();
            assertArrayEquals(Arrays.copyOfRange(efi, EFI_SIZE - 10, EFI_SIZE), suffix.body());
            HttpTestClient.Response outside = client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\nRange: bytes=999999-\r\n\r\n").read();
            assertEquals(416, outside.status());
            assertEquals("bytes */" + EFI_SIZE, outside.header("content-range"));
        }
        assertEquals(2, server.counters().get(HttpCounter.RANGES_SERVED));
        assertEquals(1, server.counters().get(HttpCounter.RANGE_NOT_SATISFIABLE));
    }

    @Test
    void ifRangeResumesOnlyWhileTheFileIsUnchanged() throws Exception {
        try (HttpTestClient client = new HttpTestClient(start())) {
            String etag = client.send("HEAD /ipxe.efi HTTP/1.1\r\nHost: x\r\n\r\n").read(true).header("etag");
            HttpTestClient.Response resumed = client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\nRange: bytes=100-\r\nIf-Range: "
                    + etag + "\r\n\r\n").read();
            assertEquals(206, resumed.status());
            assertArrayEquals(Arrays.copyOfRange(efi, 100, EFI_SIZE), resumed.body());
            HttpTestClient.Response changed = client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\nRange: bytes=100-\r\nIf-Range: \"other\"\r\n\r\n").read();
            assertEquals(200, changed.status());
            assertArrayEquals(efi, changed.body());
        }
    }

    @Test
    void answersConditionalRequests() throws Exception {
        try (HttpTestClient client = new HttpTestClient(start())) {
            HttpTestClient.Response first = client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read();
            String etag = first.header("etag");
            String modified = first.header("last-modified");
            HttpTestClient.Response byTag = client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"x\", W/" + etag + "\r\n\r\n").read();
            assertEquals(304, byTag.status());
            assertEquals(etag, byTag.header("etag"));
            assertEquals(304, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: " + modified + "\r\n\r\n").read().status());
            assertEquals(200, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\n\r\n").read().status());
            assertEquals(200, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"other\"\r\n\r\n").read().status());
            assertEquals(412, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\nIf-Match: \"other\"\r\n\r\n").read().status());
            assertEquals(200, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\nIf-Match: " + etag + "\r\n\r\n").read().status());
            assertEquals(412, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\nIf-Unmodified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\n\r\n").read().status());
        }
        assertEquals(2, server.counters().get(HttpCounter.NOT_MODIFIED));
        assertEquals(2, server.counters().get(HttpCounter.PRECONDITION_FAILED));
    }

    @Test
    void refusesTraversalAndNeverSendsWhatLiesOutside() throws Exception {
        Files.createSymbolicLink(rootDir.resolve("escape"), temp.resolve("secret.txt"));
        Files.writeString(rootDir.resolve(".htaccess"), "hidden");
        InetSocketAddress address = start();
        List<String> payloads = List.of("/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
                "/%252e%252e%252fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/ipxe.efi%00.txt",
                "/escape", "/.htaccess", "/%2ehtaccess", "/%c0%ae%c0%ae/secret.txt", "/" + temp.resolve("secret.txt"),
                "http://x/../secret.txt", "/./ipxe.efi", "/%", "secret.txt");
        for (String payload : payloads) {
            try (HttpTestClient client = new HttpTestClient(address)) {
                HttpTestClient.Response response = client.send("GET " + payload + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertTrue(response.status() >= 400 && response.status() < 500, payload + " -> " + response.status());
                assertFalse(response.text().contains("outside") || response.text().contains("hidden"), payload);
            }
        }
        assertEquals(0, server.counters().get(HttpCounter.FILES_SERVED));
        assertTrue(server.counters().get(HttpCounter.REFUSED_TRAVERSAL) >= 4);
        assertTrue(server.counters().get(HttpCounter.REFUSED_DOUBLE_ENCODING) >= 1);
        assertEquals(1, server.counters().get(HttpCounter.REFUSED_SYMLINK));
        assertEquals(1, server.counters().get(HttpCounter.REFUSED_CONTROL_CHARACTER));
    }

    @Test
    void refusesOtherMethodsAndKeepsTheConnection() throws Exception {
        try (HttpTestClient client = new HttpTestClient(start())) {
            HttpTestClient.Response response = client.send("PUT /ipxe.efi HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc").read();
            assertEquals(405, response.status());
            assertEquals("GET, HEAD", response.header("allow"));
            assertEquals(200, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
        }
    }

    @Test
    void boundsTheRequestLineAndHeaders() throws Exception {
        InetSocketAddress address = start(ArtifactServer.builder(ArtifactRoot.of(rootDir))
                .limits(new HttpLimits(256, 1024, 100, Duration.ofSeconds(30), Duration.ofSeconds(10))));
        try (HttpTestClient client = new HttpTestClient(address)) {
            assertEquals(414, client.send("GET /" + "a".repeat(300) + " HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            assertTrue(client.closedByServer());
        }
        try (HttpTestClient client = new HttpTestClient(address)) {
            assertEquals(431, client.send("GET / HTTP/1.1\r\nHost: x\r\nX: " + "b".repeat(2000) + "\r\n\r\n").read().status());
        }
        try (HttpTestClient client = new HttpTestClient(address)) {
            assertEquals(400, client.send("GARBAGE\r\n\r\n").read().status());
        }
        assertEquals(1, server.counters().get(HttpCounter.REQUEST_LINE_TOO_LONG));
        assertEquals(1, server.counters().get(HttpCounter.HEADERS_TOO_LARGE));
        assertEquals(1, server.counters().get(HttpCounter.MALFORMED_REQUESTS));
    }

    @Test
    void servesEveryListenAddress() throws Exception {
        server = ArtifactServer.builder(ArtifactRoot.of(rootDir)).threads(2)
                .listen(List.of(new InetSocketAddress("::1", 0), new InetSocketAddress("127.0.0.1", 0))).start();
        List<InetSocketAddress> bound = server.localAddresses();
        assertEquals(2, bound.size());
        assertEquals(InetAddress.getByName("::1"), bound.get(0).getAddress());
        assertEquals(InetAddress.getByName("127.0.0.1"), bound.get(1).getAddress());
        assertEquals(bound.get(0), server.localAddress());
        for (InetSocketAddress address : bound) {
            try (HttpTestClient client = new HttpTestClient(address)) {
                HttpTestClient.Response response = client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertEquals(200, response.status(), address.toString());
                assertEquals("d-i debian-installer/locale string en_US\n", response.text());
            }
        }
        assertEquals(2, server.counters().get(HttpCounter.FILES_SERVED));
    }

    @Test
    void bindsNoAddressWhenOneOfThemIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            int free;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
                free = probe.getLocalPort();
            }
            ArtifactServer.Builder builder = ArtifactServer.builder(ArtifactRoot.of(rootDir)).threads(1)
                    .listen(List.of(new InetSocketAddress("::1", free), (InetSocketAddress) taken.getLocalSocketAddress()));
            assertThrows(Exception.class, builder::start);
            // The first address was bound, then given back when the second failed.
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("::1", free));
            }
        }
    }

    @Test
    void refusesAnEmptyListOfListenAddresses() throws IOException {
        ArtifactServer.Builder builder = ArtifactServer.builder(ArtifactRoot.of(rootDir));
        assertThrows(IllegalArgumentException.class, () -> builder.listen(List.of()));
    }

    @Test
    void closesConnectionsBeyondTheLimit() throws Exception {
        InetSocketAddress address = start(ArtifactServer.builder(ArtifactRoot.of(rootDir))
                .limits(new HttpLimits(4096, 8192, 1, Duration.ofSeconds(30), Duration.ofSeconds(10))));
        try (HttpTestClient first = new HttpTestClient(address)) {
            assertEquals(200, first.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            try (HttpTestClient second = new HttpTestClient(address)) {
                assertTrue(second.closedByServer());
            }
        }
        assertEquals(1, server.counters().get(HttpCounter.CONNECTIONS_REFUSED));
    }

    @Test
    void closesIdleAndSlowClients() throws Exception {
        InetSocketAddress address = start(ArtifactServer.builder(ArtifactRoot.of(rootDir))
                .limits(new HttpLimits(4096, 8192, 10, Duration.ofMillis(300), Duration.ofMillis(200))));
        try (HttpTestClient idle = new HttpTestClient(address)) {
            assertTrue(idle.closedByServer());
        }
        try (HttpTestClient slow = new HttpTestClient(address)) {
            slow.send("GET /ubuntu.cfg HTTP/1.1\r\n");   // never finishes its head
            assertTrue(slow.closedByServer());
        }
        assertEquals(1, server.counters().get(HttpCounter.IDLE_TIMEOUTS));
        assertEquals(1, server.counters().get(HttpCounter.REQUEST_HEAD_TIMEOUTS));
    }

    @Test
    void rendersDynamicContentWithTheClientAddress() throws Exception {
        InetSocketAddress address = start(ArtifactServer.builder(ArtifactRoot.of(rootDir))
                .route("/boot/{mac}.ipxe", request -> DynamicResponse.text("#!ipxe\necho " + request.parameter("mac")
                        + " from " + request.client().getAddress().getHostAddress() + "\n"))
                .route("/fail/{x}", request -> {
                    throw new IllegalStateException("boom");
                })
                .route("/nobody/{x}", request -> null));
        try (HttpTestClient client = new HttpTestClient(address)) {
            HttpTestClient.Response response = client.send("GET /boot/52-54-00-12-34-56.ipxe HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals(200, response.status());
            assertEquals("#!ipxe\necho 52-54-00-12-34-56 from 0:0:0:0:0:0:0:1\n", response.text());
            assertEquals("no-store", response.header("cache-control"));
            assertEquals(500, client.send("GET /fail/1 HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            assertEquals(404, client.send("GET /nobody/1 HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            assertEquals(200, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
        }
        assertEquals(2, server.counters().get(HttpCounter.DYNAMIC));
        assertEquals(1, server.counters().get(HttpCounter.HANDLER_FAILURES));
    }

    @Test
    void runsBlockingHandlersOnTheGivenExecutor() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "render"));
        try {
            InetSocketAddress address = start(ArtifactServer.builder(ArtifactRoot.of(rootDir)).handlerExecutor(executor)
                    .route("/who", request -> DynamicResponse.text(Thread.currentThread().getName())));
            try (HttpTestClient client = new HttpTestClient(address)) {
                assertEquals("render", client.send("GET /who HTTP/1.1\r\nHost: x\r\n\r\n").read().text());
                assertEquals(200, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void refusesLargeDownloadsBeyondTheLimitWithRetryAfter() throws Exception {
        Path big = rootDir.resolve("initrd.gz");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(256L << 20);   // sparse: no disk, far more than socket buffers hold
        }
        InetSocketAddress address = start(ArtifactServer.builder(ArtifactRoot.of(rootDir))
                .admission(AdmissionPolicy.of(10, 1).withLargeFileBytes(100_000).withRetryAfter(Duration.ofSeconds(7))));
        try (HttpTestClient stalled = new HttpTestClient(address)) {
            stalled.send("GET /initrd.gz HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, stalled.read(true).status());   // head only: the body stays in flight
            try (HttpTestClient second = new HttpTestClient(address)) {
                HttpTestClient.Response refused = second.send("GET /initrd.gz HTTP/1.1\r\nHost: x\r\n\r\n").read();
                assertEquals(503, refused.status());
                assertEquals("7", refused.header("retry-after"));
                // Small files and HEAD are never held back.
                assertEquals(200, second.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
                assertEquals(200, second.send("HEAD /initrd.gz HTTP/1.1\r\nHost: x\r\n\r\n").read(true).status());
            }
            assertEquals(1, server.largeDownloadsInFlight());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.largeDownloadsInFlight() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.largeDownloadsInFlight(), "a closed connection gives its slot back");
        try (HttpTestClient again = new HttpTestClient(address)) {
            HttpTestClient.Response response = again.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertArrayEquals(efi, response.body());
        }
        assertEquals(1, server.counters().get(HttpCounter.ADMISSION_REFUSED_PREFIX));
    }

    @Test
    void seesAChangedSmallFileOnceTheCacheValidityHasPassed() throws Exception {
        InetSocketAddress address = start(ArtifactServer.builder(ArtifactRoot.of(rootDir))
                .fileCacheValidity(Duration.ofMillis(300)));
        try (HttpTestClient client = new HttpTestClient(address)) {
            assertEquals("d-i debian-installer/locale string en_US\n",
                    client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read().text());
            Files.writeString(rootDir.resolve("ubuntu.cfg"), "changed\n");
            Thread.sleep(400);
            HttpTestClient.Response response = client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals("changed\n", response.text());
            assertEquals("8", response.header("content-length"));
        }
    }

    @Test
    void aLargeFileReplacedWhileCachedIsSentWithItsNewLength() throws Exception {
        InetSocketAddress address = start(ArtifactServer.builder(ArtifactRoot.of(rootDir))
                .fileCacheValidity(Duration.ofMinutes(1)));
        try (HttpTestClient client = new HttpTestClient(address)) {
            assertArrayEquals(efi, client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\n\r\n").read().body());
            byte[] replaced = new byte[200_000];
            new Random(9).nextBytes(replaced);
            Files.write(rootDir.resolve("ipxe.efi"), replaced);
            HttpTestClient.Response response = client.send("GET /ipxe.efi HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertEquals(200, response.status());
            assertArrayEquals(replaced, response.body());
        }
    }

    @Test
    void resolvesCacheMissesOnTheFileExecutor() throws Exception {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        InetSocketAddress address = start(ArtifactServer.builder(ArtifactRoot.of(rootDir))
                .fileExecutor(task -> {
                    runs.incrementAndGet();
                    new Thread(task, "disk").start();
                }));
        try (HttpTestClient client = new HttpTestClient(address)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
            }
            assertEquals(404, client.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
        }
        assertEquals(2, runs.get(), "one miss per path; the repeats came from the cache");
    }

    @Test
    void admissionCountsPrefixesAndTheGlobalLimitApart() {
        Admission admission = new Admission(new AdmissionPolicy(1, 3, 2, 64, Duration.ofSeconds(1)));
        Admission.Prefix rack1 = admission.prefixOf(address("2001:db8:1::10"));
        Admission.Prefix rack1Other = admission.prefixOf(address("2001:db8:1::ffff"));
        Admission.Prefix rack2 = admission.prefixOf(address("2001:db8:2::10"));
        assertEquals(rack1, rack1Other);
        assertEquals(Admission.Decision.ADMITTED, admission.tryAcquire(rack1));
        assertEquals(Admission.Decision.ADMITTED, admission.tryAcquire(rack1Other));
        assertEquals(Admission.Decision.REFUSED_PREFIX, admission.tryAcquire(rack1));
        assertEquals(Admission.Decision.ADMITTED, admission.tryAcquire(rack2));
        assertEquals(Admission.Decision.REFUSED_GLOBAL, admission.tryAcquire(rack2));
        admission.release(rack1);
        assertEquals(Admission.Decision.ADMITTED, admission.tryAcquire(rack2));
        assertEquals(3, admission.inFlight());
    }

    @Test
    void reportsEveryRequestToListenersAndTheAccessLog() throws Exception {
        try (HttpTestClient client = new HttpTestClient(start())) {
            client.send("GET /ubuntu.cfg HTTP/1.1\r\nHost: x\r\n\r\n").read();
            client.send("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n").read();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (events.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, events.size());
        ServeEvent served = events.get(0);
        assertEquals(ServeEvent.Protocol.HTTP, served.protocol());
        assertEquals("/ubuntu.cfg", served.target());
        assertEquals(200, served.status());
        assertEquals(41, served.bytes());
        assertEquals(404, events.get(1).status());
        assertTrue(accessLog.get(0).matches("::1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000] \"GET /ubuntu.cfg HTTP/1.1\" 200 41"),
                accessLog.get(0));
        String json = AccessLog.json(line -> { }).format(served);
        assertTrue(json.startsWith("{\"time\":\"") && json.contains("\"client\":\"::1\"") && json.contains("\"status\":200"), json);
    }

    @Test
    void accessLogEscapesWhatAClientSent() {
        ServeEvent event = new ServeEvent(ServeEvent.Protocol.HTTP, new InetSocketAddress("::1", 1), "GET",
                "/a\"b\nc", 400, 0, java.time.Instant.EPOCH, Duration.ZERO);
        String line = AccessLog.common(l -> { }).format(event);
        assertFalse(line.contains("\n"));
        assertTrue(line.contains("/a\\x22b\\x0ac"), line);
        assertNull(null);
    }

    private static java.net.InetAddress address(String text) {
        try {
            return java.net.InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
