package dev.ipv6boot.dns.peer;

import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.Peers;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real unbound on loopback, serving the test zones from files with {@code auth-zone} and nothing else: its
 * own configuration in a temp dir, no trust anchor, no remote control, no chroot, no privilege drop, in the
 * foreground, on a port of the test's choosing. Any recursion it might attempt is stubbed to a dead loopback
 * port, so no query can ever leave the machine.
 */
final class UnboundPeer implements AutoCloseable {
    static final String ZONE = "boot.example.";
    static final String REVERSE_ZONE = "8.b.d.0.1.0.0.2.ip6.arpa.";

    private final Path dir;
    private final Process process;
    private final int port;

    private UnboundPeer(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    static UnboundPeer start(Path dir, String zone, String reverseZone) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = freePort();
        int deadPort = freePort();
        Files.writeString(dir.resolve("boot.zone"), zone);
        Files.writeString(dir.resolve("reverse.zone"), reverseZone);
        Path conf = dir.resolve("unbound.conf");
        Files.writeString(conf, """
                server:
                    interface: ::1
                    port: %d
                    do-ip4: no
                    do-daemonize: no
                    chroot: ""
                    username: ""
                    directory: "%s"
                    pidfile: "%s/unbound.pid"
                    use-syslog: no
                    logfile: ""
                    verbosity: 1
                    num-threads: 1
                    so-reuseport: no
                    module-config: "iterator"
                    access-control: ::1 allow
                    do-not-query-localhost: no
                    local-zone: "%s" nodefault
                    local-zone: "example." nodefault
                auth-zone:
                    name: "%s"
                    zonefile: "%s/boot.zone"
                    for-downstream: yes
                    for-upstream: yes
                    fallback-enabled: no
                auth-zone:
                    name: "%s"
                    zonefile: "%s/reverse.zone"
                    for-downstream: yes
                    for-upstream: yes
                    fallback-enabled: no
                stub-zone:
                    name: "."
                    stub-addr: ::1@%d
                remote-control:
                    control-enable: no
                """.formatted(port, dir, dir, REVERSE_ZONE, ZONE, dir, REVERSE_ZONE, dir, deadPort));
        Command.Result check = Command.run(Duration.ofSeconds(20), "unbound-checkconf", conf.toString());
        if (check.exitCode() != 0) {
            throw new IllegalStateException("unbound-checkconf rejected our config:\n" + check.output());
        }
        Process process = new ProcessBuilder(Peers.which("unbound"), "-d", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("unbound.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        UnboundPeer peer = new UnboundPeer(dir, process, port);
        for (int i = 0; i < 50; i++) {                          // ready when it answers, at most ~10 s
            Dig.Answer probe = Dig.ask(peer.address(), "+time=1", "+tries=1", "ns." + ZONE, "AAAA");
            if ("NOERROR".equals(probe.status())) {
                return peer;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        peer.close();
        throw new IllegalStateException("unbound did not come up:\n" + Files.readString(dir.resolve("unbound.log")));
    }

    static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByName("::1");
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
             ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, loopback)) {
            return tcp.getLocalPort();
        }
    }

    InetSocketAddress address() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("::1"), port);
    }

    long pid() {
        return process.pid();
    }

    /** Freezes (true) or resumes (false) the daemon: an upstream that stops answering without closing. */
    void freeze(boolean frozen) {
        Command.run(Duration.ofSeconds(5), "kill", frozen ? "-STOP" : "-CONT", Long.toString(process.pid())).orThrow();
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("unbound.log"));
    }

    @Override
    public void close() throws InterruptedException {
        Command.run(Duration.ofSeconds(5), "kill", "-CONT", Long.toString(process.pid()));
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
