package dev.ipv6boot.examples.check;

import dev.ipv6boot.dhcp6.policy.AddressPool;
import dev.ipv6boot.dhcp6.policy.Ipv6Prefix;
import dev.ipv6boot.examples.config.ConfigProblem;
import dev.ipv6boot.examples.config.ConfigProblem.Severity;
import dev.ipv6boot.examples.config.Dhcp6Config;
import dev.ipv6boot.examples.config.Dhcp6Config.RuleConfig;
import dev.ipv6boot.examples.config.Dhcp6Config.SubnetConfig;
import dev.ipv6boot.examples.config.Ipv6bootConfig;
import dev.ipv6boot.examples.config.MachineConfig;
import dev.ipv6boot.examples.config.ProfileConfig;
import dev.ipv6boot.examples.config.YamlLocations;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The consistency lint across services, on the configuration records: what each service's own checks cannot see
 * because the mistake lies between two of them (an RA that keeps iPXE from asking DHCPv6, a pool outside the
 * advertised prefix, a DNS ACL that refuses the machines being installed, a boot file missing from the HTTP root).
 * {@link dev.ipv6boot.examples.config.ConfigTranslator} finds the rest (syntax of values, unknown profiles,
 * duplicate machines, and the DHCPv6 policy's own lint such as the chain-load loop); {@link #merge} puts both
 * together as {@code check} reports them.
 */
public final class ConfigLint {
    private static final Pattern ARCH_9 = Pattern.compile("option\\[61]\\.hex\\s*==\\s*0x0*9\\b");
    private static final Pattern ARCH_7 = Pattern.compile("0x0*7\\b");
    private static final Pattern IPXE = Pattern.compile("member\\('IPXE'\\)|option\\[15]|'iPXE'");
    /** Boot files (not generated scripts) that must exist in the artifact tree. */
    private static final Pattern STATIC_FILE = Pattern.compile("(?i).*\\.(efi|kpxe|pxe|0|img|iso|lkrn)$");

    private final Ipv6bootConfig config;
    private final YamlLocations at;
    private final Predicate<Path> exists;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigLint(Ipv6bootConfig config, YamlLocations at, Predicate<Path> exists) {
        this.config = config;
        this.at = at;
        this.exists = exists;
    }

    /**
     * Lints {@code config}.
     *
     * @param at     where paths are in the YAML text
     * @param exists whether a file or directory exists (the HTTP root check); {@code java.nio.file.Files::exists}
     */
    public static List<ConfigProblem> check(Ipv6bootConfig config, YamlLocations at, Predicate<Path> exists) {
        ConfigLint lint = new ConfigLint(config, at, exists);
        lint.raFlags();
        lint.prefixesAndPools();
        lint.firmwareWithoutAddresses();
        lint.arch9();
        lint.duplicateReservations();
        lint.dnsAcl();
        lint.httpRoot();
        return lint.problems;
    }

    /**
     * The translator's problems and the lint's, as {@code check} prints them: the lint's RA error replaces the
     * translator's general RA warning, and the policy findings that mean firmware cannot boot (chain-load loop, a URL
     * scheme the firmware cannot load) become errors: {@code serve} runs with them, {@code check} fails on them.
     */
    public static List<ConfigProblem> merge(List<ConfigProblem> translator, List<ConfigProblem> lint) {
        boolean raError = lint.stream().anyMatch(p -> p.path().startsWith("ra") && p.message().contains("iPXE"));
        List<ConfigProblem> out = new ArrayList<>();
        for (ConfigProblem p : translator) {
            if (raError && p.path().equals("ra") && p.message().startsWith("neither managed nor other-config")) {
                continue;
            }
            if (p.severity() == Severity.WARNING && bootBreaking(p.message())) {
                p = new ConfigProblem(Severity.ERROR, p.line(), p.column(), p.path(), p.message());
            }
            out.add(p);
        }
        out.addAll(lint);
        out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return out;
    }

    private static boolean bootBreaking(String message) {
        return message.startsWith("chain-load loop") || message.contains("PXE-E53")
                || message.contains("UEFI HTTP Boot loads only");
    }

    // ---- RA and DHCPv6 ----

    /** iPXE asks DHCPv6 only when the RA sets M or O (DESIGN: firmware quirks); UEFI firmware solicits anyway. */
    private void raFlags() {
        if (!config.ra().enabled() || config.ra().managed() || config.ra().otherConfig() || !ipxeExpected()) {
            return;
        }
        String path = at.lineAndColumn("ra.other-config")[0] > 0 ? "ra.other-config" : "ra";
        error(path, "neither managed nor other-config is set, yet iPXE clients are expected (" + ipxeReason()
                + "): iPXE runs DHCPv6 only when the RA sets M or O, so it never gets its script URL; set"
                + " other-config: true (or managed: true)");
    }

    private boolean ipxeExpected() {
        return ipxeReason() != null;
    }

    private String ipxeReason() {
        for (String when : allWhens().values()) {
            if (IPXE.matcher(when).find()) {
                return "a rule tests for iPXE";
            }
        }
        if (!config.profiles().isEmpty()) {
            return "profiles are booted through iPXE scripts";
        }
        return null;
    }

    /** Every {@code when} by its YAML path, global rules first, then each subnet's, then the classes. */
    private Map<String, String> allWhens() {
        Map<String, String> whens = new java.util.LinkedHashMap<>();
        Dhcp6Config d = config.dhcp6();
        for (int i = 0; i < d.rules().size(); i++) {
            if (d.rules().get(i) != null && d.rules().get(i).when() != null) {
                whens.put("dhcp6.rules[" + i + "].when", d.rules().get(i).when());
            }
        }
        for (int s = 0; s < d.subnets().size(); s++) {
            List<RuleConfig> rules = d.subnets().get(s).rules();
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i) != null && rules.get(i).when() != null) {
                    whens.put("dhcp6.subnets[" + s + "].rules[" + i + "].when", rules.get(i).when());
                }
            }
        }
        d.classes().forEach((name, expression) -> {
            if (expression != null) {
                whens.put("dhcp6.classes." + name, expression);
            }
        });
        return whens;
    }

    /**
     * On-link subnets need the RA's prefix: addresses from DHCPv6 are /128s, so without an on-link prefix a host
     * sends its neighbours' traffic to the router, and without any RA on the link it has no default route either.
     */
    private void prefixesAndPools() {
        if (!config.ra().enabled() || !config.dhcp6().enabled()) {
            return;
        }
        List<String> raInterfaces = config.ra().interfaces().isEmpty() ? config.site().interfaces()
                : config.ra().interfaces();
        List<Ipv6Prefix> raPrefixes = new ArrayList<>();
        for (String p : config.ra().prefixes()) {
            Ipv6Prefix parsed = prefix(p);
            if (parsed != null) {
                raPrefixes.add(parsed);
            }
        }
        List<SubnetConfig> subnets = config.dhcp6().subnets();
        for (int s = 0; s < subnets.size(); s++) {
            SubnetConfig subnet = subnets.get(s);
            if (subnet == null || subnet.interfaceName() == null) {
                continue;   // relayed: the rack's router advertises there, not this server
            }
            String path = "dhcp6.subnets[" + s + "]";
            if (!raInterfaces.contains(subnet.interfaceName())) {
                warning(path + ".interface", "no Router Advertisement is sent on " + subnet.interfaceName()
                        + " (RA interfaces: " + raInterfaces + "): machines there get no default route and no on-link"
                        + " prefix; add it to ra.interfaces or leave RAs to a router there");
                continue;
            }
            Ipv6Prefix subnetPrefix = prefix(subnet.prefix());
            if (raPrefixes.isEmpty()) {
                warning(path + ".interface", "the RA on " + subnet.interfaceName() + " advertises no prefix, so "
                        + subnet.prefix() + " is not on-link for its machines: add it to ra.prefixes");
                continue;
            }
            if (subnetPrefix != null && raPrefixes.stream().noneMatch(p -> covers(p, subnetPrefix))
                    && subnet.pools().isEmpty()) {
                warning(path + ".prefix", "no RA prefix covers " + subnet.prefix() + " on " + subnet.interfaceName()
                        + " (ra.prefixes: " + config.ra().prefixes() + ")");
            }
            for (int j = 0; j < subnet.pools().size(); j++) {
                AddressPool pool;
                try {
                    pool = AddressPool.parse(subnet.pools().get(j));
                } catch (RuntimeException e) {
                    continue;   // the translator reports it
                }
                boolean covered = raPrefixes.stream().anyMatch(p -> p.contains(pool.high(), pool.firstLow())
                        && p.contains(pool.high(), pool.lastLow()));
                if (!covered) {
                    warning(path + ".pools[" + j + "]", "pool " + subnet.pools().get(j) + " lies outside every"
                            + " on-link prefix the RA advertises (" + config.ra().prefixes() + "): its machines do not"
                            + " know their neighbours are on-link; advertise the pool's /64 in ra.prefixes");
                }
            }
        }
    }

    /**
     * UEFI PXE and HTTP Boot firmware always solicit an address, whatever the RA says: an on-link subnet without a
     * pool answers them NoAddrsAvail (the seed's {@code subnet6 2001:db8::/64 {}}).
     */
    private void firmwareWithoutAddresses() {
        if (!config.dhcp6().enabled() || !firmwareExpected()) {
            return;
        }
        List<SubnetConfig> subnets = config.dhcp6().subnets();
        for (int s = 0; s < subnets.size(); s++) {
            SubnetConfig subnet = subnets.get(s);
            if (subnet != null && subnet.pools().isEmpty() && subnet.reservations().isEmpty()
                    && !machineAddressIn(subnet.prefix())) {
                warning("dhcp6.subnets[" + s + "]", "no pools and no reservations in " + subnet.prefix()
                        + ": UEFI PXE and HTTP Boot firmware always solicit an address (IA_NA) and would be answered"
                        + " NoAddrsAvail; only iPXE started from disk could boot here");
            }
        }
    }

    private boolean firmwareExpected() {
        for (String when : allWhens().values()) {
            if (when.contains("EDK2_PXE") || when.contains("UEFI_") || when.contains("option[61]")) {
                return true;
            }
        }
        return false;
    }

    private boolean machineAddressIn(String prefix) {
        Ipv6Prefix p = prefix(prefix);
        if (p == null) {
            return false;
        }
        for (MachineConfig m : config.machines()) {
            if (m != null && m.address() != null) {
                try {
                    long[] a = Ipv6Prefix.parseAddress(m.address());
                    if (p.contains(a[0], a[1])) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    // the translator reports bad addresses
                }
            }
        }
        return false;
    }

    /** IANA's Processor Architecture Types: 7 is x64 UEFI, 9 is EFI Byte Code; RFC 4578's first table had 9 as x86-64. */
    private void arch9() {
        Map<String, String> whens = allWhens();
        boolean sevenAnywhere = whens.values().stream().anyMatch(w -> w.contains("option[61]")
                && ARCH_7.matcher(w).find());
        if (sevenAnywhere) {
            return;
        }
        whens.forEach((path, when) -> {
            if (ARCH_9.matcher(when).find()) {
                warning(path, "arch type 0x0009 is EFI Byte Code, which no firmware sends: x86-64 UEFI firmware"
                        + " (and iPXE on it) sends 0x0007. Many examples show 9 from RFC 4578's original table;"
                        + " write option[61].hex == 0x0007");
            }
        });
    }

    // ---- machines and reservations ----

    private void duplicateReservations() {
        Map<String, String> seen = new HashMap<>();
        List<SubnetConfig> subnets = config.dhcp6().subnets();
        for (int s = 0; s < subnets.size(); s++) {
            if (subnets.get(s) == null) {
                continue;
            }
            var reservations = subnets.get(s).reservations();
            for (int r = 0; r < reservations.size(); r++) {
                var reservation = reservations.get(r);
                if (reservation == null || reservation.mac() == null) {
                    continue;
                }
                String mac = normalMac(reservation.mac());
                String path = "dhcp6.subnets[" + s + "].reservations[" + r + "].mac";
                String earlier = seen.putIfAbsent(mac, path);
                if (earlier != null) {
                    int line = at.lineAndColumn(earlier)[0];
                    error(path, "MAC " + mac + " is already reserved at " + earlier + (line > 0 ? " (line " + line
                            + ")" : "") + ": one machine, one reservation");
                }
            }
        }
        for (int m = 0; m < config.machines().size(); m++) {
            MachineConfig machine = config.machines().get(m);
            if (machine == null || machine.mac() == null || machine.address() == null) {
                continue;
            }
            String reservedAt = seen.get(normalMac(machine.mac()));
            if (reservedAt != null) {
                String reserved = addressAt(reservedAt);
                if (reserved != null && !sameAddress(reserved, machine.address())) {
                    error("machines[" + m + "].address", "machine " + machine.mac() + " is given " + machine.address()
                            + " here but " + reserved + " by the reservation at " + reservedAt);
                }
            }
        }
    }

    private String addressAt(String reservationMacPath) {
        java.util.regex.Matcher m = Pattern.compile("dhcp6\\.subnets\\[(\\d+)]\\.reservations\\[(\\d+)]")
                .matcher(reservationMacPath);
        if (!m.find()) {
            return null;
        }
        return config.dhcp6().subnets().get(Integer.parseInt(m.group(1))).reservations()
                .get(Integer.parseInt(m.group(2))).address();
    }

    private static boolean sameAddress(String a, String b) {
        try {
            long[] x = Ipv6Prefix.parseAddress(a);
            long[] y = Ipv6Prefix.parseAddress(b);
            return x[0] == y[0] && x[1] == y[1];
        } catch (RuntimeException e) {
            return a.equalsIgnoreCase(b);
        }
    }

    private static String normalMac(String mac) {
        return mac.trim().toLowerCase(Locale.ROOT).replace('-', ':');
    }

    // ---- DNS ----

    /** The forwarder denies everything not listed except loopback: the machines being installed must be allowed. */
    private void dnsAcl() {
        if (!config.dns().enabled()) {
            return;
        }
        List<String> bootPrefixes = new ArrayList<>();
        config.dhcp6().subnets().stream().filter(s -> s != null && s.prefix() != null)
                .forEach(s -> bootPrefixes.add(s.prefix()));
        config.ra().prefixes().stream().filter(p -> !bootPrefixes.contains(p)).forEach(bootPrefixes::add);
        Map<Ipv6Prefix, String> acl = new java.util.LinkedHashMap<>();
        Map<Ipv6Prefix, String> written = new HashMap<>();
        config.dns().accessControl().forEach((prefix, action) -> {
            Ipv6Prefix p = prefix(prefix.contains("/") ? prefix : prefix + "/128");
            if (p != null && action != null) {
                acl.put(p, action.trim().toLowerCase(Locale.ROOT));
                written.put(p, prefix);
            }
        });
        for (String boot : bootPrefixes) {
            Ipv6Prefix subnet = prefix(boot);
            if (subnet == null) {
                continue;
            }
            Ipv6Prefix best = null;
            for (Ipv6Prefix p : acl.keySet()) {
                if (covers(p, subnet) && (best == null || p.length() > best.length())) {
                    best = p;
                }
            }
            String action = best == null ? null : acl.get(best);
            if (action == null || !action.startsWith("allow")) {
                String path = best != null ? "dns.access-control." + written.get(best)
                        : config.dns().accessControl().isEmpty() ? "dns" : "dns.access-control";
                error(path, "the boot subnet " + boot + " is " + (action == null ? "not in dns.access-control"
                        : action + " by " + best) + ": the forwarder refuses everything not allowed except loopback, so"
                        + " the installers there cannot resolve their mirror; add \"" + boot + "\": allow");
            }
        }
    }

    // ---- HTTP root ----

    /** Boot files the rules and profiles name must be in the tree the artifact servers serve. */
    private void httpRoot() {
        if (!config.http().enabled()) {
            return;
        }
        Path root = Path.of(config.http().root());
        if (!exists.test(root)) {
            warning("http.root", "the HTTP root " + root + " does not exist here: the files the rules and profiles"
                    + " name cannot be checked (run check on the server itself)");
            return;
        }
        Path tftpRoot = config.tftp().root() == null ? root : Path.of(config.tftp().root());
        bootFileUrls().forEach((path, url) -> {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                return;     // the translator reports it
            }
            if (uri.getScheme() == null || uri.getPath() == null || !STATIC_FILE.matcher(uri.getPath()).matches()
                    || !isThisServer(uri.getHost())) {
                return;
            }
            boolean tftp = uri.getScheme().equalsIgnoreCase("tftp");
            Path base = tftp ? tftpRoot : root;
            Path file = base.resolve(uri.getPath().replaceFirst("^/+", ""));
            if (!exists.test(file)) {
                warning(path, url + " names " + file + ", which is not in the " + (tftp ? "TFTP" : "HTTP") + " root "
                        + base);
            }
        });
        for (int i = 0; i < config.profiles().size(); i++) {
            ProfileConfig profile = config.profiles().get(i);
            if (profile == null) {
                continue;
            }
            for (String[] file : List.of(new String[] {"kernel", profile.kernel()},
                    new String[] {"initrd", profile.initrd()})) {
                if (file[1] == null || file[1].contains("://")) {
                    continue;
                }
                Path local = root.resolve(file[1].replaceFirst("^/+", ""));
                if (!exists.test(local)) {
                    warning("profiles[" + i + "]." + file[0], "the " + file[0] + " " + file[1] + " is not in the HTTP"
                            + " root (" + local + ")");
                }
            }
        }
    }

    private boolean isThisServer(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (config.site().name() != null && bare.equalsIgnoreCase(config.site().name())) {
            return true;
        }
        return config.site().address() != null && bare.contains(":") && sameAddress(bare, config.site().address());
    }

    /** Every bootfile-url option by its YAML path. */
    private Map<String, String> bootFileUrls() {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        Dhcp6Config d = config.dhcp6();
        collectUrl(urls, "dhcp6.options", d.options());
        for (int i = 0; i < d.rules().size(); i++) {
            if (d.rules().get(i) != null) {
                collectUrl(urls, "dhcp6.rules[" + i + "].options", d.rules().get(i).options());
            }
        }
        for (int s = 0; s < d.subnets().size(); s++) {
            SubnetConfig subnet = d.subnets().get(s);
            if (subnet == null) {
                continue;
            }
            collectUrl(urls, "dhcp6.subnets[" + s + "].options", subnet.options());
            for (int i = 0; i < subnet.rules().size(); i++) {
                if (subnet.rules().get(i) != null) {
                    collectUrl(urls, "dhcp6.subnets[" + s + "].rules[" + i + "].options",
                            subnet.rules().get(i).options());
                }
            }
        }
        return urls;
    }

    private static void collectUrl(Map<String, String> urls, String path, Map<String, Object> options) {
        for (String name : List.of("bootfile-url", "59")) {
            if (options.get(name) instanceof String url) {
                urls.put(path + "." + name, url.trim());
            }
        }
    }

    // ---- plumbing ----

    private static boolean covers(Ipv6Prefix outer, Ipv6Prefix inner) {
        return outer.length() <= inner.length() && outer.contains(inner.high(), inner.low());
    }

    private static Ipv6Prefix prefix(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Ipv6Prefix.parse(text.trim());
        } catch (RuntimeException e) {
            return null;    // the translator reports it
        }
    }

    private void error(String path, String message) {
        problems.add(at.problem(Severity.ERROR, path, message));
    }

    private void warning(String path, String message) {
        problems.add(at.problem(Severity.WARNING, path, message));
    }
}
