package dev.ipv6boot.examples.config;

import dev.ipv6boot.dhcp6.policy.Dhcp6Policy;
import dev.ipv6boot.dhcp6.policy.ExpressionSyntaxException;
import dev.ipv6boot.dhcp6.policy.Ipv6Prefix;
import dev.ipv6boot.dhcp6.policy.Lifetimes;
import dev.ipv6boot.dhcp6.policy.PolicyProblem;
import dev.ipv6boot.dhcp6.server.Dhcp6ServerConfig;
import dev.ipv6boot.dns.DnsForwarderConfig;
import dev.ipv6boot.dns.acl.AccessAction;
import dev.ipv6boot.dns.acl.AccessControl;
import dev.ipv6boot.dns.acl.AccessRule;
import dev.ipv6boot.ndp.codec.DnsSearchList;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.MtuOption;
import dev.ipv6boot.ndp.codec.Pref64;
import dev.ipv6boot.ndp.codec.PrefixInformation;
import dev.ipv6boot.ndp.codec.RecursiveDnsServers;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.sender.AdvertisingSettings;
import dev.ipv6boot.preseed.BootProfile;
import dev.ipv6boot.preseed.Machine;
import dev.ipv6boot.preseed.di.Preseed;
import dev.ipv6boot.preseed.kernel.KernelCommandLine;
import dev.ipv6boot.preseed.net.MacAddress;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Problem;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns an {@link Ipv6bootConfig} into what the modules start from: the DHCPv6 policy and server settings, one
 * Router Advertisement per interface, the DNS forwarder's configuration, the artifact servers' roots and
 * addresses, and the machines with their boot profiles. A pure function: it opens no socket and no file, so
 * {@code check} and {@code serve} run the very same translation.
 *
 * <p>Every problem is a {@link ConfigProblem} placed at its line and column in the YAML text: a bad prefix,
 * address or MAC; an unknown profile; a class expression's syntax error at its own column inside the string;
 * and the DHCPv6 policy's lint ({@link Dhcp6Policy#problems()}, such as the iPXE chain-load loop) at the rule or
 * option that causes it.
 *
 * <pre>{@code
 * String text = Files.readString(file);
 * Translation t = ConfigTranslator.translate(ConfigLoader.parse(text, file.toString()), text);
 * t.problems().forEach(p -> System.err.println(p.format(file.toString())));
 * if (!t.hasErrors()) { ... Dhcp6Server.start(t.dhcp6Policy(), t.dhcp6Server(), listener) ... }
 * }</pre>
 */
public final class ConfigTranslator {

    /** The journal file inside the state directory. */
    public static final String JOURNAL_FILE = "dhcp6.journal";

    private final Ipv6bootConfig config;
    private final YamlLocations at;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigTranslator(Ipv6bootConfig config, YamlLocations at) {
        this.config = config;
        this.at = at;
    }

    /** Translates {@code config}, read from {@code yamlText} (used only to place problems). */
    public static Translation translate(Ipv6bootConfig config, String yamlText) {
        return translate(config, YamlLocations.of(yamlText == null ? "" : yamlText));
    }

    /** Translates {@code config}, placing problems with {@code locations}. */
    public static Translation translate(Ipv6bootConfig config, YamlLocations locations) {
        return new ConfigTranslator(config, locations).run();
    }

    private Translation run() {
        Inet6Address siteAddress = siteAddress();
        Artifacts artifacts = artifacts(siteAddress);
        String baseUrl = baseUrl(siteAddress, artifacts.http());
        BootCatalog boot = boot(baseUrl);
        Dhcp6Policy policy = config.dhcp6().enabled() ? policy() : null;
        Dhcp6ServerConfig dhcp6Server = config.dhcp6().enabled() ? dhcp6Server(siteAddress) : null;
        List<Translation.Advertising> advertising = config.ra().enabled() ? advertising(siteAddress) : List.of();
        DnsForwarderConfig dns = config.dns().enabled() ? dns(siteAddress) : null;
        // Parsed again by AdminServer when it starts; here so that 'check' places a bad address at its line.
        listen("admin.listen", config.admin().listen(), null, AdminConfig.DEFAULT_PORT);
        return new Translation(config, policy, dhcp6Server, advertising, dns, artifacts.http(), artifacts.tftp(), boot,
                Path.of(config.site().stateDirectory()), problems);
    }

