package dev.ipv6boot.examples.serve;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.NetworkNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The product, {@code ipv6boot serve --config FILE}, as a child JVM in the server namespace ({@code ip netns exec NS
 * java -cp <this test's class path> dev.ipv6boot.examples.Ipv6bootCommand serve --config FILE}), so what boots the
 * machine is the reactor's freshly built command line; shared by the qemu boots and the end-to-end tests. The tests
 * read its log (slf4j-simple: one line per boot event from logger {@code ipv6boot.boot}) and its {@code /status},
 * fetched with curl inside the namespace, since the admin endpoint listens on that namespace's loopback.
 */
public final class ServeProcess implements AutoCloseable {
    private static final String READY = "ipv6boot serving";
    /** slf4j-simple's prefix of {@code BootEventLog}'s lines (short logger name of {@code ipv6boot.boot}). */
    private static final String BOOT_EVENT = "[INFO] boot - ";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CURL_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NetworkNamespace namespace;
    private final Process process;
    private final Path log;

    private ServeProcess(NetworkNamespace namespace, Process process, Path log) {
        this.namespace = namespace;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code serve} with {@code config} and waits until every service is up (its "serving" line). */
    public static ServeProcess start(NetworkNamespace namespace, Path config, Path log)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // --enable-native-access: the jar's manifest grants it to the RAs' FFM socket; a class path run must say so.
        Process process = namespace.start(log, java, "--enable-native-access=ALL-UNNAMED", "-Xmx192m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.ipv6boot.examples.Ipv6bootCommand", "serve", "--config", config.toString());
        ServeProcess serve = new ServeProcess(namespace, process, log);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!serve.output().contains(READY)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                serve.close();
                throw new IllegalStateException("ipv6boot serve did not start (" + (process.isAlive()
                        ? "not ready in " + READY_TIMEOUT : "exited " + process.exitValue()) + "):\n" + serve.output());
            }
            Thread.sleep(100);
        }
        return serve;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Everything serve logged so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /**
     * The boot events logged so far, in order, without slf4j's prefix: {@code dhcp6 Solicit -> Advertise mac
     * 52:54:00:b0:07:02 arch 0x0007 iPXE}, {@code dhcp6 bound address ... for mac ...}, {@code http fd00::2 GET
     * /ipxe/boot.ipxe -> 200 381 bytes in 34 ms}, {@code tftp fd00::2 RRQ ipxe.efi -> 0 1040384 bytes in 812 ms}.
     */
    public List<String> bootEvents() {
        return output().lines().filter(line -> line.startsWith(BOOT_EVENT))
                .map(line -> line.substring(BOOT_EVENT.length())).toList();
    }

    /** {@code GET /status} of the admin endpoint at {@code admin} ({@code [::1]:port}), parsed. */
    public JsonNode status(String admin) throws IOException {
        Command.Result result = namespace.exec(CURL_TIMEOUT, "curl", "-sS", "-g", "--fail", "--max-time", "5",
                "http://" + admin + "/status");
        if (result.exitCode() != 0) {
            throw new IOException("curl http://" + admin + "/status failed (" + result.exitCode() + "): "
                    + result.output());
        }
        return JSON.readTree(result.output());
    }

    /**
     * Waits, at most {@code timeout}, until the log has a line containing every one of {@code parts}; returns that
     * line.
     */
    public String awaitLogLine(Duration timeout, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : output().lines().toList()) {
                if (List.of(parts).stream().allMatch(line::contains)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("no log line with " + List.of(parts) + " in " + timeout.toSeconds() + " s:\n" + output());
            }
            Thread.sleep(200);
        }
    }

    /** {@code GET url} from inside the server's namespace (the admin endpoint listens on its loopback). */
    public Command.Result getInside(String url) {
        return namespace.exec(CURL_TIMEOUT, "curl", "-sS", "-g", "--max-time", "5", url);
    }

    /** SIGTERM (serve stops gracefully: final RA, journal synced), then SIGKILL if it does not exit in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
