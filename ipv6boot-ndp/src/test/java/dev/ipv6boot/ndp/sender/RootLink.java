package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.NetworkNamespace;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A veth pair from the root namespace, where the test JVM and so our advertiser run, to {@code veth0} in a test
 * namespace. The root end has only {@code fe80::1} (no EUI-64 address waiting for DAD) and a random ULA /64, so
 * parallel tests of other modules never share a route with it.
 */
final class RootLink implements AutoCloseable {
    private static final Duration IP_TIMEOUT = Duration.ofSeconds(10);
    final String name;
    /** The /64 on the link, e.g. {@code fd00:6e64:1a2b::}. */
    final String prefix;

    private RootLink(String name, String prefix) {
        this.name = name;
        this.prefix = prefix;
    }

    /**
     * Creates the pair; {@code clientSysctls} (such as {@code accept_ra=2}) are set on the namespace's
     * {@code veth0} before it comes up.
     */
    static RootLink to(NetworkNamespace client, String... clientSysctls) {
        int random = ThreadLocalRandom.current().nextInt(0x10000, 0xfffff);
        String name = "i6n" + Integer.toHexString(random);
        String prefix = "fd00:6e64:" + Integer.toHexString(random & 0xffff) + "::";
        RootLink link = new RootLink(name, prefix);
        try {
            Command.run(IP_TIMEOUT, "ip", "link", "add", name, "type", "veth", "peer", "name", "veth0", "netns",
                    client.name()).orThrow();
            Command.run(IP_TIMEOUT, "ip", "link", "set", name, "addrgenmode", "none").orThrow();
            Command.run(IP_TIMEOUT, "ip", "link", "set", name, "address", "02:00:00:00:00:01").orThrow();
            Command.run(IP_TIMEOUT, "ip", "link", "set", name, "up").orThrow();
            Command.run(IP_TIMEOUT, "ip", "-6", "addr", "add", "fe80::1/64", "dev", name, "nodad").orThrow();
            Command.run(IP_TIMEOUT, "ip", "-6", "addr", "add", prefix + "1/64", "dev", name, "nodad").orThrow();
            client.exec(IP_TIMEOUT, "ip", "link", "set", "veth0", "address", "02:00:00:00:00:02").orThrow();
            for (String sysctl : clientSysctls) {
                client.exec(IP_TIMEOUT, "sysctl", "-qw", "net.ipv6.conf.veth0." + sysctl).orThrow();
            }
            client.exec(IP_TIMEOUT, "ip", "link", "set", "veth0", "up").orThrow();
            return link;
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    @Override
    public void close() {
        Command.run(IP_TIMEOUT, "ip", "link", "del", name);
    }
}