    // ---- site and artifacts ---------------------------------------------------------------------------------

    private Inet6Address siteAddress() {
        String address = config.site().address();
        if (address == null) {
            if (config.dhcp6().enabled() || config.http().enabled()) {
                warning("site", "no site.address: boot URLs and default listen addresses need the server's address");
            }
            return null;
        }
        try {
            return Addresses.ipv6(address);
        } catch (IllegalArgumentException e) {
            error("site.address", e.getMessage());
            return null;
        }
    }

    private record Artifacts(Translation.Artifacts http, Translation.Artifacts tftp) {
    }

    private Artifacts artifacts(Inet6Address siteAddress) {
        Translation.Artifacts http = null;
        if (config.http().enabled()) {
            List<InetSocketAddress> listen = listen("http.listen", config.http().listen(), siteAddress, 80);
            if (!listen.isEmpty() && listen.get(0).getPort() == 0) {
                error(config.http().listen().isEmpty() ? "http" : "http.listen[0]", "port 0 (any free port) cannot"
                        + " be written into boot URLs and scripts: give the HTTP server a fixed port");
            }
            http = listen.isEmpty() ? null : new Translation.Artifacts(Path.of(config.http().root()), listen);
        }
        Translation.Artifacts tftp = null;
        if (config.tftp().enabled()) {
            List<InetSocketAddress> listen = listen("tftp.listen", config.tftp().listen(), siteAddress, 69);
            String root = config.tftp().root() != null ? config.tftp().root() : config.http().root();
            tftp = listen.isEmpty() ? null : new Translation.Artifacts(Path.of(root), listen);
        }
        return new Artifacts(http, tftp);
    }

