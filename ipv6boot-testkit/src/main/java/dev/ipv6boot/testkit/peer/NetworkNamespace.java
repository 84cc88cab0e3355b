package dev.ipv6boot.testkit.peer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace made for one test and removed with everything started in it. Names are random, so
 * tests and parallel builds never collide, and short, since interface names are limited to 15 bytes.
 *
 * <pre>{@code
 * try (NetworkNamespace server = NetworkNamespace.create("srv");
 *      NetworkNamespace client = NetworkNamespace.create("cli")) {
 *     NetworkNamespace.link(server, "fe80::1/64", client, null);   // veth pair, both ends up
 *     client.exec(Duration.ofSeconds(20), "dhclient", "-6", "-1", client.linkName()).orThrow();
 * }
 * }</pre>
 */
public final class NetworkNamespace implements AutoCloseable {
    private static final Duration IP_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final List<Process> background = new ArrayList<>();
    private String linkName;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /** Creates a namespace named {@code ipv6boot-<label>-<random>} with loopback up. */
    public static NetworkNamespace create(String label) {
        Peers.require("ip");
        String name = "i6b-" + label + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        Command.run(IP_TIMEOUT, "ip", "netns", "add", name).orThrow();
        NetworkNamespace ns = new NetworkNamespace(name);
        ns.isolateResolvConf();
        ns.exec(IP_TIMEOUT, "ip", "link", "set", "lo", "up").orThrow();
        // A test network has no other routers; the kernel must not wait for DAD before using addresses.
        ns.exec(IP_TIMEOUT, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0").orThrow();
        ns.exec(IP_TIMEOUT, "sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0").orThrow();
        return ns;
    }

    /**
     * Gives the namespace its own {@code /etc/resolv.conf}: {@code ip netns exec} bind-mounts the files of
     * {@code /etc/netns/NAME/} over {@code /etc/}, so a DHCPv6 client writing the DNS servers it was given
     * (dhclient-script, dhcpcd) writes there and not into the host's resolver, which the build still needs.
     */
    private void isolateResolvConf() {
        try {
            Files.createDirectories(etcDirectory());
            Files.writeString(etcDirectory().resolve("resolv.conf"), "# resolv.conf of test namespace " + name + "\n");
        } catch (IOException e) {
            Command.run(IP_TIMEOUT, "ip", "netns", "del", name);
            throw new IllegalStateException("cannot give namespace " + name + " its own resolv.conf: " + e, e);
        }
    }

    private Path etcDirectory() {
        return Path.of("/etc/netns", name);
    }

    /**
     * Joins two namespaces with a veth pair, each end named {@code veth0} inside its namespace, sets both
     * up and adds the given addresses (CIDR form, or null for none). MACs are fixed so tests can assert
     * them: {@code 02:00:00:00:00:01} on {@code a}, {@code 02:00:00:00:00:02} on {@code b}.
     */
    public static void link(NetworkNamespace a, String addressA, NetworkNamespace b, String addressB) {
        String tmpA = "i6a" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        String tmpB = "i6b" + tmpA.substring(3);
        Command.run(IP_TIMEOUT, "ip", "link", "add", tmpA, "type", "veth", "peer", "name", tmpB).orThrow();
        Command.run(IP_TIMEOUT, "ip", "link", "set", tmpA, "netns", a.name).orThrow();
        Command.run(IP_TIMEOUT, "ip", "link", "set", tmpB, "netns", b.name).orThrow();
        a.configureLink(tmpA, "02:00:00:00:00:01", addressA);
        b.configureLink(tmpB, "02:00:00:00:00:02", addressB);
    }

    private void configureLink(String tmpName, String mac, String address) {
        exec(IP_TIMEOUT, "ip", "link", "set", tmpName, "name", "veth0").orThrow();
        exec(IP_TIMEOUT, "ip", "link", "set", "veth0", "address", mac).orThrow();
        exec(IP_TIMEOUT, "ip", "link", "set", "veth0", "up").orThrow();
        if (address != null) {
            exec(IP_TIMEOUT, "ip", "-6", "addr", "add", address, "dev", "veth0", "nodad").orThrow();
        }
        linkName = "veth0";
    }

    public String name() {
        return name;
    }

    /** The interface {@link #link} made in this namespace. */
    public String linkName() {
        return linkName;
    }

    /** Runs a command inside this namespace and waits for it, at most {@code timeout}. */
    public Command.Result exec(Duration timeout, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return Command.run(timeout, full);
    }

    /**
     * Starts a long-running command inside this namespace; it is killed by {@link #close()}. Its output goes
     * to {@code log}, which the test may read.
     */
    public Process start(Path log, String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        background.add(process);
        return process;
    }

    /** Kills what was started here (and anything else still running in the namespace), then deletes it. */
    @Override
    public void close() {
        for (Process process : background) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Command.Result pids = Command.run(IP_TIMEOUT, "ip", "netns", "pids", name);
        for (String pid : pids.output().split("\\s+")) {
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        Command.run(IP_TIMEOUT, "ip", "netns", "del", name);
        try {
            Files.deleteIfExists(etcDirectory().resolve("resolv.conf"));
            Files.deleteIfExists(etcDirectory());
        } catch (IOException e) {
            // A leftover directory in /etc/netns harms nothing; the namespace itself is gone.
        }
    }
}
