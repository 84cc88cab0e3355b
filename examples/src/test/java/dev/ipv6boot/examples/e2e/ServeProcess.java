package dev.ipv6boot.examples.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ipv6boot serve --config FILE} as a child JVM inside a namespace ({@code ip netns exec NS java -cp
 * <this test's class path> dev.ipv6boot.examples.Ipv6bootCommand serve --config FILE}). The namespace's close
 * kills it.
 */
final class ServeProcess {
    static final String READY = "ipv6boot serving";

    private final NetworkNamespace namespace;
    private final Process process;
    private final Path log;

    private ServeProcess(NetworkNamespace namespace, Process process, Path log) {
        this.namespace = namespace;
        this.process = process;
        this.log = log;
    }

    /** Starts the server and waits, at most {@code timeout}, for its "serving" line. */
    static ServeProcess start(NetworkNamespace namespace, Path config, Path log, Duration timeout) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = namespace.start(log, java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.ipv6boot.examples.Ipv6bootCommand",
                "serve", "--config", config.toString());
        ServeProcess server = new ServeProcess(namespace, p, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = server.log();
            if (out.contains(READY)) {
                return server;
            }
            if (!p.isAlive()) {
                fail("ipv6boot serve exited with " + p.exitValue() + ":\n" + out);
            }
            Thread.sleep(200);
        }
        fail("ipv6boot serve not ready in " + timeout.toSeconds() + " s:\n" + server.log());
        return server;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits, at most {@code timeout}, until the server's log has a line containing every one of {@code parts};
     * returns that line.
     */
    String awaitLogLine(Duration timeout, String... parts) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : log().lines().toList()) {
                if (List.of(parts).stream().allMatch(line::contains)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("no log line with " + List.of(parts) + " in " + timeout.toSeconds() + " s:\n" + log());
            }
            Thread.sleep(200);
        }
    }

    /** {@code GET url} from inside the server's namespace (the admin endpoint listens on its loopback). */
    Command.Result getInside(String url) {
        return namespace.exec(Duration.ofSeconds(10), "curl", "-sS", "-g", "--max-time", "5", url);
    }
}
