package dev.ipv6boot.dhcp6.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.option.Duid;
import dev.ipv6boot.dhcp6.lease.InMemoryLeaseStore;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the server process under load: every lease a client was told about (a Reply received) is in
 * the journal when the server comes back. Over the loopback as a relay, so it needs no root.
 */
class Dhcp6ServerCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyLeaseAnsweredBeforeKill9IsThereAfterTheRestart() throws Exception {
        Path policy = dir.resolve("p.policy");
        Files.writeString(policy, "subnet 2001:db8:2::/64\n  pool 2001:db8:2::/64\nend\n");
        Path journal = dir.resolve("leases.journal");
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Dhcp6ServerMain.class.getName(), "--policy", policy.toString(), "--address", "::1",
                "--port", Integer.toString(port), "--journal", journal.toString(), "--rate", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Set<Long> acknowledged = new HashSet<>();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.readString(log).contains("ready")) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    fail("server did not start: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
            InetSocketAddress at = new InetSocketAddress(InetAddress.getByName("::1"), port);
            try (DatagramSocket relay = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
                relay.setReceiveBufferSize(1 << 20);
                relay.setSoTimeout(2000);
                byte[] buffer = new byte[1500];
                long mac = 0x0a0000000000L;
                long killAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                boolean killed = false;
                while (true) {
                    for (int i = 0; i < 32; i++) {                     // a window of Solicits with Rapid Commit
                        byte[] request = Dhcp6ResponderTest.relayForward(0x20010db800020000L, 1, null,
                                Dhcp6ResponderTest.solicit(++mac, true));
                        relay.send(new DatagramPacket(request, request.length, at));
                    }
                    if (!killed && System.nanoTime() > killAt) {
                        server.destroyForcibly();                       // SIGKILL with requests in flight
                        killed = true;
                    }
                    int received = 0;
                    try {
                        for (; received < 32; received++) {
                            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                            relay.receive(reply);
                            acknowledged.add(clientMac(reply));
                        }
                    } catch (SocketTimeoutException e) {
                        if (killed) {
                            break;                                      // the server is gone: no more replies
                        }
                    }
                }
            }
            assertTrue(server.waitFor(10, TimeUnit.SECONDS));
        } finally {
            server.destroyForcibly();
        }
        assertTrue(acknowledged.size() > 200, "only " + acknowledged.size() + " replies before the kill");
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(journal, 4096, 16, null)) {
            Lease lease = new Lease();
            int missing = 0;
            for (long mac : acknowledged) {
                if (!store.findByOwner(Lease.ADDRESS, ((long) MachineIdentity.KIND_MAC << 56) | mac, 0, lease)) {
                    missing++;
                }
            }
            assertEquals(0, missing, "of " + acknowledged.size() + " acknowledged leases");
        }
    }

    private static long clientMac(DatagramPacket packet) {
        Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(v.wrap(Unpooled.wrappedBuffer(packet.getData(), 0, packet.getLength())));
        Dhcp6MessageView reply = v.innermost();
        assertEquals(7, reply.messageType());
        assertTrue(reply.hasOption(OptionCodes.IA_NA));
        int c = reply.clientIdIndex();
        return Duid.ethernetAddress(reply.buffer(), reply.optionOffset(c), reply.optionLength(c));
    }
}
