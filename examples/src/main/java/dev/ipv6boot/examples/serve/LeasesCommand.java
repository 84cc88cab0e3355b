package dev.ipv6boot.examples.serve;

import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.LeaseJournal;
import dev.ipv6boot.dhcp6.lease.LeaseStore;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import dev.ipv6boot.examples.config.ConfigException;
import dev.ipv6boot.examples.config.ConfigLoader;
import dev.ipv6boot.examples.config.ConfigTranslator;
import dev.ipv6boot.examples.config.Ipv6bootConfig;
import dev.ipv6boot.examples.config.MachineConfig;
import dev.ipv6boot.preseed.net.MacAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ipv6boot leases --config FILE}: the leases in the DHCPv6 journal as a table, without a running server.
 * The journal is replayed from a copy: opening a journal truncates a torn last record, which must never happen to
 * the file a running server is appending to.
 */
@Command(name = "leases", mixinStandardHelpOptions = true,
        description = {"List the DHCPv6 leases recorded in the journal of the state directory (MAC, address, IAID,"
                + " expiry, state); works whether or not the server runs.",
            "Exit status: 0, or 2 when the configuration or the journal cannot be read."})
public final class LeasesCommand implements Callable<Integer> {
    // record kinds of the journal (LeaseJournal's layout: octet 0 of each 48-octet record)
    private static final int OP_BIND = 1;
    private static final int OP_RELEASE = 2;
    private static final int OP_DECLINE = 3;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "the YAML configuration (its state directory)")
    Path config;

    @Option(names = "--journal", paramLabel = "FILE", description = "a journal file instead of the configuration's")
    Path journal;

    @Option(names = "--all", description = "also list expired leases and declined addresses")
    boolean all;

    @Spec
    CommandSpec spec;

    /** One row, copied out of the journal's reused lease. */
    record Row(int type, long identity, int ordinal, long iaid, long high, long low, int prefixLength, long validUntil,
               boolean declined) {
        static Row of(Lease l, boolean declined) {
            return new Row(l.type(), l.identity(), l.ordinal(), l.iaid(), l.high(), l.low(), l.prefixLength(),
                    l.validUntil(), declined);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<Long, String> hostnames = new HashMap<>();
        Path file = journal;
        if (config != null) {
            try {
                Ipv6bootConfig c = ConfigLoader.load(config);
                for (MachineConfig m : c.machines()) {
                    MacAddress.tryParse(String.valueOf(m.mac())).ifPresent(mac -> hostnames.put(mac.value(), m.hostname()));
                }
                if (file == null) {
                    file = Path.of(c.site().stateDirectory()).resolve(ConfigTranslator.JOURNAL_FILE);
                }
            } catch (ConfigException e) {
                e.problems().forEach(p -> err.println(p.format(config.toString())));
                return 2;
            }
        }
        if (file == null) {
            err.println("give --config FILE or --journal FILE");
            return 2;
        }
        if (!Files.isReadable(file)) {
            err.println(file + ": no journal (the server has not run with this state directory, or cannot be read)");
            return 2;
        }
        List<Row> rows = read(file);
        long now = Instant.now().getEpochSecond();
        out.printf("%-17s  %-39s  %-8s  %-20s  %-8s  %s%n", "MAC", "ADDRESS", "IAID", "EXPIRES (UTC)", "STATE", "HOST");
        int shown = 0;
        for (Row r : rows) {
            String state = r.declined() ? "declined" : r.validUntil() < now ? "expired" : "bound";
            if (!all && !state.equals("bound")) {
                continue;
            }
            boolean mac = MachineIdentity.kind(r.identity()) == MachineIdentity.KIND_MAC;
            String who = r.declined() ? "-" : mac ? new MacAddress(r.identity() & 0xffff_ffff_ffffL).toString()
                    : MachineIdentity.toString(r.identity());
            String address = Ipv6AddressFormat.toString(r.high(), r.low())
                    + (r.type() == Lease.PREFIX ? "/" + r.prefixLength() : "");
            out.printf("%-17s  %-39s  %-8s  %-20s  %-8s  %s%n", who, address,
                    r.declined() ? "-" : String.format("%08x", r.iaid()),
                    Instant.ofEpochSecond(r.validUntil()).toString(), state,
                    mac ? hostnames.getOrDefault(r.identity() & 0xffff_ffff_ffffL, "") : "");
            shown++;
        }
        out.println(shown + " lease(s)" + (all ? "" : " bound; --all shows expired and declined ones too"));
        out.flush();
        return 0;
    }

    /** The leases the journal ends with, in the order they were last bound. */
    static List<Row> read(Path file) throws IOException {
        Map<String, Row> byOwner = new LinkedHashMap<>();
        Path copy = Files.createTempFile("ipv6boot-leases", ".journal");
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            try (LeaseJournal replay = LeaseJournal.open(copy, 1, (op, lease) -> {
                String owner = lease.type() + "/" + lease.identity() + "/" + lease.ordinal();
                switch (op) {
                    case OP_BIND -> {
                        byOwner.remove(owner);
                        byOwner.put(owner, Row.of(lease, false));
                    }
                    case OP_RELEASE -> byOwner.remove(owner);
                    case OP_DECLINE -> {
                        byOwner.remove(owner);
                        byOwner.put("declined/" + lease.high() + "/" + lease.low(), Row.of(lease, true));
                    }
                    default -> {
                        // a record kind from a newer version: skipped, as the server skips it
                    }
                }
            }, null)) {
                replay.replay();
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        List<Row> rows = new ArrayList<>(byOwner.values());
        rows.removeIf(r -> r.identity() == LeaseStore.DECLINED && !r.declined());
        return rows;
    }
}