    private List<InetSocketAddress> listen(String path, List<String> texts, Inet6Address siteAddress, int port) {
        List<InetSocketAddress> out = new ArrayList<>();
        if (texts.isEmpty()) {
            if (siteAddress == null) {
                error(path, "nothing to listen on: give " + path + " or site.address");
            } else {
                out.add(new InetSocketAddress(siteAddress, port));
            }
            return out;
        }
        for (int i = 0; i < texts.size(); i++) {
            try {
                out.add(Addresses.socket(texts.get(i), port));
            } catch (IllegalArgumentException e) {
                error(path + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    /** The site address and the first HTTP port: what every boot URL and relative path is made from. */
    private static String baseUrl(Inet6Address siteAddress, Translation.Artifacts http) {
        InetSocketAddress first = http == null || http.listen().isEmpty() ? null : http.listen().get(0);
        Inet6Address host = siteAddress;
        if (host == null && first != null && !first.getAddress().isAnyLocalAddress()) {
            host = (Inet6Address) first.getAddress();
        }
        String authority = host == null ? "[::1]" : "[" + Addresses.literal(host) + "]";
        int port = first == null ? 80 : first.getPort();
        return "http://" + authority + (port == 80 ? "" : ":" + port);
    }

    // ---- machines and profiles ------------------------------------------------------------------------------

    private BootCatalog boot(String baseUrl) {
        Map<String, BootProfile> profiles = new LinkedHashMap<>();
        for (int i = 0; i < config.profiles().size(); i++) {
            ProfileConfig p = config.profiles().get(i);
            String path = "profiles[" + i + "]";
            if (p.name() == null || p.name().isBlank()) {
                error(path, "a profile needs a name");
                continue;
            }
            if (profiles.containsKey(p.name())) {
                error(path + ".name", "profile '" + p.name() + "' is defined twice");
                continue;
            }
            BootProfile profile = profile(p, path, baseUrl);
            if (profile != null) {
                profiles.put(p.name(), profile);
            }
        }
        Map<MacAddress, Machine> machines = new LinkedHashMap<>();
        for (int i = 0; i < config.machines().size(); i++) {
            MachineConfig m = config.machines().get(i);
            String path = "machines[" + i + "]";
            MacAddress mac = MacAddress.tryParse(m.mac() == null ? "" : m.mac()).orElse(null);
            if (mac == null) {
                error(path + ".mac", "not a MAC address: '" + m.mac() + "' (write 52:54:00:12:34:56)");
                continue;
            }
            if (machines.containsKey(mac)) {
                error(path + ".mac", "machine " + mac + " is listed twice");
                continue;
            }
            BootProfile profile = profiles.get(m.profile());
            if (profile == null) {
                boolean defined = config.profiles().stream().anyMatch(p -> p.name() != null && p.name().equals(m.profile()));
                if (!defined) {
                    error(path + ".profile", "unknown profile '" + m.profile() + "'; profiles: "
                            + String.join(", ", profiles.keySet()));
                }
                continue;
            }
            try {
                Machine machine = Machine.of(mac, m.hostname(), profile);
                machine.ipxeScript().render();                 // renders now what a request would render later
                machine.answerFiles();
                machines.put(mac, machine);
            } catch (InvalidInputException e) {
                preseedProblems(path, e);
            }
        }
        return new BootCatalog(baseUrl, profiles, machines);
    }

    private BootProfile profile(ProfileConfig p, String path, String baseUrl) {
        BootProfile.Installer installer = switch (p.installer()) {
            case "debian-installer", "d-i" -> BootProfile.Installer.DEBIAN_INSTALLER;
            case "subiquity" -> BootProfile.Installer.SUBIQUITY;
            default -> null;
        };
        if (installer == null) {
            error(path + ".installer", "unknown installer '" + p.installer() + "'; write debian-installer or subiquity");
            return null;
        }
        if (installer == BootProfile.Installer.SUBIQUITY) {
            error(path + ".installer", "subiquity profiles cannot be written in this file yet (their autoinstall"
                    + " needs an account, a mirror and a domain); use debian-installer");
            return null;
        }
        if (p.kernel() == null || p.initrd() == null) {
            error(path, "a profile needs a kernel and an initrd");
            return null;
        }
        try {
            BootProfile.Builder b = BootProfile.builder().name(p.name()).installer(installer)
                    .release(p.release() == null ? "" : p.release())
                    .kernel(absolute(baseUrl, p.kernel())).initrd(absolute(baseUrl, p.initrd()))
                    .answerUrl(baseUrl + BootCatalog.PRESEED_PER_MACHINE)
                    .preseed(Preseed.builder().build().withAnswers(p.answers()));
            for (String argument : p.kernelArguments()) {
                int eq = argument.indexOf('=');
                b.kernelArgument(eq < 0 ? KernelCommandLine.Argument.flag(argument)
                        : KernelCommandLine.Argument.of(argument.substring(0, eq), argument.substring(eq + 1)));
            }
            return b.build();
        } catch (InvalidInputException e) {
            preseedProblems(path, e);
        } catch (IllegalArgumentException e) {
            error(path, e.getMessage());
        }
        return null;
    }

    /** A path under the HTTP root becomes a URL on this server; an absolute URL is kept. */
    private static String absolute(String baseUrl, String urlOrPath) {
        return urlOrPath.contains("://") ? urlOrPath : baseUrl + (urlOrPath.startsWith("/") ? "" : "/") + urlOrPath;
    }

    private void preseedProblems(String path, InvalidInputException e) {
        for (Problem problem : e.validation().problems()) {
            String where = path;
            if (problem.subject() != null && config != null && path.startsWith("profiles[")) {
                int i = Integer.parseInt(path.substring(9, path.indexOf(']')));
                if (config.profiles().get(i).answers().containsKey(problem.subject())) {
                    where = path + ".answers." + problem.subject();
                }
            }
            add(problem.severity() == dev.ipv6boot.preseed.validation.Severity.ERROR
                    ? ConfigProblem.Severity.ERROR : ConfigProblem.Severity.WARNING, where,
                    problem.subject() + ": " + problem.message());
        }
    }

    // ---- DHCPv6 ---------------------------------------------------------------------------------------------

    private Dhcp6Policy policy() {
        Dhcp6Config d = config.dhcp6();
        Dhcp6Policy.Builder b = Dhcp6Policy.builder().authoritative(d.authoritative());
        for (Map.Entry<String, String> c : d.classes().entrySet()) {
            String path = "dhcp6.classes." + c.getKey();
            try {
                b.at(path).defineClass(c.getKey(), c.getValue());
            } catch (ExpressionSyntaxException e) {
                errorInside(path, e.column(), expressionMessage(e));
            } catch (IllegalArgumentException e) {
                error(path, e.getMessage());
            }
        }
        options(b, "dhcp6.options", d.options(), (name, value, always) -> {
            if (always) {
                b.alwaysSend(name, value);
            } else {
                b.option(name, value);
            }
        });
        if (!d.rules().isEmpty()) {
            chain(() -> b.rules(chain -> rules(b, chain, "dhcp6.rules", d.rules())), "dhcp6.rules");
        }
        for (int i = 0; i < d.subnets().size(); i++) {
            subnet(b, i, d.subnets().get(i));
        }
        machineAddresses();
        for (int i = 0; i < d.alwaysSend().size(); i++) {
            String name = d.alwaysSend().get(i);
            if (!configuresOption(name)) {
                warning("dhcp6.always-send[" + i + "]", "option '" + name + "' is not set anywhere, so nothing is sent");
            }
        }
        Dhcp6Policy policy = b.build();
        for (PolicyProblem p : policy.problems()) {
            // sources are the YAML paths given to Builder.at; the lint is advice about real firmware, not a
            // syntax error, so it warns (the DHCPv6 server logs the same findings as warnings)
            add(ConfigProblem.Severity.WARNING, p.source(), p.message());
        }
        return policy;
    }

    private boolean configuresOption(String name) {
        Dhcp6Config d = config.dhcp6();
        if (d.options().containsKey(name) || d.rules().stream().anyMatch(r -> r.options().containsKey(name))) {
            return true;
        }
        return d.subnets().stream().anyMatch(s -> s.options().containsKey(name)
                || s.rules().stream().anyMatch(r -> r.options().containsKey(name)));
    }

    @FunctionalInterface
    private interface OptionSink {
        void add(String name, String value, boolean always);
    }

    private void options(Dhcp6Policy.Builder b, String path, Map<String, Object> options, OptionSink sink) {
        for (Map.Entry<String, Object> o : options.entrySet()) {
            String where = path + "." + o.getKey();
            String value = optionValue(o.getValue());
            if (value == null) {
                error(where, "an option value is a string or a list of strings");
                continue;
            }
            try {
                b.at(where);
                sink.add(o.getKey(), value, config.dhcp6().alwaysSend().contains(o.getKey()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                error(where, e.getMessage());
            }
        }
    }

    /** A scalar as written, or a list joined with ", " (the policy's list syntax: addresses, domains). */
    private static String optionValue(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?> || item == null) {
                    return null;
                }
                items.add(String.valueOf(item));
            }
            return String.join(", ", items);
        }
        if (value instanceof Map<?, ?> || value == null) {
            return null;
        }
        return String.valueOf(value);
    }

    private void rules(Dhcp6Policy.Builder b, Dhcp6Policy.ChainBuilder chain, String path,
                       List<Dhcp6Config.RuleConfig> rules) {
        boolean closed = false;
        for (int i = 0; i < rules.size(); i++) {
            Dhcp6Config.RuleConfig rule = rules.get(i);
            String where = path + "[" + i + "]";
            if (closed) {
                error(where, "a rule after the rule without 'when' (the else branch) never applies; move it up");
                continue;
            }
            try {
                b.at(where);
                if (rule.when() == null) {
                    chain.otherwise();
                    closed = true;
                } else {
                    chain.when(rule.when());
                }
            } catch (ExpressionSyntaxException e) {
                errorInside(where + ".when", e.column(), expressionMessage(e));
                continue;                                          // its options would land on the previous rule
            } catch (IllegalArgumentException | IllegalStateException e) {
                error(where + ".when", e.getMessage());
                continue;
            }
            if (rule.options().isEmpty()) {
                warning(where, "this rule sets no option: clients it matches get only the global options");
            }
            options(b, where + ".options", rule.options(), (name, value, always) -> {
                if (always) {
                    chain.alwaysSend(name, value);
                } else {
                    chain.option(name, value);
                }
            });
        }
    }

    /** Adds a rule chain; one left without rules (every rule had an error, reported already) is left out. */
    private void chain(Runnable add, String path) {
        int before = problems.size();
        try {
            add.run();
        } catch (IllegalArgumentException e) {
            if (problems.size() == before) {
                error(path, e.getMessage());
            }
        }
    }

    private static String expressionMessage(ExpressionSyntaxException e) {
        String m = e.getMessage();
        int newline = m.indexOf('\n');
        String first = newline < 0 ? m : m.substring(0, newline);
        return first.replaceFirst("^column \\d+: ", "");
    }

    private void subnet(Dhcp6Policy.Builder b, int index, Dhcp6Config.SubnetConfig s) {
        String path = "dhcp6.subnets[" + index + "]";
        Ipv6Prefix prefix;
        try {
            prefix = Ipv6Prefix.parse(s.prefix() == null ? "" : s.prefix());
        } catch (IllegalArgumentException e) {
            error(path + ".prefix", "not a prefix: '" + s.prefix() + "' (write 2001:db8::/64): " + e.getMessage());
            return;
        }
        Consumer<Dhcp6Policy.SubnetBuilder> body = sb -> {
            if (s.interfaceName() != null) {
                sb.interfaceName(s.interfaceName());
            }
            for (int j = 0; j < s.pools().size(); j++) {
                try {
                    sb.pool(s.pools().get(j));
                } catch (IllegalArgumentException e) {
                    error(path + ".pools[" + j + "]", e.getMessage());
                }
            }
            for (int j = 0; j < s.prefixPools().size(); j++) {
                Dhcp6Config.PrefixPoolConfig pp = s.prefixPools().get(j);
                try {
                    if (pp.prefix() == null || pp.delegatedLength() == null) {
                        throw new IllegalArgumentException("a prefix pool needs prefix and delegated-length");
                    }
                    sb.prefixPool(pp.prefix(), pp.delegatedLength());
                } catch (IllegalArgumentException e) {
                    error(path + ".prefix-pools[" + j + "]", e.getMessage());
                }
            }
            for (int j = 0; j < s.reservations().size(); j++) {
                Dhcp6Config.ReservationConfig r = s.reservations().get(j);
                String where = path + ".reservations[" + j + "]";
                try {
                    if ((r.mac() == null) == (r.duid() == null)) {
                        throw new IllegalArgumentException("a reservation names either a mac or a duid");
                    }
                    long[] a = Ipv6Prefix.parseAddress(r.address() == null ? "" : r.address());
                    if (!prefix.contains(a[0], a[1])) {
                        throw new IllegalArgumentException("address " + r.address() + " is outside " + prefix);
                    }
                    sb.reserve(r.mac() != null ? r.mac() : "duid " + r.duid(), r.address());
                } catch (IllegalArgumentException e) {
                    error(where, e.getMessage());
                }
            }
            for (int j = 0; j < config.machines().size(); j++) {
                MachineConfig m = config.machines().get(j);
                if (m.address() == null) {
                    continue;
                }
                try {
                    long[] a = Ipv6Prefix.parseAddress(m.address());
                    if (prefix.contains(a[0], a[1]) && MacAddress.tryParse(String.valueOf(m.mac())).isPresent()) {
                        sb.reserve(MacAddress.parse(m.mac()).toString(), m.address());
                    }
                } catch (IllegalArgumentException e) {
                    // reported once, by machineAddresses()
                }
            }
            if (s.preferredLifetime() != null || s.validLifetime() != null) {
                try {
                    sb.lifetimes(Lifetimes.of(s.preferredLifetime() != null ? s.preferredLifetime() : 1800,
                            s.validLifetime() != null ? s.validLifetime() : 3600));
                } catch (IllegalArgumentException e) {
                    error(path + ".valid-lifetime", e.getMessage());
                }
            }
            options(b, path + ".options", s.options(), (name, value, always) -> {
                if (always) {
                    sb.alwaysSend(name, value);
                } else {
                    sb.option(name, value);
                }
            });
            if (!s.rules().isEmpty()) {
                chain(() -> sb.rules(chain -> rules(b, chain, path + ".rules", s.rules())), path + ".rules");
            }
        };
        try {
            b.at(path).subnet(s.prefix(), body);
        } catch (IllegalArgumentException e) {
            error(path + ".prefix", e.getMessage());
        }
    }

    /** Machines with an address become reservations of the subnet holding it; one holding none is an error. */
    private void machineAddresses() {
        for (int j = 0; j < config.machines().size(); j++) {
            MachineConfig m = config.machines().get(j);
            if (m.address() == null) {
                continue;
            }
            String where = "machines[" + j + "].address";
            try {
                long[] a = Ipv6Prefix.parseAddress(m.address());
                boolean inside = false;
                for (Dhcp6Config.SubnetConfig s : config.dhcp6().subnets()) {
                    try {
                        inside |= Ipv6Prefix.parse(s.prefix()).contains(a[0], a[1]);
                    } catch (IllegalArgumentException | NullPointerException e) {
                        // the subnet's own error is reported at the subnet
                    }
                }
                if (!inside) {
                    error(where, m.address() + " is in no dhcp6 subnet, so it cannot be reserved");
                }
            } catch (IllegalArgumentException e) {
                error(where, "not an IPv6 address: '" + m.address() + "'");
            }
        }
    }

    private Dhcp6ServerConfig dhcp6Server(Inet6Address siteAddress) {
        Dhcp6Config d = config.dhcp6();
        List<String> interfaces = d.interfaces().isEmpty() ? config.site().interfaces() : d.interfaces();
        List<String> unicast = new ArrayList<>();
        int port = 547;
        Integer seenPort = null;
        if (d.unicast().isEmpty()) {
            if (siteAddress != null) {
                unicast.add(Addresses.literal(siteAddress));
            }
        } else {
            for (int i = 0; i < d.unicast().size(); i++) {
                try {
                    InetSocketAddress a = Addresses.socket(d.unicast().get(i), 547);
                    if (seenPort != null && seenPort != a.getPort()) {
                        error("dhcp6.unicast[" + i + "]", "every unicast address must use the same port");
                        continue;
                    }
                    seenPort = a.getPort();
                    unicast.add(Addresses.literal(a.getAddress()));
                } catch (IllegalArgumentException e) {
                    error("dhcp6.unicast[" + i + "]", e.getMessage());
                }
            }
            port = seenPort == null ? 547 : seenPort;
        }
        if (interfaces.isEmpty() && unicast.isEmpty()) {
            error("dhcp6", "nothing to listen on: give dhcp6.interfaces, site.interfaces, dhcp6.unicast or site.address");
            return null;
        }
        for (int i = 0; i < d.subnets().size(); i++) {
            String name = d.subnets().get(i).interfaceName();
            if (name != null && !interfaces.contains(name)) {
                warning("dhcp6.subnets[" + i + "].interface", "interface " + name + " is not among the interfaces"
                        + " DHCPv6 listens on (" + String.join(", ", interfaces) + "): its clients are not heard");
            }
        }
        byte[] salt = salt(d.salt());
        if (salt == null) {
            return null;
        }
        return new Dhcp6ServerConfig(interfaces, unicast, port, 546, d.receiveBuffer(),
                Path.of(config.site().stateDirectory()).resolve(JOURNAL_FILE), salt, serverMac(salt), d.ratePerClient(),
                65_536);
    }

    /**
     * The configured salt, or one derived from the site's address and name: replicas with the same site share it
     * without configuring one, at the price of addresses an outsider who knows the site could predict.
     */
    private byte[] salt(String configured) {
        if (configured != null) {
            try {
                byte[] salt = HexFormat.of().parseHex(configured.trim().toLowerCase(Locale.ROOT));
                if (salt.length == 16) {
                    return salt;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            error("dhcp6.salt", "the salt is 32 hex digits (16 octets), e.g. from: openssl rand -hex 16");
            return null;
        }
        String seed = "ipv6boot salt|" + config.site().address() + "|" + config.site().name();
        byte[] digest = sha256(seed.getBytes(StandardCharsets.UTF_8));
        return java.util.Arrays.copyOf(digest, 16);
    }

    /** A locally administered unicast MAC (RFC 7042 §2.1) for the Server Identifier, the same on every replica. */
    static long serverMac(byte[] salt) {
        byte[] digest = sha256(salt);
        long mac = 0;
        for (int i = 0; i < 6; i++) {
            mac = (mac << 8) | (digest[i] & 0xff);
        }
        return (mac | 0x0200_0000_0000L) & ~0x0100_0000_0000L;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // ---- Router Advertisements ------------------------------------------------------------------------------

    private List<Translation.Advertising> advertising(Inet6Address siteAddress) {
        RaConfig ra = config.ra();
        List<String> interfaces = ra.interfaces().isEmpty() ? config.site().interfaces() : ra.interfaces();
        if (interfaces.isEmpty()) {
            warning("ra", "no interfaces (ra.interfaces or site.interfaces): no Router Advertisements are sent");
            return List.of();
        }
        if (!ra.managed() && !ra.otherConfig()) {
            warning("ra", "neither managed nor other-config is set: iPXE runs DHCPv6 only when the RA sets M or O,"
                    + " so it never gets its boot URL");
        }
        RouterAdvertisement.Builder b = RouterAdvertisement.builder().managed(ra.managed()).otherConfig(ra.otherConfig());
        try {
            b.routerLifetime(ra.routerLifetime());
        } catch (IllegalArgumentException e) {
            error("ra.router-lifetime", e.getMessage());
        }
        for (int i = 0; i < ra.prefixes().size(); i++) {
            try {
                Ipv6Prefix p = Ipv6Prefix.parse(ra.prefixes().get(i));
                if (p.length() != 64) {
                    warning("ra.prefixes[" + i + "]", "SLAAC needs a /64; hosts form no address from a /" + p.length());
                }
                b.option(PrefixInformation.slaac(new Ipv6Address(p.high(), p.low()), p.length()));
            } catch (IllegalArgumentException e) {
                error("ra.prefixes[" + i + "]", "not a prefix: " + e.getMessage());
            }
        }
        // radvd's defaults for the DNS options' lifetimes: at least 3 x MaxRtrAdvInterval (RFC 8106 §5.1)
        long dnsLifetime = 3L * ra.maxInterval();
        List<Ipv6Address> rdnss = new ArrayList<>();
        if (ra.rdnss().isEmpty()) {
            if (config.dns().enabled() && siteAddress != null) {
                rdnss.add(Ipv6Address.of(siteAddress));
            }
        } else {
            for (int i = 0; i < ra.rdnss().size(); i++) {
                try {
                    rdnss.add(Ipv6Address.of(Addresses.ipv6(ra.rdnss().get(i))));
                } catch (IllegalArgumentException e) {
                    error("ra.rdnss[" + i + "]", e.getMessage());
                }
            }
        }
        if (!rdnss.isEmpty()) {
            b.option(new RecursiveDnsServers(dnsLifetime, rdnss));
        }
        if (!ra.dnssl().isEmpty()) {
            try {
                b.option(new DnsSearchList(dnsLifetime, ra.dnssl()));
            } catch (IllegalArgumentException e) {
                error("ra.dnssl", e.getMessage());
            }
        }
        if (ra.pref64() != null) {
            try {
                Ipv6Prefix p = Ipv6Prefix.parse(ra.pref64());
                int lifetime = (int) Math.min(65528, ((3L * ra.maxInterval() + 7) / 8) * 8);
                b.option(new Pref64(new Ipv6Address(p.high(), p.low()), p.length(), lifetime));
            } catch (IllegalArgumentException e) {
                error("ra.pref64", e.getMessage());
            }
        }
        if (ra.mtu() != null) {
            try {
                b.option(new MtuOption(ra.mtu()));
            } catch (IllegalArgumentException e) {
                error("ra.mtu", e.getMessage());
            }
        }
        AdvertisingSettings settings;
        try {
            settings = AdvertisingSettings.intervals(Duration.ofSeconds(ra.minInterval()),
                    Duration.ofSeconds(ra.maxInterval()));
        } catch (IllegalArgumentException e) {
            error("ra.min-interval", e.getMessage());
            return List.of();
        }
        RouterAdvertisement advertisement = b.build();
        List<Translation.Advertising> out = new ArrayList<>();
        for (String name : interfaces) {
            out.add(new Translation.Advertising(name, advertisement, settings));
        }
        return out;
    }

    // ---- DNS --------------------------------------------------------------------------------------------------

    private DnsForwarderConfig dns(Inet6Address siteAddress) {
        DnsConfig d = config.dns();
        DnsForwarderConfig.Builder b = DnsForwarderConfig.builder();
        List<InetSocketAddress> listen = listen("dns.listen", d.listen(), siteAddress, 53);
        listen.forEach(b::listen);
        if (d.upstreams().isEmpty()) {
            error("dns", "no dns.upstreams: the forwarder needs at least one resolver to forward to");
        }
        for (int i = 0; i < d.upstreams().size(); i++) {
            try {
                b.upstream(Addresses.socket(d.upstreams().get(i), 53));
            } catch (IllegalArgumentException e) {
                error("dns.upstreams[" + i + "]", e.getMessage());
            }
        }
        List<AccessRule> rules = new ArrayList<>();
        for (Map.Entry<String, String> acl : d.accessControl().entrySet()) {
            String where = "dns.access-control." + acl.getKey();
            AccessAction action;
            try {
                action = AccessAction.valueOf(acl.getValue().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                error(where, "unknown action '" + acl.getValue() + "'; write allow, allow_snoop, refuse or deny");
                continue;
            }
            try {
                rules.add(AccessRule.parse(acl.getKey(), action));
            } catch (IllegalArgumentException e) {
                error(where, e.getMessage());
            }
        }
        b.accessControl(AccessControl.of(rules));
        if (config.site().name() != null && siteAddress != null) {
            b.localHost(config.site().name(), siteAddress);
        }
        for (Map.Entry<String, String> host : d.hosts().entrySet()) {
            try {
                b.localHost(host.getKey(), Addresses.ipv6(host.getValue()));
            } catch (IllegalArgumentException e) {
                error("dns.hosts", host.getKey() + ": " + e.getMessage());
            }
        }
        if (d.dns64Prefix() != null) {
            try {
                Ipv6Prefix p = Ipv6Prefix.parse(d.dns64Prefix());
                if (p.length() != 96) {
                    throw new IllegalArgumentException("the DNS64 prefix is a /96, e.g. 64:ff9b::/96");
                }
                b.dns64Prefix(Addresses.ipv6(d.dns64Prefix().substring(0, d.dns64Prefix().indexOf('/'))));
            } catch (IllegalArgumentException e) {
                error("dns.dns64-prefix", e.getMessage());
            }
        }
        try {
            b.cacheEntries(d.cacheEntries());
            return listen.isEmpty() || d.upstreams().isEmpty() ? null : b.build();
        } catch (IllegalArgumentException e) {
            error("dns", e.getMessage());
            return null;
        }
    }

    // ---- problems ---------------------------------------------------------------------------------------------

    private void error(String path, String message) {
        add(ConfigProblem.Severity.ERROR, path, message);
    }

    private void warning(String path, String message) {
        add(ConfigProblem.Severity.WARNING, path, message);
    }

    private void errorInside(String path, int column, String message) {
        problems.add(at.problemInside(ConfigProblem.Severity.ERROR, path, column, message));
    }

    private void add(ConfigProblem.Severity severity, String path, String message) {
        problems.add(at.problem(severity, path, message == null ? "invalid" : message));
    }
}
