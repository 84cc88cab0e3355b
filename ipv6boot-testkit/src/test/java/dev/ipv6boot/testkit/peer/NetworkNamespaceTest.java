package dev.ipv6boot.testkit.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@PeerTest
class NetworkNamespaceTest {

    /** dhclient-script and dhcpcd rewrite /etc/resolv.conf; inside a test namespace that must not reach the host. */
    @Test
    void resolvConfWrittenInsideANamespaceStaysThere() throws Exception {
        Peers.requireRoot();
        Path hostResolvConf = Path.of("/etc/resolv.conf");
        String before = Files.readString(hostResolvConf);
        String name;
        try (NetworkNamespace ns = NetworkNamespace.create("rslv")) {
            name = ns.name();
            ns.exec(Duration.ofSeconds(10), "sh", "-c", "echo 'nameserver 2001:db8::53' > /etc/resolv.conf").orThrow();
            String inside = ns.exec(Duration.ofSeconds(10), "cat", "/etc/resolv.conf").orThrow().output();
            assertEquals("nameserver 2001:db8::53", inside.strip());
            assertEquals(before, Files.readString(hostResolvConf));
        }
        assertFalse(Files.exists(Path.of("/etc/netns", name)), "namespace's /etc directory removed on close");
    }
}
