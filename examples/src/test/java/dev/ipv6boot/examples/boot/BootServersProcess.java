package dev.ipv6boot.examples.boot;

import dev.ipv6boot.testkit.peer.NetworkNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link BootServers} running as a child JVM in the server namespace; the test reads its {@code event} lines
 * from the log file. The classpath is the test's own, so the servers are the reactor's freshly built modules.
 */
final class BootServersProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;

    private BootServersProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the servers on {@code iface} and waits until every socket is bound.
     *
     * @param raFlag {@code managed} (the RA's M flag: iPXE solicits an address) or {@code other} (O only: iPXE
     *               sends Information-Request)
     */
    static BootServersProcess start(NetworkNamespace namespace, String iface, String addressWithLength,
                                    String raFlag, Path policy, Path root, Path log)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = namespace.start(log, java, "--enable-native-access=ALL-UNNAMED", "-Xmx192m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                BootServers.class.getName(), iface, addressWithLength, raFlag, policy.toString(), root.toString());
        BootServersProcess servers = new BootServersProcess(process, log);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!servers.output().lines().anyMatch(line -> line.startsWith("ready"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                servers.close();
                throw new IllegalStateException("boot servers did not start (" + (process.isAlive()
                        ? "not ready in " + READY_TIMEOUT : "exited " + process.exitValue()) + "):\n" + servers.output());
            }
            Thread.sleep(100);
        }
        return servers;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Everything the servers printed so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The {@code event} lines so far, without the prefix: {@code dhcp6 ...}, {@code http ...}, {@code tftp ...}. */
    List<String> events() {
        return output().lines().filter(line -> line.startsWith("event ")).map(line -> line.substring(6)).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
