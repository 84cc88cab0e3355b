package dev.ipv6boot.examples.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The real client programs of a booting machine, run in its namespace, each bounded in time. */
final class Clients {
    private final NetworkNamespace ns;
    private final Path dir;

    Clients(NetworkNamespace ns, Path dir) {
        this.ns = ns;
        this.dir = dir;
    }

    /**
     * {@code dhclient -6 -1} with {@code config}: stateful (an address, the lease file returned) unless {@code -S} is
     * among {@code flags}. The hook script records the variables dhclient hands it in {@link #hookEnv()}.
     */
    String dhclient(String label, String config, String... flags) throws IOException {
        Path conf = dir.resolve("dhclient-" + label + ".conf");
        Files.writeString(conf, config);
        Path leases = dir.resolve("dhclient-" + label + ".leases");
        Path hook = dir.resolve("hook-" + label + ".sh");
        // the real dhclient-script configures the address (and writes the namespace's own resolv.conf); the
        // variables are kept for the test
        Files.writeString(hook, "#!/bin/sh\nenv >> " + dir.resolve("hook-" + label + ".env")
                + "\nexec /sbin/dhclient-script \"$@\"\n");
        hook.toFile().setExecutable(true);
        List<String> cmd = new ArrayList<>(List.of("timeout", "40", "dhclient", "-6", "-1", "-v",
                "-cf", conf.toString(), "-pf", dir.resolve("dhclient-" + label + ".pid").toString(),
                "-lf", leases.toString(), "-sf", hook.toString()));
        cmd.addAll(List.of(flags));
        cmd.add(ns.linkName() == null ? "veth0" : ns.linkName());
        Command.Result r = ns.exec(Duration.ofSeconds(45), cmd.toArray(new String[0]));
        assertEquals(0, r.exitCode(), "dhclient " + label + ": " + r.output());
        return Files.exists(leases) ? Files.readString(leases) : "";
    }

    String hookEnv(String label) throws IOException {
        return Files.readString(dir.resolve("hook-" + label + ".env"));
    }

    /** The body of {@code url}, fetched with curl in this namespace; fails on any HTTP error. */
    String curl(String url) {
        Command.Result r = ns.exec(Duration.ofSeconds(20), "curl", "-sS", "-g", "--fail", "--max-time", "15", url);
        assertEquals(0, r.exitCode(), "curl " + url + ": " + r.output());
        return r.output();
    }

    /** {@code dig @server name type +short}. */
    String dig(String server, String name, String type) {
        Command.Result r = ns.exec(Duration.ofSeconds(20), "dig", "@" + server, name, type, "+short", "+time=3",
                "+tries=2");
        assertEquals(0, r.exitCode(), "dig: " + r.output());
        return r.output().trim();
    }

    /** Runs {@code command} until its output satisfies {@code done}, at most {@code timeout}; returns the output. */
    String await(Duration timeout, Predicate<String> done, String... command) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = ns.exec(Duration.ofSeconds(5), command).output();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        fail(String.join(" ", command) + " did not show what was expected in " + timeout.toSeconds() + " s:\n" + last);
        return last;
    }
}
