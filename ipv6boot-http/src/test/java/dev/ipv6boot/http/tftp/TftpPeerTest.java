package dev.ipv6boot.http.tftp;

import dev.ipv6boot.http.ArtifactRoot;
import dev.ipv6boot.http.PeerNetwork;
import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tftp-hpa and atftp, in their own namespace, fetch from {@link TftpServer} over a veth link. tftp-hpa's client
 * knows no RFC 2347 options, so it covers RFC 1350 lock-step (octet and netascii); atftp covers blksize,
 * tsize, timeout and windowsize. The 33 MiB file needs more than 65535 blocks of 512 bytes, so the block
 * number wraps.
 */
@PeerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TftpPeerTest {
    private static final Duration RUN = Duration.ofSeconds(120);
    private static final int LARGE = (33 << 20) + 123;

    Path temp;
    Path root;
    PeerNetwork network;
    TftpServer server;
    String host;
    String port;
    String largeSha;

    @BeforeAll
    void start() throws Exception {
        Peers.require("tftp", "atftp", "ip");
        temp = Files.createTempDirectory("ipv6boot-tftp-peer");
        root = Files.createDirectories(temp.resolve("root"));
        Files.write(root.resolve("ipxe.efi"), random(1_000_003, 1));
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\ndhcp\nchain http://[2001:db8::1]/boot/${mac}.ipxe\n");
        Files.writeString(temp.resolve("secret.txt"), "SECRET");
        Random random = new Random(33);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(root.resolve("filesystem.squashfs"))) {
            for (int written = 0; written < LARGE; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(chunk.length, LARGE - written));
            }
        }
        largeSha = sha256(root.resolve("filesystem.squashfs"));
        network = PeerNetwork.create("tftp");
        server = TftpServer.builder(ArtifactRoot.of(root)).listen(new InetSocketAddress(network.serverAddress(), 0)).start();
        host = network.serverHost();
        port = String.valueOf(server.localAddress().getPort());
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (network != null) {
            network.close();
        }
        if (temp != null) {
            try (Stream<Path> paths = Files.walk(temp)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private Command.Result tftpHpa(String mode, String remote, Path local) {
        return network.client().exec(RUN, "tftp", "-6", "-m", mode, host, port, "-c", "get", remote, local.toString());
    }

    private Command.Result atftp(Path local, String remote, String... options) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("atftp", "-g", "-r", remote,
                "-l", local.toString()));
        for (String option : options) {
            command.add("--option");
            command.add(option);
        }
        command.add(host);
        command.add(port);
        return network.client().exec(RUN, command.toArray(String[]::new));
    }

    @Test
    void tftpHpaFetchesInOctetMode() throws Exception {
        Path out = temp.resolve("hpa-ipxe.efi");
        tftpHpa("binary", "ipxe.efi", out).orThrow();
        assertArrayEquals(Files.readAllBytes(root.resolve("ipxe.efi")), Files.readAllBytes(out));
    }

    @Test
    void tftpHpaFetchesInNetasciiMode() throws Exception {
        Path out = temp.resolve("hpa-boot.ipxe");
        tftpHpa("ascii", "/boot.ipxe", out).orThrow();
        assertEquals(Files.readString(root.resolve("boot.ipxe")), Files.readString(out));
    }

    @Test
    void tftpHpaFetchesMoreThan32MiBAcrossTheBlockNumberWrap() throws Exception {
        Path out = temp.resolve("hpa-large");
        tftpHpa("binary", "filesystem.squashfs", out).orThrow();
        assertEquals(LARGE, Files.size(out));
        assertEquals(largeSha, sha256(out));
    }

    @Test
    void atftpFetchesWithoutOptions() throws Exception {
        Path out = temp.resolve("atftp-plain");
        atftp(out, "ipxe.efi").orThrow();
        assertArrayEquals(Files.readAllBytes(root.resolve("ipxe.efi")), Files.readAllBytes(out));
    }

    @Test
    void atftpFetchesWithBlksizeTsizeTimeoutAndWindowsize() throws Exception {
        Path out = temp.resolve("atftp-options");
        Command.Result result = atftp(out, "ipxe.efi", "blksize 1428", "tsize 0", "timeout 2", "windowsize 16").orThrow();
        assertArrayEquals(Files.readAllBytes(root.resolve("ipxe.efi")), Files.readAllBytes(out));
        assertTrue(server.counters().get(TftpCounter.OPTIONS_ACKNOWLEDGED) >= 1, result.output());
    }

    @Test
    void atftpFetchesMoreThan32MiBWithAndWithoutOptions() throws Exception {
        Path windowed = temp.resolve("atftp-large-window");
        atftp(windowed, "filesystem.squashfs", "windowsize 16").orThrow();
        assertEquals(largeSha, sha256(windowed));
        Path plain = temp.resolve("atftp-large-plain");
        atftp(plain, "filesystem.squashfs").orThrow();
        assertEquals(largeSha, sha256(plain));
    }

    @Test
    void clientsGetErrorsForTraversalMissingFilesAndWrites() throws Exception {
        Path out = temp.resolve("refused");
        Command.Result traversal = tftpHpa("binary", "../secret.txt", out);
        assertTrue(traversal.output().contains("Error code 2"), traversal.output());
        Command.Result missing = atftp(out, "missing.efi");
        assertTrue(missing.exitCode() != 0 && missing.output().toLowerCase().contains("not found"), missing.output());
        Files.writeString(temp.resolve("upload"), "data");
        Command.Result write = network.client().exec(RUN, "tftp", "-6", "-m", "binary", host, port, "-c", "put",
                temp.resolve("upload").toString(), "upload");
        assertTrue(write.output().contains("Error code 2"), write.output());
        assertTrue(Files.notExists(root.resolve("upload")));
    }
}
