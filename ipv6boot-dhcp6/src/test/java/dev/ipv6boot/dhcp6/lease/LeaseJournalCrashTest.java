package dev.ipv6boot.dhcp6.lease;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of a process writing leases loses none that it reported durable. */
class LeaseJournalCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedLeaseSurvivesKill9() throws Exception {
        killedWhileWriting(false);
    }

    /** The same with a compaction every 100 binds: SIGKILL lands before, during and after renames. */
    @Test
    void everyAcknowledgedLeaseSurvivesKill9DuringCompactions() throws Exception {
        killedWhileWriting(true);
    }

    private void killedWhileWriting(boolean compacting) throws Exception {
        Path file = dir.resolve("crash.journal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                JournalCrashWriter.class.getName(), file.toString(), compacting ? "compact" : "append")
                .redirectErrorStream(true).start();
        long acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String line;
            while (acked < 2000 && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    acked = Long.parseLong(line.substring(6));
                }
            }
            child.destroyForcibly();                      // SIGKILL while it keeps writing: no hook, no close
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertTrue(acked >= 2000, "the child acknowledged " + acked + " leases in 30 s");
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(file, 4096, 16, null)) {
            Lease l = new Lease();
            for (long id = 1; id <= acked; id++) {
                assertTrue(store.findByOwner(Lease.ADDRESS, id, 0, l), "acknowledged lease " + id + " of " + acked);
            }
            if (!compacting) {
                assertTrue(store.journal().replay().records() >= acked);
            }
        }
    }
}
