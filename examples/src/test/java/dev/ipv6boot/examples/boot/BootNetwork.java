package dev.ipv6boot.examples.boot;

import dev.ipv6boot.testkit.peer.NetworkNamespace;
import java.time.Duration;

/**
 * The wire a test machine boots on: a server namespace holding {@link #SERVER_ADDRESS} on {@code veth0}, joined
 * by a veth pair to a client namespace where a bridge connects that veth to a tap device for qemu. The client
 * namespace's own IPv6 is off, so the only hosts on the link are our servers and the virtual machine.
 */
final class BootNetwork implements AutoCloseable {
    static final String PREFIX = "fd00:6e64:b007::";
    static final String SERVER_ADDRESS = PREFIX + "1";
    static final String SERVER_INTERFACE = "veth0";
    static final String TAP = "tap0";
    private static final Duration IP_TIMEOUT = Duration.ofSeconds(10);

    private final NetworkNamespace server;
    private final NetworkNamespace client;

    private BootNetwork(NetworkNamespace server, NetworkNamespace client) {
        this.server = server;
        this.client = client;
    }

    /** Creates both namespaces and the links; on any failure removes what was made. */
    static BootNetwork create() {
        NetworkNamespace server = NetworkNamespace.create("bts");
        NetworkNamespace client = null;
        try {
            client = NetworkNamespace.create("btc");
            // Before any link exists, so neither the bridge nor the tap gets an address or answers anything.
            client.exec(IP_TIMEOUT, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1").orThrow();
            client.exec(IP_TIMEOUT, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1").orThrow();
            NetworkNamespace.link(server, SERVER_ADDRESS + "/64", client, null);
            // No MLD snooping: nobody in the client namespace sends MLD reports for the machine's groups
            // (ff02::1:2 is joined by our server behind the veth, the machine's by itself behind the tap).
            client.exec(IP_TIMEOUT, "ip", "link", "add", "br0", "type", "bridge", "forward_delay", "0",
                    "mcast_snooping", "0").orThrow();
            client.exec(IP_TIMEOUT, "ip", "tuntap", "add", "dev", TAP, "mode", "tap").orThrow();
            client.exec(IP_TIMEOUT, "ip", "link", "set", client.linkName(), "master", "br0").orThrow();
            client.exec(IP_TIMEOUT, "ip", "link", "set", TAP, "master", "br0").orThrow();
            client.exec(IP_TIMEOUT, "ip", "link", "set", TAP, "up").orThrow();
            client.exec(IP_TIMEOUT, "ip", "link", "set", "br0", "up").orThrow();
            return new BootNetwork(server, client);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            server.close();
            throw e;
        }
    }

    NetworkNamespace server() {
        return server;
    }

    NetworkNamespace client() {
        return client;
    }

    /** Kills everything started in either namespace and deletes both (the links go with them). */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
