package dev.ipv6boot.http;

import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.NetworkNamespace;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client namespace joined to the root namespace by a veth pair, so that a server in the test JVM (which
 * cannot enter a namespace) is reached over a real IPv6 link. Addresses come from a random fd00::/8 ULA /64,
 * so parallel builds do not collide; the root end is deleted on close, whatever happened.
 */
public final class PeerNetwork implements AutoCloseable {
    private static final Duration IP = Duration.ofSeconds(10);

    private final NetworkNamespace client;
    private final String rootLink;
    private final String serverAddress;
    private final String clientAddress;

    private PeerNetwork(NetworkNamespace client, String rootLink, String serverAddress, String clientAddress) {
        this.client = client;
        this.rootLink = rootLink;
        this.serverAddress = serverAddress;
        this.clientAddress = clientAddress;
    }

    public static PeerNetwork create(String label) {
        NetworkNamespace ns = NetworkNamespace.create(label);
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        String rootLink = "i6h" + suffix;
        String prefix = "fd00:6b:" + suffix + "::";
        try {
            Command.run(IP, "ip", "link", "add", rootLink, "type", "veth", "peer", "name", "veth0", "netns", ns.name()).orThrow();
            Command.run(IP, "ip", "-6", "addr", "add", prefix + "1/64", "dev", rootLink, "nodad").orThrow();
            Command.run(IP, "ip", "link", "set", rootLink, "up").orThrow();
            ns.exec(IP, "ip", "-6", "addr", "add", prefix + "2/64", "dev", "veth0", "nodad").orThrow();
            ns.exec(IP, "ip", "link", "set", "veth0", "up").orThrow();
            PeerNetwork network = new PeerNetwork(ns, rootLink, prefix + "1", prefix + "2");
            network.awaitReachable();
            return network;
        } catch (RuntimeException e) {
            Command.run(IP, "ip", "link", "del", rootLink);
            ns.close();
            throw e;
        }
    }

    /** Addresses are added without DAD, so the link being up (both ends) is all there is to wait for. */
    private void awaitReachable() {
        java.nio.file.Path state = java.nio.file.Path.of("/sys/class/net", rootLink, "operstate");
        for (int i = 0; i < 100; i++) {
            try {
                if (java.nio.file.Files.readString(state).trim().equals("up")) {
                    return;
                }
                Thread.sleep(50);
            } catch (java.io.IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public NetworkNamespace client() {
        return client;
    }

    /** The server's address on the root side, e.g. {@code fd00:6b:1234::1}. */
    public InetAddress serverAddress() {
        try {
            return InetAddress.getByName(serverAddress);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public String serverHost() {
        return serverAddress;
    }

    public String clientHost() {
        return clientAddress;
    }

    @Override
    public void close() {
        Command.run(IP, "ip", "link", "del", rootLink);
        client.close();
    }
}
