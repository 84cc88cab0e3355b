package dev.ipv6boot.http.tftp;

import dev.ipv6boot.http.ArtifactRoot;
import dev.ipv6boot.http.ServeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TftpServerTest {
    @TempDir
    Path temp;
    Path rootDir;
    TftpServer server;
    InetSocketAddress address;
    final List<ServeEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        rootDir = Files.createDirectories(temp.resolve("root"));
        Files.writeString(temp.resolve("secret.txt"), "outside");
        server = TftpServer.builder(ArtifactRoot.of(rootDir)).listen(new InetSocketAddress("::1", 0))
                .timeout(Duration.ofMillis(100)).maxRetries(3).threads(2).listener(events::add).start();
        address = server.localAddress();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private byte[] file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Files.write(rootDir.resolve(name), bytes);
        return bytes;
    }

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean());
    }

    @Test
    void sendsAFileInLockStepWithoutOptions() throws Exception {
        byte[] expected = file("ipxe.efi", 1500);
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "ipxe.efi", "octet"));
            assertArrayEquals(expected, client.download(512, 1));
            assertTrue(!client.transferPort.equals(address), "a transfer answers from its own port (RFC 1350 §4)");
        }
        await(() -> server.counters().get(TftpCounter.TRANSFERS_COMPLETED) == 1);
        await(() -> events.size() == 1);
        assertEquals(0, events.get(0).status());
        assertEquals(1500, events.get(0).bytes());
        assertEquals(0, server.activeTransfers());
    }

    @Test
    void endsAFileOfWholeBlocksWithAnEmptyBlock() throws Exception {
        byte[] expected = file("two-blocks.bin", 1024);
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "/two-blocks.bin", "octet"));
            assertArrayEquals(expected, client.download(512, 1));
        }
        await(() -> server.counters().get(TftpCounter.TRANSFERS_COMPLETED) == 1);
    }

    @Test
    void acknowledgesOptionsThenSendsWindows() throws Exception {
        byte[] expected = file("initrd", 100_000);
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "initrd", "octet", "blksize", "1428", "tsize", "0",
                    "timeout", "2", "windowsize", "8", "unknown", "1"));
            ByteBuffer oack = client.receive();
            assertEquals(6, oack.getShort(0));
            assertEquals(Map.of("blksize", "1428", "tsize", "100000", "timeout", "2", "windowsize", "8"),
                    TftpTestClient.oackOptions(oack));
            client.send(client.transferPort, TftpTestClient.ack(0));
            assertArrayEquals(expected, client.download(1428, 8));
        }
        await(() -> server.counters().get(TftpCounter.TRANSFERS_COMPLETED) == 1);
        assertEquals(1, server.counters().get(TftpCounter.OPTIONS_ACKNOWLEDGED));
    }

    @Test
    void capsTheBlockAndWindowSizeAtTheConfiguredMaximum() throws Exception {
        server.close();
        server = TftpServer.builder(ArtifactRoot.of(rootDir)).listen(new InetSocketAddress("::1", 0))
                .maxBlockSize(1024).maxWindowSize(4).start();
        byte[] expected = file("f", 10_000);
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(server.localAddress(), TftpTestClient.request(1, "f", "octet", "blksize", "65464", "windowsize", "64"));
            assertEquals(Map.of("blksize", "1024", "windowsize", "4"), TftpTestClient.oackOptions(client.receive()));
            client.send(client.transferPort, TftpTestClient.ack(0));
            assertArrayEquals(expected, client.download(1024, 4));
        }
    }

    @Test
    void servesEveryListenAddressAndAnswersFromTheOneAsked() throws Exception {
        server.close();
        server = TftpServer.builder(ArtifactRoot.of(rootDir)).threads(2)
                .listen(List.of(new InetSocketAddress("::1", 0), new InetSocketAddress("::1", 0))).start();
        List<InetSocketAddress> bound = server.localAddresses();
        assertEquals(2, bound.size());
        assertNotEquals(bound.get(0).getPort(), bound.get(1).getPort());
        byte[] expected = file("ipxe.efi", 1500);
        for (InetSocketAddress listening : bound) {
            try (TftpTestClient client = new TftpTestClient()) {
                client.send(listening, TftpTestClient.request(1, "ipxe.efi", "octet"));
                assertArrayEquals(expected, client.download(512, 1));
                InetSocketAddress transfer = (InetSocketAddress) client.transferPort;
                assertEquals(listening.getAddress(), transfer.getAddress());
                assertFalse(bound.contains(transfer), "a transfer answers from its own port (RFC 1350 §4)");
            }
        }
        await(() -> server.counters().get(TftpCounter.TRANSFERS_COMPLETED) == 2);
    }

    @Test
    void wrapsTheBlockNumberPast65535() throws Exception {
        // 8-byte blocks make the 16-bit block number wrap after 512 KiB instead of 32 MiB.
        byte[] expected = file("wrap.bin", 600_003);
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "wrap.bin", "octet", "blksize", "8", "windowsize", "64"));
            client.receive();
            client.send(client.transferPort, TftpTestClient.ack(0));
            assertArrayEquals(expected, client.download(8, 64));
        }
        await(() -> server.counters().get(TftpCounter.TRANSFERS_COMPLETED) == 1);
        assertEquals(600_003, server.counters().get(TftpCounter.DATA_BYTES));
    }

    @Test
    void retransmitsOnTimeoutAndIgnoresDuplicateAcks() throws Exception {
        byte[] expected = file("f", 2000);
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "f", "octet"));
            ByteBuffer first = client.receive();
            ByteBuffer again = client.receive();   // not acknowledged: the server sends block 1 again
            assertEquals(1, first.getShort(2));
            assertEquals(1, again.getShort(2));
            client.send(client.transferPort, TftpTestClient.ack(1));
            client.send(client.transferPort, TftpTestClient.ack(1));   // a duplicate must not double the traffic
            receiveBlock(client, 2);
            client.send(client.transferPort, TftpTestClient.ack(2));
            receiveBlock(client, 3);
            client.send(client.transferPort, TftpTestClient.ack(3));
            ByteBuffer four = receiveBlock(client, 4);
            assertEquals(2000 - 3 * 512 + 4, four.limit());
            client.send(client.transferPort, TftpTestClient.ack(4));
        }
        await(() -> server.counters().get(TftpCounter.TRANSFERS_COMPLETED) == 1);
        assertTrue(server.counters().get(TftpCounter.RETRANSMISSIONS) >= 1);
        assertTrue(server.counters().get(TftpCounter.STALE_PACKETS) >= 1);
        assertEquals(2000, expected.length);
    }

    /** Skips retransmitted copies of earlier blocks (a slow test machine may see some) up to {@code block}. */
    private static ByteBuffer receiveBlock(TftpTestClient client, int block) throws IOException {
        for (int i = 0; i < 10; i++) {
            ByteBuffer packet = client.receive();
            if (packet.getShort(2) == block) {
                return packet;
            }
        }
        throw new AssertionError("block " + block + " never came");
    }

    @Test
    void abandonsATransferWhoseClientVanished() throws Exception {
        file("f", 2000);
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "f", "octet"));
            client.receive();
        }
        // 100 + 200 + 400 + 800 ms of backoff, then it gives up.
        await(() -> server.counters().get(TftpCounter.TRANSFERS_TIMED_OUT) == 1);
        assertEquals(3, server.counters().get(TftpCounter.RETRANSMISSIONS));
        assertEquals(0, server.activeTransfers());
        await(() -> events.size() == 1);
        assertEquals(ServeEvent.TFTP_CLIENT_VANISHED, events.get(0).status());
    }

    @Test
    void aClientErrorEndsTheTransfer() throws Exception {
        file("f", 2000);
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "f", "octet", "blksize", "1024"));
            client.receive();
            client.send(client.transferPort, new byte[]{0, 5, 0, 8, 'n', 'o', 0});   // RFC 2347: options refused
            client.socket.setSoTimeout(400);
            assertThrows(SocketTimeoutException.class, client::receive);
        }
        await(() -> server.counters().get(TftpCounter.TRANSFERS_ABORTED_BY_CLIENT) == 1);
        assertEquals(0, server.activeTransfers());
        await(() -> events.size() == 1);
        assertEquals(ServeEvent.TFTP_STOPPED_BY_CLIENT, events.get(0).status(), "a size query, not a vanished client");
    }

    @Test
    void answersAStrangerOnTheTransferPortWithUnknownTid() throws Exception {
        byte[] expected = file("f", 700);
        try (TftpTestClient client = new TftpTestClient(); TftpTestClient stranger = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "f", "octet"));
            ByteBuffer first = client.receive();
            stranger.send(client.transferPort, TftpTestClient.ack(1));
            assertEquals(5, TftpTestClient.errorCode(stranger.receive()));
            client.send(client.transferPort, TftpTestClient.ack(1));
            ByteBuffer second = client.receive();
            assertEquals(2, second.getShort(2));
            client.send(client.transferPort, TftpTestClient.ack(2));
            assertEquals(512, first.limit() - 4);
            assertEquals(expected.length - 512, second.limit() - 4);
        }
        assertEquals(1, server.counters().get(TftpCounter.UNKNOWN_TRANSFER_ID));
    }

    @Test
    void translatesNetascii() throws Exception {
        Files.writeString(rootDir.resolve("boot.ipxe"), "#!ipxe\nchain x\r");
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "boot.ipxe", "netascii"));
            assertArrayEquals("#!ipxe\r\nchain x\r\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), client.download(512, 1));
        }
    }

    @Test
    void refusesWritesBadPathsModesAndPackets() throws Exception {
        file("ipxe.efi", 10);
        Files.writeString(rootDir.resolve(".hidden"), "x");
        Files.createSymbolicLink(rootDir.resolve("escape"), temp.resolve("secret.txt"));
        try (TftpTestClient client = new TftpTestClient()) {
            assertEquals(2, errorFor(client, TftpTestClient.request(2, "ipxe.efi", "octet")));
            assertEquals(1, errorFor(client, TftpTestClient.request(1, "missing.efi", "octet")));
            assertEquals(2, errorFor(client, TftpTestClient.request(1, "../secret.txt", "octet")));
            assertEquals(2, errorFor(client, TftpTestClient.request(1, "/../secret.txt", "octet")));
            assertEquals(2, errorFor(client, TftpTestClient.request(1, "..\\secret.txt", "octet")));
            assertEquals(2, errorFor(client, TftpTestClient.request(1, "escape", "octet")));
            assertEquals(1, errorFor(client, TftpTestClient.request(1, ".hidden", "octet")));
            assertEquals(2, errorFor(client, TftpTestClient.request(1, "ipxe.efi\u0001", "octet")));
            assertEquals(4, errorFor(client, TftpTestClient.request(1, "ipxe.efi", "mail")));
            assertEquals(4, errorFor(client, new byte[]{0, 1, 'x'}));
            assertEquals(4, errorFor(client, TftpTestClient.ack(1)));
            assertEquals(4, errorFor(client, new byte[]{0, 99, 0, 0}));
        }
        assertEquals(1, server.counters().get(TftpCounter.WRITE_REFUSED));
        assertEquals(2, server.counters().get(TftpCounter.NOT_FOUND));
        assertEquals(5, server.counters().get(TftpCounter.ACCESS_VIOLATION));
        assertEquals(1, server.counters().get(TftpCounter.ILLEGAL_MODE));
        assertEquals(1, server.counters().get(TftpCounter.MALFORMED));
        assertEquals(2, server.counters().get(TftpCounter.ILLEGAL_OPERATION));
        assertEquals(0, server.counters().get(TftpCounter.TRANSFERS_STARTED));
    }

    private int errorFor(TftpTestClient client, byte[] request) throws IOException {
        client.send(address, request);
        return TftpTestClient.errorCode(client.receive());
    }

    @Test
    void ignoresARepeatedRequestWhileItsTransferRuns() throws Exception {
        byte[] expected = file("f", 1000);
        try (TftpTestClient client = new TftpTestClient()) {
            client.send(address, TftpTestClient.request(1, "f", "octet"));
            client.send(address, TftpTestClient.request(1, "f", "octet"));
            assertArrayEquals(expected, client.download(512, 1));
        }
        await(() -> server.counters().get(TftpCounter.TRANSFERS_COMPLETED) == 1);
        assertEquals(1, server.counters().get(TftpCounter.TRANSFERS_STARTED));
        assertEquals(1, server.counters().get(TftpCounter.DUPLICATE_REQUESTS));
    }
}
