package dev.ipv6boot.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.lease.InMemoryLeaseStore;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.LeaseStore;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LeasesCommandTest {

    @TempDir
    Path dir;

    private static long mac(long value) {
        return ((long) MachineIdentity.KIND_MAC << 56) | value;
    }

    @Test
    void listsTheJournalsLeasesWithTheConfiguredHostNames() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        long later = Instant.now().getEpochSecond() + 3600;
        long earlier = Instant.now().getEpochSecond() - 60;
        try (InMemoryLeaseStore store = InMemoryLeaseStore.open(state.resolve("dhcp6.journal"), 16, 16, null)) {
            Lease l = new Lease();
            store.bind(l.set(Lease.ADDRESS, mac(0x525400000001L), 0, 0xaa, 0x20010db800000000L, 0x10001, 128, later, 0));
            store.bind(l.set(Lease.ADDRESS, mac(0x525400000002L), 0, 0xbb, 0x20010db800000000L, 0x10002, 128, later, 0));
            store.release(Lease.ADDRESS, mac(0x525400000002L), 0);
            store.bind(l.set(Lease.ADDRESS, mac(0x525400000003L), 0, 0xcc, 0x20010db800000000L, 0x10003, 128, earlier, 0));
            store.decline(Lease.ADDRESS, mac(0x525400000003L), 0, later);
            store.bind(l.set(Lease.ADDRESS, mac(0x525400000004L), 0, 0xdd, 0x20010db800000000L, 0x10004, 128, earlier, 0));
            assertTrue(store.durableSequence() >= 0);
        }
        Path config = dir.resolve("boot.yaml");
        Files.writeString(config, """
                site: {state-directory: "%s"}
                profiles: [{name: p, kernel: /linux, initrd: /initrd}]
                machines: [{mac: "52:54:00:00:00:01", hostname: alpha, profile: p}]
                """.formatted(state));

        String bound = run("--config", config.toString());
        assertEquals(3, bound.lines().count(), bound);              // header, one bound lease, the count
        assertTrue(bound.lines().skip(1).findFirst().orElseThrow()
                .matches("52:54:00:00:00:01 +2001:db8::1:1 +000000aa +\\S+ +bound +alpha"), bound);
        assertTrue(bound.contains("1 lease(s) bound"), bound);

        String all = run("--journal", state.resolve("dhcp6.journal").toString(), "--all");
        assertTrue(all.contains("2001:db8::1:3") && all.contains("declined"), all);
        assertTrue(all.contains("52:54:00:00:00:04") && all.contains("expired"), all);
        assertTrue(!all.contains("52:54:00:00:00:02"), "a released lease is gone:\n" + all);
        assertTrue(all.contains("3 lease(s)"), all);
        assertEquals(LeaseStore.DECLINED >>> 56, 0x7f, "declined addresses are held by the DECLINED identity");
    }

    @Test
    void aMissingJournalIsExitStatus2() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new LeasesCommand()).setErr(new PrintWriter(err))
                .execute("--journal", dir.resolve("none").toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains("no journal"), err.toString());
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new LeasesCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        assertEquals(0, status, err.toString());
        return out.toString();
    }
}
